"""Every validation rule of the bank format, each on a small broken bank.

Each test asserts the exact ``path:line: message`` that an author will read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from question_bank import Cloze, load_banks
from question_bank.cloze import first_alternatives, render_cloze

MakeBank = Callable[..., Path]

TASK_FILES = {
    "task.yaml": """
        id: {id}
        title: 과제
        pages: [105]
        prompt: 함수를 작성하세요.
    """,
    "starter.py": "def f():\n    raise NotImplementedError\n",
    "solution.py": "def f():\n    return 1\n",
    "hidden_tests.py": "CHECKS = []\n",
}


def task_files(
    task_id: str, folder: str | None = None, skip: tuple[str, ...] = ()
) -> dict[str, str]:
    folder = folder or task_id
    return {
        f"tasks/{folder}/{name}": text.replace("{id}", task_id)
        for name, text in TASK_FILES.items()
        if name not in skip
    }


def problems_of(bank: Path) -> list[str]:
    """The problems of one bank folder, as ``relative/path:line: message`` strings."""
    _, problems = load_banks([bank], bundled=False)
    return [f"{p.path.relative_to(bank)}:{p.line}: {p.message}" for p in problems]


def items_file(body: str, header: str = "pages: [50]\n") -> dict[str, str]:
    return {"items/a.yaml": header + "items:\n" + body.lstrip("\n")}


def test_a_correct_bank_has_no_problems(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            "syllabus.yaml": """
                - title: 손실함수
                  pages: [50]
            """,
            "items/a.yaml": """
                pages: [50]
                items:
                  - id: q1
                    type: single_choice
                    prompt: 회귀에 쓰는 손실은?
                    choices: [MSELoss, CrossEntropyLoss]
                    answer: MSELoss
                  - id: q2
                    type: multiple_choice
                    prompt: 분류 손실을 모두 고르세요.
                    choices: [BCELoss, CrossEntropyLoss, MSELoss]
                    answers: [BCELoss, CrossEntropyLoss]
                  - id: q3
                    type: true_false
                    prompt: CrossEntropyLoss는 로짓을 받는다.
                    answer: true
                  - id: q4
                    type: short_answer
                    prompt: 평균제곱오차의 클래스 이름은?
                    answers: [MSELoss, nn.MSELoss]
                  - id: q5
                    type: numeric
                    prompt: 2 + 2 는?
                    answer: 4
                    tolerance: 0.5
                  - id: q6
                    type: cloze
                    text: "다중 분류에는 {{c1::CrossEntropyLoss::손실}}를 쓴다."
                  - id: q7
                    type: flashcard
                    front: MSE
                    back: 평균제곱오차
                    reverse: true
            """,
            **task_files("t1"),
            "exams/e.yaml": """
                id: mock
                title: 모의고사
                minutes: 30
                pass_percent: 60
                sections:
                  - title: 필기
                    kind: written
                    count: 6
                    pages: [50]
                    points_each: 2
                  - title: 실기
                    kind: practical
                    tasks: [t1]
                    points_each: 10
            """,
        }
    )
    bank_data, problems = load_banks([bank], bundled=False)
    assert problems == []
    assert len(bank_data.written) == 6
    assert len(bank_data.flashcards) == 1
    assert list(bank_data.tasks) == ["t1"]
    assert bank_data.exams["mock"].max_points == 6 * 2 + 10


# -- YAML and files --------------------------------------------------------------


def test_yaml_syntax_error_points_at_the_line(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: true_false
    prompt: 파이토치: 동적 그래프
    answer: true
""".lstrip("\n")
        )
    )
    (found,) = problems_of(bank)
    # libyaml says "in this context", the pure-Python parser "here"
    assert found.startswith("items/a.yaml:5: YAML syntax error: mapping values are not allowed ")
    assert found.endswith(
        "(a value that contains ': ' must be quoted, or written as a block after `|`)"
    )


def test_file_that_is_not_utf8(make_bank: MakeBank) -> None:
    bank = make_bank({"items/a.yaml": b"items:\n  - id: q\n    prompt: \xbf\xa9\n"})
    assert problems_of(bank) == [
        "items/a.yaml:3: not UTF-8 text (byte 0xbf); save the file as UTF-8"
    ]


def test_empty_file(make_bank: MakeBank) -> None:
    bank = make_bank({"items/a.yaml": "# 아직 비어 있음\n\n", "syllabus.yaml": ""})
    assert problems_of(bank) == [
        "items/a.yaml:1: the file is empty",
        "syllabus.yaml:1: the file is empty",
    ]


