"""Naming the mistake in a failing report.

Two kinds of diagnosis:

- **catalogued**: each mistake of the task's ``mistakes.yaml`` is run once per
  task, like the reference, and its *signature* kept: the checks it fails and
  what it reported in each. A failing submission whose reports equal the
  mistake's on every one of those checks gets the mistake's message. Nothing
  is said when they differ anywhere: a wrong hint is worse than none.
- **runtime**, when no catalogued mistake matches and student code raised:
  the layer that raised, its numbers and the likely cause
  (:mod:`grader.verdict.explain`), once per distinct error however many checks it
  failed.
- **values cause**, when nothing above applies and values differ: the named hypothesis
  (a softmax over the wrong dim, an extra or missing output activation, swapped batch and
  time dims) that turns the reference's outputs into the submission's
  (:mod:`grader.verdict.values_cause`).
- **plain**, read from the source: modules a task does not allow, data
  downloads, training at import time (what a notebook paste brings along), a
  functional dropout left on in eval mode (its random outputs match no
  signature).
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from grader.text import Text, as_text, tr
from grader.verdict.compare import compare
from grader.verdict.explain import explain_all
from grader.verdict.judge import Reference
from grader.verdict.outcome import Outcome
from grader.verdict.result import Diagnosis
from grader.verdict.values_cause import values_cause

ALLOWED_MODULES = ("torch", "math", "numpy")
_NOTEBOOK_ONLY = {"IPython", "google"}
_DOWNLOADS = {"urlretrieve", "urlopen", "download_url", "load_dataset", "hf_hub_download"}

_IMPORT = (
    "this task may import only torch (torch.nn, torch.nn.functional, torch.utils.data), "
    "math and numpy: remove `import {module}`",
    "이 문제에서 import할 수 있는 것은 torch(torch.nn, torch.nn.functional, torch.utils.data), "
    "math, numpy뿐입니다: `import {module}`을 지우세요",
)
_DOWNLOAD = (
    "the file downloads data (`{call}`): graded code never downloads; the hidden tests bring "
    "their own inputs, so remove the data loading",
    "파일이 데이터를 내려받습니다 (`{call}`): 채점되는 코드는 내려받지 않습니다. 숨은 테스트가 "
    "입력을 직접 주므로 데이터 불러오기를 지우세요",
)
_DROPOUT = (
    "F.dropout on line {line} has no training=self.training, so it drops units in eval mode "
    "too: pass training=self.training, or use an nn.Dropout module, which model.eval() "
    "switches off (p.88)",
    "{line}번 줄의 F.dropout에 training=self.training이 없어 평가 모드에서도 유닛을 버립니다: "
    "training=self.training을 넘기거나, model.eval()이 꺼 주는 nn.Dropout 모듈을 쓰세요 (p.88)",
)
_TRAINING = (
    "the file trains a model when it is imported (line {line}): move that code under "
    '`if __name__ == "__main__":` or remove it, and submit only what the task asks for',
    '파일을 import할 때 모델을 학습합니다 ({line}번 줄): 그 코드를 `if __name__ == "__main__":` '
    "아래로 옮기거나 지우고, 문제가 요구하는 것만 제출하세요",
)


def _words(template: tuple[str, str], **params: object) -> Text:
    en, ko = template
    return tr(en.format(**params), ko.format(**params))


@dataclass(frozen=True)
class Signature:
    """What a catalogued mistake reported in each check it fails (None: the check did not run)."""

    id: str
    message: Text
    failed: dict[str, dict[str, Any] | None]


def _by_name(outcome: Outcome) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for check in outcome.checks:
        if isinstance(check, dict) and isinstance(check.get("name"), str):
            found.setdefault(check["name"], check)
    return found


_WHERE = re.compile(r"\(line \d+(, in [\w<>]+)?\)")


def _error_words(error: Any) -> str:
    """An error's English words without where it was raised: the same exception on another
    line of another file is the same mistake."""
    return _WHERE.sub("(line)", as_text(error).get("en", ""))


def _same_report(mistake: dict[str, Any], got: dict[str, Any]) -> bool:
    """The submission's check reported what the mistake's did (errors by their words)."""
    if mistake.get("error") is not None or got.get("error") is not None:
        return _error_words(mistake.get("error")) == _error_words(got.get("error"))
    ours, theirs = mistake.get("observations"), got.get("observations")
    if not isinstance(ours, list) or not isinstance(theirs, list) or len(ours) != len(theirs):
        return False
    return all(compare(o, t) is None for o, t in zip(ours, theirs, strict=True))


def _fails(ref_check: dict[str, Any], got: dict[str, Any] | None) -> bool:
    return got is None or not _same_report(ref_check, got)


def signature(
    mistake_id: str, message: Text, reference: Reference, outcome: Outcome
) -> Signature | None:
    """The mistake's signature; None when its run went wrong as a whole or passed."""
    if outcome.problem() is not None:
        return None
    got = _by_name(outcome)
    failed = {
        str(c["name"]): got.get(str(c["name"]))
        for c in reference.checks
        if _fails(c, got.get(str(c["name"])))
    }
    return Signature(mistake_id, message, failed) if failed else None


