"""ctrl+r runs the prompt's examples after the file: each example's output against the
prompt's, a layer-by-layer shape table with the parameter count, and a crash explained."""

from __future__ import annotations

from pathlib import Path

from grader import Grader
from grader.inside.examples import decode, encode, notes_of, parse
from question_bank import Bank

CRASHING = Path(__file__).parent / "crashing"

PROMPT = """## 예시

```python
>>> vocab = {"a": 2}
>>> rows = [["a"],
...         ["b"]]
>>> f(rows, vocab)   # (2, 1)
tensor([[2],
        [1]])
>>> g()
```
"""


def test_the_examples_are_read_with_continuation_lines_and_multi_line_outputs() -> None:
    assert parse(PROMPT) == [
        ('vocab = {"a": 2}', ""),
        ('rows = [["a"],\n        ["b"]]', ""),
        ("f(rows, vocab)   # (2, 1)", "tensor([[2],\n[1]])"),
        ("g()", ""),
    ]
    assert parse("no examples") == []
    assert decode(encode(parse(PROMPT))) == parse(PROMPT)
    assert decode("not json") == [] and decode('{"a": 1}') == []


def test_notes_from_the_sandbox_are_checked() -> None:
    assert notes_of("x") == []
    assert notes_of([{"en": "a", "ko": "b"}, {"en": 1}, "c"]) == [{"en": "a", "ko": "b"}]
    assert notes_of([{"en": "a" * 9000, "ko": "b"}])[0]["en"] == "a" * 4000


def test_a_correct_model_shows_each_layer_and_the_parameter_count_the_prompt_gives(
    bank: Bank, grader: Grader
) -> None:
    task = bank.tasks["cnn-fashion"]
    result = grader.run(task, task.read("solution.py"), timeout=300)
    assert result.ok
    summary, table = result.notes
    assert summary["en"].count("✓ >>>") == 3 and "✗" not in summary["en"]
    lines = table["en"].splitlines()
    assert lines[0] == "Layers of `model(torch.randn(8, 1, 28, 28)).shape`:"
    assert "nn.Conv2d(1, 32, kernel_size=3, padding=1)   (8, 32, 28, 28)" in lines[2]
    assert lines[-1] == "  total: 421,642 parameters ✓ (the prompt says 421,642)"
    assert table["ko"].splitlines()[-1] == "  합계: 파라미터 421,642개 ✓ (문제의 값 421,642)"
    assert all(len(line) <= 78 for line in table["en"].splitlines()[1:])


def test_a_shape_error_shows_the_layers_up_to_the_one_that_raised_and_why(
    bank: Bank, grader: Grader
) -> None:
    source = (CRASHING / "cnn-fashion" / "no_padding_linear_kept.py").read_text()
    result = grader.run(bank.tasks["cnn-fashion"], source, timeout=300)
    assert result.ok  # the file itself runs; its example does not
    summary, table, why = result.notes
    assert "✗ >>> model(torch.randn(8, 1, 28, 28)).shape" in summary["en"]
    assert "mat1 and mat2" in summary["ko"]
    assert "nn.MaxPool2d(2)                              (8, 64, 5, 5)" in table["en"]
    assert "nn.Linear(3136, 128)                         ✗ (8, 1600)" in table["en"]
    assert "padding=1" in why["en"] and "padding=1" in why["ko"]


def test_an_example_whose_output_differs_says_what_the_prompt_shows(
    bank: Bank, grader: Grader
) -> None:
    source = "def to_image_batch(x):\n    return x.reshape(x.shape[0], 28, 28, 1)\n"
    result = grader.run(bank.tasks["tensor-reshape"], source, timeout=300)
    (summary,) = result.notes
    assert "✗ >>> y.shape, y.dtype\n    expected (torch.Size([2, 1, 28, 28]), torch.int64), " \
        "got (torch.Size([2, 28, 28, 1]), torch.int64)" in summary["en"]  # fmt: skip
    assert "기대값 (torch.Size([2, 1, 28, 28])" in summary["ko"]


def test_a_file_that_fails_to_run_runs_no_example(bank: Bank, grader: Grader) -> None:
    result = grader.run(bank.tasks["cnn-fashion"], "1 / 0\n", timeout=300)
    assert not result.ok and result.notes == []