def test_duplicate_key(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: true_false
    prompt: 첫 번째
    prompt: 두 번째
    answer: true
"""
        )
    )
    assert problems_of(bank) == ["items/a.yaml:6: duplicate key 'prompt' (first given at line 5)"]


def test_a_folder_that_is_not_a_bank(make_bank: MakeBank) -> None:
    bank = make_bank({"notes.txt": "hello"})
    assert problems_of(bank) == [
        ":1: not a bank folder: expected syllabus.yaml, items/, tci/ or exams/ in it".replace(
            "tci/", "tasks/"
        ).replace(":1", ".:1", 1)
    ]


# -- fields ------------------------------------------------------------------------


def test_unknown_field_with_suggestion(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: single_choice
    prompt: 고르세요
    choices: [a, b]
    answr: a
"""
        )
    )
    assert problems_of(bank) == [
        "items/a.yaml:3: single_choice item 'q1': missing field 'answer'",
        "items/a.yaml:7: single_choice item 'q1': unknown field 'answr' (did you mean 'answer'?)",
    ]


def test_unknown_field_lists_the_allowed_ones(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: true_false
    prompt: 참인가?
    answer: false
    colour: red
"""
        )
    )
    assert problems_of(bank) == [
        "items/a.yaml:7: true_false item 'q1': unknown field 'colour' (allowed: id, pages, "
        "topic, tags, difficulty, explanation, anki_guid, type, prompt, answer)"
    ]


def test_missing_type_and_unknown_type(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    prompt: 타입이 없음
  - id: q2
    type: singel_choice
    prompt: 오타
"""
        )
    )
    assert problems_of(bank) == [
        "items/a.yaml:3: item 'q1': missing field 'type' (one of: single_choice, "
        "multiple_choice, true_false, short_answer, numeric, cloze, flashcard)",
        "items/a.yaml:6: item 'q2': unknown type 'singel_choice' (did you mean 'single_choice'?)",
    ]


def test_wrong_value_types(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: true_false
    prompt: 참인가?
    answer: "yes"
  - id: q2
    type: numeric
    prompt: 몇 개?
    answer: 많이
  - id: q3
    type: flashcard
    front: [a, b]
    back: 뒷면
    difficulty: 5
"""
        )
    )
    assert problems_of(bank) == [
        "items/a.yaml:6: `answer` must be true or false, got 'yes'",
        "items/a.yaml:10: `answer` must be a number, got '많이'",
        "items/a.yaml:13: `front` must be text, got a list",
        "items/a.yaml:15: `difficulty` must be ≤ 3, got 5",
    ]


def test_invalid_id(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: Loss_1
    type: true_false
    prompt: 참인가?
    answer: true
"""
        )
    )
    assert problems_of(bank) == [
        "items/a.yaml:3: id 'Loss_1' is not valid: use lowercase letters, digits and '-', "
        "starting with a letter or digit"
    ]


def test_item_that_is_not_a_mapping_and_file_without_items(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            "items/a.yaml": "items:\n  - just a string\n",
            "items/b.yaml": "- id: q1\n",
            "items/c.yaml": "topic: 손실\n",
        }
    )
    assert problems_of(bank) == [
        "items/a.yaml:2: an item must be a mapping (id:, type:, …), got text",
        "items/b.yaml:1: an items file is a mapping with an `items:` list "
        "(and optional `topic`, `pages`, `tags` defaults)",
        "items/c.yaml:1: items file: missing field 'items' (the list of items)",
    ]


# -- ids ---------------------------------------------------------------------------


def test_duplicate_id_names_both_places(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            "items/a.yaml": """
                pages: [50]
                items:
                  - id: loss-mse
                    type: true_false
                    prompt: 하나
                    answer: true
            """,
            "items/b.yaml": """
                pages: [50]
                items:
                  - id: loss-mse
                    type: flashcard
                    front: 둘
                    back: 셋
            """,
        }
    )
    first = bank / "items/a.yaml"
    assert problems_of(bank) == [
        f"items/b.yaml:3: duplicate id 'loss-mse': already defined at {first}:3"
    ]


