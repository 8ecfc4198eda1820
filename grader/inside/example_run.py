"""Running the prompt's examples after the student's file (the editor's ctrl+r, sandboxed side).

Each ``>>>`` statement runs in a namespace holding the file's names (and
``torch``, ``nn``, ``F``, ``DataLoader``, ``TensorDataset``, ``Dataset``
where the file did not define them); an expression's ``repr`` is compared
with the output the prompt shows. The first statement that calls a model is
traced layer by layer (:mod:`grader.inside.layertrace`): the table lists each leaf
layer as it was built, its output shape and its parameters, with the total
against the count the prompt gives. An example that raises stops the run,
with the explanation a graded run would give (:mod:`grader.verdict.explain`).

The result is a list of notes (each a :data:`grader.text.Text`) for
:class:`grader.verdict.result.RunResult`: the student's own code ran, so everything
here is theirs to see.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from grader.inside import layertrace, tracebacks
from grader.inside.examples import same_output
from grader.text import Text
from grader.verdict import explain
from grader.verdict.faults import Layer

WIDTH = 78  # the report is read in an 80-column terminal
_SHOWN = 60  # characters of a value shown


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def _names(namespace: dict[str, Any]) -> dict[str, Any]:
    import torch
    import torch.nn.functional as functional
    from torch import nn
    from torch.utils.data import DataLoader, Dataset, TensorDataset

    names: dict[str, Any] = {
        "torch": torch,
        "nn": nn,
        "F": functional,
        "DataLoader": DataLoader,
        "Dataset": Dataset,
        "TensorDataset": TensorDataset,
    }
    names.update(namespace)
    return names


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns (a Hangul syllable takes two)."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    fill = " " * max(0, width - columns)
    return fill + text if right else text + fill


def _statement(statement: str) -> str:
    """The statement as shown: one line, without a trailing comment."""
    text = " ".join(line.strip() for line in statement.splitlines())
    code, _hash, comment = text.partition("  #")
    if comment and code.count('"') % 2 == 0 and code.count("'") % 2 == 0:
        text = code
    text = re.sub(r"\s+#[^'\"]*$", "", text)
    return _short(text)


def _shape(shape: Any) -> str:
    if not isinstance(shape, list):
        return "?"
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def _table(
    statement: str,
    layers: list[dict[str, Any]],
    expected: int | None,
    failing: dict[str, Any] | None = None,
) -> Text:
    """The layer-by-layer table of one traced statement (up to the layer that raised)."""
    rows: list[tuple[str, str, str]] = []
    total = 0
    for data in [*layers, *([failing] if failing else [])]:
        layer = Layer.read(data)
        if layer is None:
            continue
        count = data.get("params")
        params = count if type(count) is int else 0
        total += params
        shape = _shape(layer.shape_out) if data is not failing else "✗ " + _shape(layer.shape_in)
        call = layer.call.replace("input_size=", "").replace("hidden_size=", "")
        call = call.replace(", batch_first=True", "")
        rows.append((call if len(call) <= 44 else call[:43] + "…", shape, f"{params:,}"))
    name_width = min(44, max([len(r[0]) for r in rows] + [5]))
    shape_width = min(20, max([len(r[1]) for r in rows] + [5]))
    lines_en = [f"Layers of `{_statement(statement)}`:"]
    lines_ko = [f"`{_statement(statement)}`의 층별 출력:"]
    for lang, lines in (("en", lines_en), ("ko", lines_ko)):
        head = ("layer", "output shape", "parameters")
        if lang == "ko":
            head = ("층", "출력 모양", "파라미터")
        lines.append(
            f"  {_pad(head[0], name_width)}  {_pad(head[1], shape_width)}  "
            f"{_pad(head[2], 10, right=True)}"
        )
        for call, shape_text, params_text in rows:
            line = f"  {call:<{name_width}}  {shape_text:<{shape_width}}  {params_text:>10}"
            lines.append(line[:WIDTH])
    total_text = f"{total:,}"
    if failing is not None:
        lines_en.append(
            f"  (✗: the layer that raised, with the input it got; {total_text} parameters so far)"
        )
        lines_ko.append(
            f"  (✗: 예외가 난 층과 그 층이 받은 입력 모양. 여기까지 파라미터 {total_text}개)"
        )
    elif expected is None:
        lines_en.append(f"  total: {total_text} parameters")
        lines_ko.append(f"  합계: 파라미터 {total_text}개")
    elif expected == total:
        lines_en.append(f"  total: {total_text} parameters ✓ (the prompt says {expected:,})")
        lines_ko.append(f"  합계: 파라미터 {total_text}개 ✓ (문제의 값 {expected:,})")
    else:
        lines_en.append(f"  total: {total_text} parameters ✗ (the prompt says {expected:,})")
        lines_ko.append(f"  합계: 파라미터 {total_text}개 ✗ (문제의 값 {expected:,})")
    return {"en": "\n".join(lines_en), "ko": "\n".join(lines_ko)}


def _expected_parameters(examples: list[tuple[str, str]]) -> int | None:
    for statement, output in examples:
        if "numel" in statement and output.strip().replace(",", "").isdigit():
            return int(output.strip().replace(",", ""))
    return None


def run(namespace: dict[str, Any], examples: list[tuple[str, str]]) -> list[Text]:
    """Run the examples; the notes say what each showed and how the model's layers went."""
    import torch

    layertrace.TRACER.install()
    names = _names(namespace)
    torch.manual_seed(0)
    results_en: list[str] = []
    results_ko: list[str] = []
    notes: list[Text] = []
    table: Text | None = None
    expected_parameters = _expected_parameters(examples)
    for statement, expected in examples:
        shown = _statement(statement)
        layertrace.TRACER.reset()
        try:
            try:
                code = compile(statement, tracebacks.SUBMISSION, "eval")
            except SyntaxError:
                exec(compile(statement, tracebacks.SUBMISSION, "exec"), names)
                value: Any = None
                is_expression = False
            else:
                value = eval(code, names)
                is_expression = True
        except Exception as exc:
            fault = layertrace.fault(exc) or {}
            what = f"{tracebacks.exception_name(exc)}: {_short(tracebacks.exception_text(exc))}"
            results_en.append(f"✗ >>> {shown}\n    raised {what}")
            results_ko.append(f"✗ >>> {shown}\n    예외 발생: {what}")
            running = [e for e in fault.get("running", []) if e.get("torch")]
            failing = running[-1] if running else None
            if table is None and failing is not None:
                table = _table(statement, fault.get("finished", []), None, failing)
            found = explain.explain(fault)
            if found is not None:
                notes.append(found.message)
            break
        finished = layertrace.TRACER.finished
        if table is None and any(entry.get("params") for entry in finished):
            layers = layertrace.fault_layers(finished)
            table = _table(statement, layers, expected_parameters)
        if not is_expression or not expected:
            continue
        try:
            seen = repr(value)
        except Exception:
            seen = "?"
        if same_output(expected, seen):
            results_en.append(f"✓ >>> {shown}")
            results_ko.append(f"✓ >>> {shown}")
        else:
            results_en.append(f"✗ >>> {shown}\n    expected {_short(expected)}, got {_short(seen)}")
            results_ko.append(f"✗ >>> {shown}\n    기대값 {_short(expected)}, 실제 {_short(seen)}")
    head = {"en": "The prompt's examples:", "ko": "문제의 예시 실행:"}
    summary = {
        "en": "\n".join([head["en"], *results_en]),
        "ko": "\n".join([head["ko"], *results_ko]),
    }
    return [summary, *([table] if table else []), *notes]
