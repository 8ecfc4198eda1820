"""The store and the study logic import neither Textual nor torch (checked in a fresh
interpreter, so that nothing the test session imported can hide an import)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    ["quizapp.store", "quizapp.study", "quizapp.commands.stats", "quizapp.commands.profile"],
)
def test_imports_no_textual_and_no_torch(module: str) -> None:
    probe = f"import {module}, sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = {name.split(".")[0] for name in json.loads(out.stdout)}
    assert module.split(".")[0] in loaded
    assert not loaded & {"textual", "torch"}