def matches(sig: Signature, outcome: Outcome) -> bool:
    """The submission reported exactly what the mistake did in every check the mistake fails."""
    if outcome.problem() is not None:
        return False
    got = _by_name(outcome)
    for name, mistake in sig.failed.items():
        report = got.get(name)
        if (mistake is None) != (report is None):
            return False
        if mistake is not None and report is not None and not _same_report(mistake, report):
            return False
    return True


def diagnoses(
    signatures: Sequence[Signature],
    outcome: Outcome,
    source: str,
    reference: Reference | None = None,
) -> list[Diagnosis]:
    """The catalogued mistakes the run matches (the most specific), or else what its errors
    mean, or else (given the reference) the named cause of its differing values
    (:mod:`grader.verdict.values_cause`); then the plain diagnoses."""
    matched = [s for s in signatures if matches(s, outcome)]
    # the most specific: drop a mistake whose failing checks are a part of another match's
    kept = [s for s in matched if not any(set(s.failed) < set(o.failed) for o in matched)]
    found = [Diagnosis(id=s.id, message=s.message) for s in kept]
    if not found:
        found = runtime(outcome)
    if not found and reference is not None:
        found = values_cause(reference, outcome)
    named = {d.id for d in found}
    return [*found, *(d for d in plain(source) if d.id not in named)]


def runtime(outcome: Outcome) -> list[Diagnosis]:
    """What the exceptions raised in the checks mean (each distinct one once)."""
    faults = [check.get("fault") for check in outcome.checks if isinstance(check, dict)]
    return explain_all([f for f in faults if f is not None])


# -- plain diagnoses ---------------------------------------------------------------


def _module_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


def _not_allowed(name: str) -> bool:
    top = name.split(".")[0]
    if top in ALLOWED_MODULES:
        return False
    return top in _NOTEBOOK_ONLY or top not in sys.stdlib_module_names


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _downloads(tree: ast.Module) -> ast.Call | None:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if _call_name(node) in _DOWNLOADS:
            return node
        for keyword in node.keywords:
            value = keyword.value
            if keyword.arg == "download" and isinstance(value, ast.Constant) and value.value:
                return node
    return None


def _is_main_guard(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Compare)
        and isinstance(node.test.left, ast.Name)
        and node.test.left.id == "__name__"
    )


def _trains(node: ast.AST, trainers: set[str]) -> ast.Call | None:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            name = _call_name(inner)
            if name in ("backward", "step", "fit") or name in trainers:
                return inner
    return None


def _training_at_import(tree: ast.Module) -> int | None:
    """The line of a call that trains when the module runs, outside functions and the main guard."""
    trainers = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and _trains(node, set()) is not None
    }
    for statement in tree.body:
        if isinstance(statement, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            continue
        if _is_main_guard(statement):
            continue
        call = _trains(statement, trainers)
        if call is not None:
            return call.lineno
    return None


def _dropout_always_on(tree: ast.Module) -> int | None:
    """The line of a functional dropout call that is not told whether the model is training."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _call_name(node) not in ("dropout", "dropout1d"):
            continue
        func = node.func
        owner = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(owner, ast.Name) and owner.id == "self":
            continue  # self.dropout(x): a module of the model
        if len(node.args) < 3 and not any(k.arg == "training" for k in node.keywords):
            return node.lineno
    return None


def plain(source: str) -> list[Diagnosis]:
    """What a notebook paste brings along, read from the source (nothing for a syntax error)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    found: list[Diagnosis] = []
    for name in dict.fromkeys(_module_names(tree)):
        if _not_allowed(name):
            found.append(Diagnosis(id="import", message=_words(_IMPORT, module=name)))
            break
    download = _downloads(tree)
    if download is not None:
        call = ast.unparse(download)[:60]
        found.append(Diagnosis(id="download", message=_words(_DOWNLOAD, call=call)))
    dropout = _dropout_always_on(tree)
    if dropout is not None:
        found.append(Diagnosis(id="dropout-always-on", message=_words(_DROPOUT, line=dropout)))
    line = _training_at_import(tree)
    if line is not None:
        found.append(Diagnosis(id="training-at-import", message=_words(_TRAINING, line=line)))
    return found
