"""`quizapp --lang ko bank check` prints every problem and warning in Korean.

Two broken bank folders, checked together by the real command in a subprocess, hold one
problem of each family the bank reports: item checks (choices, answers, rejects, ratio,
cloze syntax), the glossary file and its cross-checks, task.yaml (function and training
tasks, the contract, data files), a task's mistakes.yaml and equivalent.yaml, blueprint
sections and their cross-checks, and the three warnings (scope, flashcard, task kind).
Each problem line may show ids, field names, code and quoted values, never English words.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.test_cli_korean import output_english
from tests.helpers import quizapp

ITEMS = """\
items:
  - id: ko-single
    type: single_choice
    prompt: 고르세요
    choices: [가, 나, 가]
    answer: 다
  - id: ko-multiple
    type: multiple_choice
    prompt: 모두 고르세요
    choices: [가, 나, 다]
    answers: [라, 가, 가]
  - id: ko-no-blank
    type: cloze
    text: 빈칸 없음
  - id: ko-c0
    type: cloze
    text: "{{c0::영}}"
  - id: ko-empty-answer
    type: cloze
    text: "{{c1::  }}"
  - id: ko-nested
    type: cloze
    text: "{{c1::바깥 {{c2::안}}}}"
  - id: ko-empty-alternative
    type: cloze
    text: "{{c1::목적|}}"
  - id: ko-empty-hint
    type: cloze
    text: "{{c1::목적::}}"
  - id: ko-stray
    type: cloze
    text: "{{c1::목적}} 그리고 {{c2:비용}}"
  - id: ko-cloze-reject
    type: cloze
    text: "{{c1::텐서}}"
    reject:
      - {answer: 행렬, why: 아님}
      - {answer: 벡터, why: 아님, blank: 9}
  - id: ko-short-reject
    type: short_answer
    prompt: 무엇?
    answers: [텐서]
    reject:
      - {answer: 행렬, why: 아님, blank: 1}
      - {answer: " 텐서 ", why: 같음}
  - id: ko-numeric
    type: numeric
    prompt: 비율은?
    answer: 80
    form: ratio
    reject:
      - {answer: 많이, why: 숫자 아님}
  - id: ko-glossary-choice
    type: single_choice
    prompt: 어느 것?
    choices: [큐큐항, 쿼쿼항, 행렬]
    answer: 큐큐항
  - id: ko-giveaway
    type: flashcard
    front: LSTM
    back: Long Short-Term Memory
    reverse: true
    pages: [9000]
  - id: ko-empty-prompt
    type: true_false
    prompt: ""
    answer: true
"""

GLOSSARY = """\
- [큐큐항, 쿼쿼항]
- 하나
- [값, [목록]]
- [외톨이]
- []
- [미니 배치, 미니배치]
- [큐큐항, 다른항]
"""

FUNCTION_TASK = """\
id: ko-function
title: 함수 과제
pages: [5]
prompt: 구현하세요
kind: training
contract:
  function: solve
  args:
    a: {type: tensor, dtypes: [int64], requires_grad: true, special: [large-int64], like: b}
    b: {type: tensor, shape: [[5, 2]], values: [3, -3], layouts: [transposed], special: [large-int64]}
    c: {type: tensor}
    n: {type: int, range: [5, 1]}
    s: {type: sentences, vocab: n, count: [-1, 2]}
    t: {type: token-batch, count: [0, 2], pad: s, classes: [pad-inside]}
    u: {type: token-batch, classes: [pad-inside]}
    m: {type: given, states: [train]}
  effects: {modifies: [zz]}
  returns: {same_as: yy}
  where: "a >"
"""

WHERE_TASK = """\
id: ko-where
title: 조건 과제
pages: [5]
prompt: 구현하세요
kind: tensor
contract:
  function: solve
  args:
    x: {type: int, range: [0, 3]}
  where: "x > limit"
