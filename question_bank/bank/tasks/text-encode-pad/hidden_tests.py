"""Hidden checks for text-encode-pad: ids (unknown → unk_id), cut to max_len, right-padded, int64."""

import copy

from grader.probe import Probe
from grader.text import tr

VOCAB = {
    "<pad>": 0,
    "<unk>": 1,
    "나는": 2,
    "학교에": 3,
    "간다": 4,
    "밥을": 5,
    "먹는다": 6,
    "오늘": 7,
}


def probe(p: Probe) -> None:
    encode_and_pad = p.function("encode_and_pad")
    cases = [
        (
            "padding on the right",
            "오른쪽에 패딩",
            [["나는", "학교에", "간다"], ["오늘", "밥을", "먹는다", "간다"]],
            6,
            {},
        ),
        (
            "sentences longer than max_len are cut",
            "max_len보다 긴 문장은 잘림",
            [["나는", "오늘", "학교에", "간다"], ["밥을"]],
            2,
            {},
        ),
        (
            "unknown tokens become unk_id",
            "vocab에 없는 토큰은 unk_id가 됨",
            [["나는", "커피를", "마신다"], ["도서관에", "간다"]],
            4,
            {},
        ),
        (
            "custom pad_id and unk_id",
            "pad_id와 unk_id를 직접 지정",
            [["나는", "카페에", "간다"], ["오늘"]],
            5,
            {"pad_id": 9, "unk_id": 8},
        ),
        ("an empty sentence", "빈 문장", [[], ["나는", "간다"]], 3, {}),
        (
            "a sentence of exactly max_len",
            "길이가 정확히 max_len인 문장",
            [["오늘", "나는", "밥을"]],
            3,
            {},
        ),
        (
            "pad_id and unk_id given by position",
            "pad_id와 unk_id를 위치 인자로 전달",
            [["없는말", "간다"]],
            4,
            {"args": (7, 6)},
        ),
        ("max_len of 1", "max_len이 1", [["밥을", "먹는다"], [], ["모름"]], 1, {}),
    ]
    for name, name_ko, sentences, max_len, options in cases:
        with p.check(
            tr(f"output values, dtype and shape: {name}", f"출력 값, dtype, 모양: {name_ko}"),
            points=2,
        ):
            extra = options.get("args", ())
            keywords = {k: v for k, v in options.items() if k != "args"}
            result = encode_and_pad(
                copy.deepcopy(sentences), dict(VOCAB), max_len, *extra, **keywords
            )
            p.tensor(tr("output", "출력"), result, atol=0, rtol=0)
    with p.check(
        tr(
            "every argument by keyword, only unk_id changed (pad_id stays 0)",
            "모든 인자를 키워드로 전달, unk_id만 바꿈 (pad_id는 0 그대로)",
        )
    ):
        result = encode_and_pad(
            sentences=[["오늘", "모르는"], ["간다", "간다", "간다", "간다"]],
            vocab=dict(VOCAB),
            max_len=3,
            unk_id=5,
        )
        p.tensor(tr("output", "출력"), result, atol=0, rtol=0)
    with p.check(
        tr(
            "the sentences and the vocabulary are not modified",
            "문장 목록(sentences)과 단어 사전(vocab)이 바뀌지 않음",
        )
    ):
        sentences = [["나는", "모르는", "학교에", "간다"], ["밥을"]]
        vocab = dict(VOCAB)
        encode_and_pad(sentences, vocab, 2)
        p.observe(tr("sentences after the call", "호출 뒤의 sentences"), sentences)
        p.observe(tr("vocab after the call", "호출 뒤의 vocab"), vocab)
    p.contract_checks(encode_and_pad)  # every input class of task.yaml's contract
