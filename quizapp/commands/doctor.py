"""``quizapp doctor [--json]``: what this machine offers the app — what a bug report needs.

Python, the platform, torch's version and build, the grader's sandbox and each
confinement it has here, the data folder, the database (password masked), the
bank folders and whether they validate, the terminal and the interface
language. Exit 0, or 1 with one line per problem found.

torch is never imported here (the app's process never imports it): a tiny
interpreter of its own reports it, and the installed package's metadata is
the fallback.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from grader.workers import backends
from question_bank.said import Said, said

from ..i18n import translate
from ..settings import Settings
from .status import EXIT_FAIL, EXIT_OK

TORCH_TIMEOUT_S = 60
TORCH_PROBE = """
import json, torch
cuda = torch.version.cuda
hip = getattr(torch.version, "hip", None)
build = f"CUDA {cuda}" if cuda else f"ROCm {hip}" if hip else "CPU"
mps = getattr(torch.backends, "mps", None)
print(json.dumps({
    "version": torch.__version__,
    "build": build,
    "gpu_available": bool(torch.cuda.is_available() or (mps is not None and mps.is_available())),
}))
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--restore",
        action="store_true",
        help="put the newest daily backup of a damaged SQLite progress store in its place "
        "(the damaged file is renamed, never deleted)",
    )
    parser.set_defaults(run=run_doctor)


def torch_info() -> dict[str, Any]:
    """torch as a fresh interpreter sees it (with the user's GPUs, which the sandbox hides)."""
    try:
        run = subprocess.run(
            [sys.executable, "-c", TORCH_PROBE],
            capture_output=True,
            text=True,
            timeout=TORCH_TIMEOUT_S,
            check=False,
        )
        if run.returncode == 0:
            info: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
            return {"installed": True, **info}
        error = (run.stderr.strip().splitlines() or ["no message"])[-1]
    except (OSError, subprocess.TimeoutExpired, ValueError, IndexError) as exc:
        error = f"{type(exc).__name__}: {exc}"
    try:
        version = metadata.version("torch")
    except metadata.PackageNotFoundError:
        return {"installed": False, "error": error}
    return {"installed": True, "version": version, "build": "unknown", "error": error}


def _sandbox(settings: Settings) -> tuple[dict[str, Any], str | None]:
    problem = None
    try:
        chosen = backends.choose(settings.sandbox)
    except backends.SandboxUnavailable as exc:
        problem, chosen = str(exc), backends.choose("auto")
    linux = backends.linux_missing()
    return {
        "sandbox": chosen,
        "sandbox_requested": settings.sandbox,
        "linux_backend": "available" if linux is None else linux,
        "confinement": backends.confinement(chosen),
    }, problem


def _masked(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a database URL)"


def _banks(settings: Settings) -> tuple[dict[str, Any], list[str]]:
    from question_bank import load_banks

    missing = [str(f) for f in settings.banks if not f.is_dir()]
    present = [f for f in settings.banks if f.is_dir()]
    bank, found = load_banks(present)
    problems = [f"bank folder not found: {folder}" for folder in missing]
    if found:
        problems.append(f"the bank has {len(found)} problems (see `quizapp bank check`)")
    return {
        "folders": [str(f) for f in settings.banks],
        "valid": not found and not missing,
        "problems": len(found),
        "tasks": len(bank.tasks),
    }, problems


def _terminal() -> dict[str, Any]:
    size = shutil.get_terminal_size(fallback=(0, 0))
    if os.environ.get("NO_COLOR"):
        colour = "none (NO_COLOR)"
    elif os.environ.get("COLORTERM") in ("truecolor", "24bit"):
        colour = "truecolor"
    elif "256" in os.environ.get("TERM", ""):
        colour = "256 colours"
    else:
        colour = os.environ.get("TERM") or "unknown"
    return {
        "tty": sys.stdout.isatty(),
        "columns": size.columns,
        "lines": size.lines,
        "colour": colour,
    }


def _sqlite_file(settings: Settings) -> Path | None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ..store.opening import sqlite_path

    try:
        url = make_url(settings.database_url)
    except ArgumentError:
        return None
    return sqlite_path(url) if url.get_backend_name() == "sqlite" else None