"""

TRAINING_TASK = """\
id: ko-training
type: training
title: 학습 과제
pages: [5]
prompt: 학습하세요
kind: tensor
contract: {function: f, args: {x: {type: int, range: [0, 1]}}}
target: 2
floor: 3
cpu_budget_s: 10
requires: [Conv3d, Qwerty]
data: ../outside.npz
"""

RMSLE_TASK = """\
id: ko-rmsle
type: training
title: 회귀 과제
pages: [5]
prompt: 학습하세요
metric: rmsle
target: 0.5
floor: 0.2
cpu_budget_s: 10
"""

MISSING_DATA_TASK = """\
id: ko-no-data
type: training
title: 데이터 없음
pages: [5]
prompt: 학습하세요
target: 0.9
floor: 0.5
cpu_budget_s: 10
"""

UNION_TASK = """\
id: ko-union
title: 인수 과제
pages: [5]
prompt: 구현하세요
kind: tensor
contract:
  function: solve
  args:
    x: {type: tensr}
    y: {range: [0, 1]}
    z: {type: int, range: [0, 1, 2]}
"""

PLAIN_TASK = """\
id: {name}
title: 평범한 과제
pages: [5]
prompt: 구현하세요
"""

SOLUTION = "def solve(x):\n    return x + 1\n"

MISTAKES = """\
- 42
- id: no-korean
  message: {en: forgot one}
  replace: [{old: x + 1, new: x + 2}]
- id: extra
  message: {en: a, ko: 가}
  replace: [{old: x + 1, new: x + 2}]
  colour: red
- id: twice
  message: {en: a, ko: 가}
  replace: [{old: x + 1, new: x + 2}]
- id: twice
  message: {en: a, ko: 가}
  replace: [{old: x + 1, new: x + 3}]
- id: both
  message: {en: a, ko: 가}
  replace: [{old: x + 1, new: x + 2}]
  file: other.py
- id: lost
  message: {en: a, ko: 가}
  file: nowhere.py
- id: unreadable
  message: {en: a, ko: 가}
  file: latin1.py
- id: absent
  message: {en: a, ko: 가}
  replace: [{old: y * 9, new: y}]
- id: same
  message: {en: a, ko: 가}
  replace: [{old: x + 1, new: x + 1}]
- id: broken
  message: {en: a, ko: 가}
  replace: [{old: x + 1, new: x +}]
"""

BLUEPRINT = """\
id: ko-mock
title: 모의고사
minutes: 60
sections:
  - title: 필기
    kind: written
    points_each: 1
    weights: {기초: 2}
    tasks: [ko-plain]
  - title: 실기
    kind: practical
    points_each: 1
    stratify: syllabus
    types: [cloze]
  - title: 실기 둘
    kind: tensor
    points_each: 1
    tasks: [ko-plain, ko-plain, ko-plian]
    pages: [5]
    count: 9
  - title: 필기 둘
    kind: written
    points_each: 1
    count: 999
    pages: [9000]
    types: [cloze]
    scope: beyond
  - title: 가중치
    kind: batch
    points_each: 1
    count: 1
    weights: {ko-plain: 1, nope: 1}
  - title: 카드 범위
    kind: written
    points_each: 1
    count: 1
    pages: [9000]