def test_ids_are_unique_across_banks(make_bank: MakeBank) -> None:
    one = make_bank(
        items_file("  - id: q1\n    type: true_false\n    prompt: a\n    answer: true\n")
    )
    two = make_bank(
        items_file("  - id: q1\n    type: true_false\n    prompt: b\n    answer: true\n")
    )
    _, problems = load_banks([one, two], bundled=False)
    assert [str(p) for p in problems] == [
        f"{two / 'items/a.yaml'}:3: duplicate id 'q1': already defined at {one / 'items/a.yaml'}:3"
    ]


def test_user_bank_may_not_reuse_a_bundled_id(make_bank: MakeBank) -> None:
    bundled, _ = load_banks()
    taken = next(iter(bundled.items))
    mine = make_bank(
        items_file(f"  - id: {taken}\n    type: true_false\n    prompt: a\n    answer: true\n")
    )
    _, problems = load_banks([mine])
    assert len(problems) == 1
    assert problems[0].path == mine / "items/a.yaml"
    assert problems[0].line == 3
    assert problems[0].message.startswith(f"duplicate id {taken!r}: already defined at ")


# -- choices -------------------------------------------------------------------------


def test_answer_not_among_choices(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: single_choice
    prompt: 고르세요
    choices: [Adam, SGD]
    answer: adam
  - id: q2
    type: multiple_choice
    prompt: 모두 고르세요
    choices: [Adam, SGD, RMSprop]
    answers:
      - Adam
      - Momentum
"""
        )
    )
    assert problems_of(bank) == [
        "items/a.yaml:7: answer 'adam' is not one of the choices",
        "items/a.yaml:14: answer 'Momentum' is not one of the choices",
    ]


def test_duplicate_choices(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: single_choice
    prompt: 고르세요
    choices:
      - ReLU
      - Sigmoid
      - ReLU
    answer: ReLU
"""
        )
    )
    assert problems_of(bank) == ["items/a.yaml:9: duplicate choice 'ReLU' (also choice 1)"]


def test_too_few_choices(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: single_choice
    prompt: 고르세요
    choices: [ReLU]
    answer: ReLU
"""
        )
    )
    assert problems_of(bank) == ["items/a.yaml:6: `choices` needs at least 2 entries, got 1"]


def test_numbers_as_choices_are_read_as_text(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: single_choice
    prompt: 출력 크기는?
    choices: [14, 28]
    answer: 14
"""
        )
    )
    data, problems = load_banks([bank], bundled=False)
    assert problems == []
    assert data.items["q1"].choices == ["14", "28"]  # type: ignore[union-attr]


# -- pages ---------------------------------------------------------------------------


def test_reversed_and_malformed_page_ranges(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: true_false
    prompt: 참인가?
    answer: true
    pages:
      - "88-83"
      - "83~88"
      - 0
      - 12.5
""",
            header="",
        )
    )
    assert problems_of(bank) == [
        "items/a.yaml:7: page range '88-83' is reversed: write \"83-88\" (start ≤ end)",
        "items/a.yaml:8: malformed page range '83~88'; write 50 or \"83-88\"",
        "items/a.yaml:9: page 0 is not a page: pages start at 1",
        'items/a.yaml:10: page 12.5 is not a page number; write 50 or "83-88"',
    ]


def test_empty_pages_list(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            "items/a.yaml": """
                pages: []
                items:
                  - id: q1
                    type: true_false
                    prompt: 참인가?
                    answer: true
                    pages: []
            """,
            "syllabus.yaml": """
                - title: 손실함수
                  pages: []
            """,
        }
    )
    assert problems_of(bank) == [
        "items/a.yaml:1: `pages` is empty: give at least one page, or leave `pages` out",
        "items/a.yaml:7: `pages` is empty: give at least one page, or leave `pages` out",
        "syllabus.yaml:2: `pages` is empty: give at least one page, or leave `pages` out",
    ]


def test_file_defaults_apply_and_items_override_them(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            "items/a.yaml": """
                topic: 손실함수
                pages: [50]
                tags: [loss]
                items:
                  - id: q1
                    type: true_false
                    prompt: 하나
                    answer: true
                  - id: q2
                    type: true_false
                    prompt: 둘
                    answer: false
                    pages: ["68-69"]
                    tags: []
            """
        }
    )
    data, problems = load_banks([bank], bundled=False)
    assert problems == []
    q1, q2 = data.items["q1"], data.items["q2"]
    assert (q1.topic, [str(p) for p in q1.pages or []], q1.tags) == ("손실함수", ["50"], ["loss"])
    assert ([str(p) for p in q2.pages or []], q2.tags) == (["68-69"], [])


def test_syllabus_must_be_a_list(make_bank: MakeBank) -> None:
    bank = make_bank({"syllabus.yaml": "title: 손실함수\npages: [50]\n"})
    assert problems_of(bank) == [
        "syllabus.yaml:1: syllabus.yaml must be a list of entries (- title: …, pages: […])"
    ]


# -- cloze ----------------------------------------------------------------------------


def test_cloze_without_deletions_and_malformed(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: cloze
    text: 빈칸이 없는 문장
  - id: q2
    type: cloze
    text: "옵티마이저는 {{c1:Adam}}이다."
  - id: q3
    type: cloze
    text: "손실은 {{c1::}}이다."
"""
        )
    )
    assert problems_of(bank) == [
        "items/a.yaml:5: cloze text has no deletions; mark each blank as {{c1::answer}}",
        "items/a.yaml:8: malformed cloze deletion near '{{c1:Adam}}이다.'; write {{c1::answer}}",
        "items/a.yaml:11: cloze deletion '{{c1::}}' has an empty answer",
    ]