def _database_health(settings: Settings) -> tuple[dict[str, Any], list[str]]:
    """An SQLite store checked whole (``PRAGMA integrity_check``) and its daily backups."""
    from ..store.backup import DamagedStore, backups, damage

    path = _sqlite_file(settings)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return {}, []
    found = backups(path)
    health: dict[str, Any] = {
        "backups": {
            "count": len(found),
            "latest": found[0][0].isoformat() if found else None,
            "folder": str(path.parent / "backups"),
        }
    }
    problem = damage(path, full=True)
    if problem is None:
        return health, []
    damaged = DamagedStore(path, problem)
    return health, [said(str(damaged), damaged.text("ko"))]  # the report's text is English


def report(settings: Settings) -> dict[str, Any]:
    """Everything doctor says, as one JSON-ready object (``problems``: one line each)."""
    problems: list[str] = []
    torch = torch_info()
    if not torch["installed"]:
        problems.append(f"torch is not installed: {torch['error']}")
    elif "error" in torch:
        problems.append(f"torch does not import: {torch['error']}")
    sandbox, sandbox_problem = _sandbox(settings)
    if sandbox_problem:
        problems.append(sandbox_problem)
    banks, bank_problems = _banks(settings)
    problems += bank_problems
    health, database_problems = _database_health(settings)
    problems += database_problems
    return {
        "python": {"version": platform.python_version(), "executable": sys.executable},
        "platform": {
            "system": sys.platform,
            "release": platform.platform(),
            "machine": platform.machine(),
        },
        "torch": torch,
        **sandbox,
        "data_dir": str(settings.data_dir),
        "database": _masked(settings.database_url),
        **health,
        "banks": banks,
        "terminal": _terminal(),
        "lang": settings.lang,
        "problems": problems,
    }


def value_text(value: Any, lang: str = "en") -> str:
    """A value of the report as text: groups as ``name=value, …``, lists in brackets; under
    ``ko`` in the words of quizapp/i18n_doctor.py."""
    from ..i18n_doctor import LABELS_KO, word_ko

    if isinstance(value, dict):
        names = LABELS_KO if lang == "ko" else {}
        return ", ".join(f"{names.get(k, k)}={value_text(v, lang)}" for k, v in value.items())
    if isinstance(value, list):
        return "[" + ", ".join(value_text(v, lang) for v in value) + "]"
    return word_ko(value) if lang == "ko" else str(value)


def format_doctor_report(found: dict[str, Any], lang: str) -> str:
    """The report as a person reads it: under ``ko`` its names and descriptions in Korean
    (quizapp/i18n_doctor.py), under ``en`` as the report says them."""
    from ..i18n_doctor import LABELS_KO

    korean = lang == "ko"
    lines = []
    for key, value in found.items():
        if key in ("problems", "sandbox_requested", "linux_backend"):
            continue
        if key == "confinement":
            lines.append(f"{translate('doctor.confinement', lang)}:")
            for name, v in value.items():
                lines.append(
                    f"  {LABELS_KO.get(name, name) if korean else name}: {value_text(v, lang)}"
                )
            continue
        if key == "sandbox":
            linux = value_text(found["linux_backend"], lang)
            value = f"{value} ({found['sandbox_requested']}; linux: {linux})"
        lines.append(f"{translate('doctor.' + key, lang)}: {value_text(value, lang)}")
    problems = found["problems"]
    lines.append(translate("doctor.ok", lang) if not problems else "")
    for problem in problems:  # worded in both (a damaged store), or in the table's words
        text = problem.ko if korean and isinstance(problem, Said) else value_text(problem, lang)
        lines.append(f"{translate('doctor.problem', lang)}: {text}")
    return "\n".join(line for line in lines if line)


def run_restore(settings: Settings) -> int:
    """``quizapp doctor --restore``: the newest backup in place of the progress store."""
    from datetime import datetime

    from ..store import StoreError
    from ..store.backup import restore_latest

    path = _sqlite_file(settings)
    if path is None:
        print(translate("doctor.restore_not_sqlite", settings.lang), file=sys.stderr)
        return EXIT_FAIL
    try:
        restored = restore_latest(path, datetime.now())
    except StoreError as exc:
        error = exc.text(settings.lang)
        print(translate("doctor.restore_failed", settings.lang, error=error), file=sys.stderr)
        return EXIT_FAIL
    print(translate("doctor.restored", settings.lang, day=restored.day, path=path))
    if restored.damaged is not None:
        print(translate("doctor.damaged_kept", settings.lang, path=restored.damaged))
    return EXIT_OK


def run_doctor(args: argparse.Namespace, settings: Settings) -> int:
    if getattr(args, "restore", False):
        return run_restore(settings)
    found = report(settings)
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
    else:
        print(format_doctor_report(found, settings.lang))
    return EXIT_FAIL if found["problems"] else EXIT_OK
