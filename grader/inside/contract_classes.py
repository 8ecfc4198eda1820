"""The input classes and effects a task's contract declares: plain data, no torch.

``quizapp bank verify`` reads these in the app's process (which never imports torch) to
report which classes the reference run drew; :mod:`grader.inside.contract` draws the inputs.
"""

from __future__ import annotations

from typing import Any

Plain = dict[str, Any]


def declared(contract: Plain) -> list[str]:
    """Every input class ``contract`` declares, in a stable order."""
    found: list[str] = []
    for name, arg in contract["args"].items():
        kind = arg["type"]
        if kind == "tensor":
            if arg.get("like"):
                continue
            found += [f"{name}.dtype={d}" for d in arg.get("dtypes", ["float32"])]
            found += [f"{name}.shape=min", f"{name}.shape=max"]
            found += [f"{name}.layout={lay}" for lay in arg.get("layouts", ["contiguous"])]
            found += [f"{name}.requires_grad"] if arg.get("requires_grad") else []
            found += [f"{name}.special={s}" for s in arg.get("special", [])]
        elif kind == "int":
            found += [f"{name}=min", f"{name}=max"]
            found += [f"{name}=omitted"] if arg.get("default") is not None else []
        elif kind == "number":
            found += [f"{name}.kind={k}" for k in arg.get("kinds", ["int", "float"])]
        elif kind in ("sentences", "token-batch"):
            found += [f"{name}.{c}" for c in arg.get("classes", [])]
        elif kind == "given":
            found += [f"{name}.state={s}" for s in arg.get("states", [])]
    found += [f"call={c}" for c in contract.get("calls", ["positional"])]
    found += [f"entry={e}" for e in contract.get("entry", [])]
    return found


def effects(contract: Plain) -> list[str]:
    """Every effect the generic checks verify: arguments left alone, global state kept."""
    modifies = set(contract.get("effects", {}).get("modifies", []))
    keeps = contract.get("effects", {}).get(
        "keeps", ["grad_mode", "default_dtype", "threads", "deterministic"]
    )
    found = [f"unchanged={name}" for name in contract["args"] if name not in modifies]
    found += [f"keeps={k}" for k in keeps]
    if contract.get("returns", {}).get("same_as"):
        found.append(f"returns={contract['returns']['same_as']}")
    return found