def test_a_nested_cloze_is_an_error(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            """
  - id: q1
    type: cloze
    text: "{{c1::바깥 {{c2::안쪽}} 끝}}"
"""
        )
    )
    assert problems_of(bank) == [
        "items/a.yaml:5: cloze deletion '{{c1::바깥 {{c2::안쪽}}' holds another deletion; "
        "nested clozes are not supported"
    ]


def test_an_escaped_bar_is_a_literal_bar_in_a_cloze_answer(make_bank: MakeBank) -> None:
    bank = make_bank(
        items_file(
            r"""
  - id: q1
    type: cloze
    text: "비트 OR 는 {{c1::a \\| b|a.bitwise_or(b)}} 이다."
"""
        )
    )
    data, problems = load_banks([bank], bundled=False)
    assert problems == []
    item = data.items["q1"]
    assert isinstance(item, Cloze)
    assert [b.answers for b in item.blanks] == [("a | b", "a.bitwise_or(b)")]
    assert first_alternatives(item.text) == "비트 OR 는 {{c1::a | b}} 이다."
    assert render_cloze(item.text, reveal=True) == "비트 OR 는 **a | b** 이다."


@pytest.mark.parametrize(
    ("text", "revealed"),
    [
        ("손실은 {{c1::backward}}로", "손실은 **backward**로"),
        ("`loss.{{c1::backward}}()`와 {{c2::step}}", "`loss.backward()`와 **step**"),
        (
            "단계:\n\n    optimizer.{{c1::zero_grad}}()\n    loss.{{c2::backward}}()",
            "단계:\n\n    optimizer.zero_grad()\n    loss.backward()",
        ),
        (
            "```python\nx.{{c1::view}}(2, 3)\n```\n{{c2::view}}는",
            "```python\nx.view(2, 3)\n```\n**view**는",
        ),
        ("- 목록\n    {{c1::들여쓰기}} 이어짐", "- 목록\n    **들여쓰기** 이어짐"),
    ],
)
def test_a_revealed_blank_in_code_is_plain(text: str, revealed: str) -> None:
    """`**` inside code would reach the screen as two stars: code shows the answer plain."""
    assert render_cloze(text, reveal=True) == revealed


# -- tasks ----------------------------------------------------------------------------


def test_task_folder_missing_a_file(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            **task_files("t1", skip=("solution.py",)),
            **task_files("t2", skip=("task.yaml",)),
        }
    )
    assert problems_of(bank) == [
        "tasks/t1/task.yaml:1: task folder 't1' is missing solution.py",
        "tasks/t2:1: task folder is missing task.yaml",
    ]


def test_task_id_must_equal_its_folder(make_bank: MakeBank) -> None:
    bank = make_bank(task_files("cnn-fashon", folder="cnn-fashion"))
    assert problems_of(bank) == [
        "tasks/cnn-fashion/task.yaml:1: task id 'cnn-fashon' differs from its folder name 'cnn-fashion'"
    ]


def test_task_python_files_must_compile(make_bank: MakeBank) -> None:
    files = task_files("t1")
    files["tasks/t1/solution.py"] = "def f(:\n    return 1\n"
    bank = make_bank(files)
    assert problems_of(bank) == ["tasks/t1/solution.py:1: Python syntax error: invalid syntax"]