"""

EMPTY_BLUEPRINT = "id: ko-empty\ntitle: 빈 설계\nminutes: 10\nsections: []\n"


def _task(root: Path, name: str, spec: str, *, training: bool = False) -> Path:
    folder = root / "tasks" / name
    folder.mkdir(parents=True)
    (folder / "task.yaml").write_text(spec, encoding="utf-8")
    files = (
        ("starter.py", "solution.py")
        if training
        else ("starter.py", "solution.py", "hidden_tests.py")
    )
    for file in files:
        (folder / file).write_text(SOLUTION, encoding="utf-8")
    return folder


def broken_banks(tmp: Path) -> list[Path]:
    """Two bank folders holding one problem of each family (see the module docstring)."""
    one, two = tmp / "one", tmp / "two"
    (one / "items").mkdir(parents=True)
    (one / "items" / "a.yaml").write_text(ITEMS, encoding="utf-8")
    (one / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    _task(one, "ko-function", FUNCTION_TASK)
    _task(one, "ko-where", WHERE_TASK)
    _task(one, "ko-union", UNION_TASK)
    _task(one, "ko-training", TRAINING_TASK, training=True)
    _task(one, "ko-rmsle", RMSLE_TASK, training=True)
    _task(one, "ko-no-data", MISSING_DATA_TASK, training=True)
    moved = _task(one, "ko-moved", PLAIN_TASK.format(name="ko-moved"))
    with (moved / "task.yaml").open("a", encoding="utf-8") as spec:
        spec.write("mistakes: []\n")
    plain = _task(one, "ko-plain", PLAIN_TASK.format(name="ko-plain"))
    (plain / "mistakes.yaml").write_text(MISTAKES, encoding="utf-8")
    (plain / "other.py").write_text(SOLUTION, encoding="utf-8")
    (plain / "latin1.py").write_bytes(b"# caf\xe9\n")
    (plain / "equivalent.yaml").write_text("swap:1:2:3: ''\n", encoding="utf-8")
    odd = _task(one, "ko-odd", PLAIN_TASK.format(name="ko-odd"))
    (odd / "mistakes.yaml").write_text("id: not-a-list\n", encoding="utf-8")
    (odd / "equivalent.yaml").write_text("- not a mapping\n", encoding="utf-8")
    (odd / "starter.py").write_bytes(b"# caf\xe9\n")
    (odd / "hidden_tests.py").write_text("def (:\n", encoding="utf-8")
    (one / "exams").mkdir()
    (one / "exams" / "mock.yaml").write_text(BLUEPRINT, encoding="utf-8")
    (one / "exams" / "empty.yaml").write_text(EMPTY_BLUEPRINT, encoding="utf-8")
    (two / "items").mkdir(parents=True)
    (two / "items" / "b.yaml").write_text(
        "items:\n  - id: ko-other\n    type: true_false\n    prompt: 참?\n    answer: true\n",
        encoding="utf-8",
    )
    (two / "glossary.yaml").write_text("terms: [가, 나]\n", encoding="utf-8")
    return [one, two]


def test_bank_check_prints_every_problem_in_korean(tmp_path: Path) -> None:
    run = quizapp("--lang", "ko", "bank", "check", *broken_banks(tmp_path), cwd=tmp_path)
    assert run.code == 1, run.out + run.err
    lines = [line for line in run.out.splitlines() if re.match(r"\S+:\d+: ", line)]
    assert len(lines) >= 95, run.out  # every problem planted (see broken_banks)
    english = {line: words for line in lines if (words := output_english(line))}
    assert not english, "English in `bank check`:\n" + "\n".join(
        f"{words}  {line}" for line, words in english.items()
    )
    messages = {line.split(": ", 1)[1] for line in lines}
    for expected in (
        "빈칸이 없습니다; 빈칸마다 `{{c1::정답}}`처럼 표시하세요",
        "빈칸 '{{c0::영}}': 번호는 c1부터 시작합니다",
        "답 '다'가 보기에 없습니다",
        "비율 답은 0과 1 사이여야 하는데 80입니다 (80%라면 0.8로 쓰세요)",
        "`prompt`가 비어 있습니다",
        "용어집(glossary.yaml)은 용어 묶음의 목록이어야 합니다. 예: `- [망각 게이트, forget gate]`",
        "용어 묶음에는 용어가 둘 이상 있어야 하는데 '외톨이' 하나뿐입니다",
        "`floor` 0.2는 `target` 0.5보다 커야 합니다: `rmsle`은 낮을수록 좋은 지표입니다",
        "`where`에 쓴 `limit`는 계약의 인수가 아닙니다",
        "실수 'no-korean': `message`에 `ko`(한국어 문구)가 필요합니다",
        "필기 영역에는 `count`(뽑을 문항 수)가 필요합니다",
        "경고: 과제 'ko-plain'에 `kind`(`tensor`, `batch`, `model`, `loop`)가 없습니다: "
        "유형으로 뽑는 영역은 이 과제를 뽑지 않습니다",
    ):
        assert expected in messages, (expected, run.out)