def test_task_defaults(make_bank: MakeBank) -> None:
    data, problems = load_banks([make_bank(task_files("t1"))], bundled=False)
    assert problems == []
    task = data.tasks["t1"]
    assert (task.points, task.time_limit_s, task.memory_mb) == (10, 10, 1024)
    assert task.read("solution.py") == "def f():\n    return 1\n"


# -- exam blueprints --------------------------------------------------------------------


def blueprint(sections: str) -> dict[str, str]:
    return {
        "exams/mock.yaml": "id: mock\ntitle: 모의고사\nminutes: 30\n" + sections,
        **task_files("cnn-fashion"),
        "items/a.yaml": "pages: [50]\nitems:\n"
        + "".join(
            f"  - id: q{i}\n    type: true_false\n    prompt: 문제 {i}\n    answer: true\n"
            for i in range(3)
        ),
    }


def test_blueprint_with_unknown_task(make_bank: MakeBank) -> None:
    bank = make_bank(
        blueprint(
            """sections:
  - title: 실기
    kind: practical
    tasks:
      - cnn-fashion
      - cnn-fashon
    points_each: 20
"""
        )
    )
    assert problems_of(bank) == [
        "exams/mock.yaml:9: unknown task 'cnn-fashon' (did you mean 'cnn-fashion'?)"
    ]


def test_blueprint_drawing_more_than_its_pool(make_bank: MakeBank) -> None:
    bank = make_bank(
        blueprint(
            """sections:
  - title: 필기
    kind: written
    count: 4
    points_each: 2
  - title: 필기2
    kind: written
    count: 1
    pages: [90]
    points_each: 2
  - title: 실기
    kind: practical
    count: 2
    points_each: 20
"""
        )
    )
    assert problems_of(bank) == [
        "exams/mock.yaml:7: section '필기' draws 4 written items but its pool holds 3",
        "exams/mock.yaml:11: section '필기2' draws 1 written items but its pool holds 0 (pages 90)",
        "exams/mock.yaml:16: section '실기' draws 2 tasks but its pool holds 1",
    ]


def test_blueprint_without_sections(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            "exams/a.yaml": "id: a\ntitle: 빈 시험\nminutes: 10\nsections: []\n",
            "exams/b.yaml": "id: b\ntitle: 빈 시험\nminutes: 10\n",
        }
    )
    assert problems_of(bank) == [
        "exams/a.yaml:4: the blueprint has no sections",
        "exams/b.yaml:1: blueprint: missing field 'sections'",
    ]


def test_blueprint_section_rules(make_bank: MakeBank) -> None:
    bank = make_bank(
        blueprint(
            """sections:
  - title: 필기
    kind: written
    points_each: 2
  - title: 실기
    kind: practical
    points_each: 20
"""
        )
        | {
            "exams/oral.yaml": """
                id: oral
                title: 구술
                minutes: 10
                sections:
                  - title: 기타
                    kind: oral
                    count: 1
                    points_each: 1
            """
        }
    )
    assert problems_of(bank) == [
        "exams/mock.yaml:5: a written section needs `count`: how many items to draw",
        "exams/mock.yaml:8: a practical section needs `tasks` (a list of task ids) or `count`",
        "exams/oral.yaml:6: `sections[0].kind` must be one of 'written', 'practical', 'tensor', 'batch', 'model', 'loop' or 'training'; got 'oral'",
    ]


# -- all problems at once ------------------------------------------------------------------


def test_every_problem_of_a_bank_is_reported_in_one_run(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            "syllabus.yaml": '- title: 손실함수\n  pages: ["50-40"]\n',
            "items/a.yaml": """
                pages: [50]
                items:
                  - id: q1
                    type: single_choice
                    prompt: 고르세요
                    choices: [a, a]
                    answer: c
                  - id: q2
                    type: cloze
                    text: 빈칸 없음
            """,
            "items/b.yaml": "items:\n  - id: q1\n    type: true_false\n    prompt: x\n    answer: true\n",
            "items/c.yaml": "items: [\n",
            **task_files("t1", skip=("hidden_tests.py",)),
            "exams/e.yaml": "id: e\ntitle: 시험\nminutes: 10\nsections: []\n",
        }
    )
    found = problems_of(bank)
    assert len(found) == 8, found
    assert [f.split(":")[0] for f in found] == [
        "exams/e.yaml",
        "items/a.yaml",
        "items/a.yaml",
        "items/a.yaml",
        "items/b.yaml",
        "items/c.yaml",
        "syllabus.yaml",
        "tasks/t1/task.yaml",
    ]
