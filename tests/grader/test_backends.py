"""Choosing the sandbox backend, importing the grader on macOS and Windows (simulated), and
grading on the CPU whatever GPU the machine has.

macOS and Windows are not run here: their platform is simulated — ``sys.platform``
says so, and what Linux alone offers (the C library through ``ctypes.CDLL(None)``,
``resource``, ``fcntl``, ``os.fork``, ``os.pidfd_open``, ``os.sysconf``, ``/proc``)
fails — in a fresh interpreter that then imports every grader module.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
import textwrap
from types import SimpleNamespace

import pytest

import grader
from grader import Grader
from grader.inside.runtime import hide_gpus
from grader.workers import backends
from grader.workers.backends import SandboxUnavailable, choose, linux_missing
from grader.workers.worker import zygote_env

LINUX_HERE = linux_missing() is None


def test_an_explicit_choice_wins_and_auto_picks_linux_where_it_can_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("QUIZAPP_SANDBOX", raising=False)
    assert choose("portable") == "portable"
    assert choose("auto") == ("linux" if LINUX_HERE else "portable")
    assert choose(None) == choose("auto")
    monkeypatch.setenv("QUIZAPP_SANDBOX", "portable")
    assert choose(None) == "portable"
    assert Grader(sandbox="portable").backend == "portable"


def test_an_unknown_sandbox_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZAPP_SANDBOX", "docker")
    with pytest.raises(SandboxUnavailable) as caught:
        Grader()
    assert str(caught.value) == "unknown sandbox 'docker'; use one of: auto, linux, portable"


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_elsewhere_auto_is_portable_and_linux_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert choose("auto") == "portable"
    with pytest.raises(SandboxUnavailable) as caught:
        choose("linux")
    assert (
        str(caught.value)
        == f"the linux sandbox cannot run here: it needs Linux (this is {platform})"
    )
    assert "\n" not in str(caught.value)


def test_each_backend_reports_what_it_confines() -> None:
    portable = backends.confinement("portable")
    assert portable["file_reads_confined"] is False  # said, not hidden
    assert portable["signals_confined"] is False
    assert portable["gpu_hidden"] is True
    assert portable["process_tree_killed"] is True
    if LINUX_HERE:
        linux = backends.confinement("linux")
        assert linux["subreaper"] is True
        assert linux["file_reads_confined"] == (linux["landlock_abi"] >= 1)
        assert "data" in linux["resource_limits"]
        if linux["seccomp"]:
            assert "no UDP" in linux["sockets"] and "F_SETOWN" in linux["kernel_sent_signals"]
        assert "memfd" in linux["memory_watch"] and "deleted" in linux["disk_watch"]
        assert "/proc" in linux["training_cpu"]
    for state in (portable["sockets"], portable["kernel_sent_signals"], portable["read_list"]):
        assert state == "not confined"  # said, not hidden
    assert "double fork" in portable["training_cpu"]


SIMULATE = """
import builtins, ctypes, json, os, sys
import psutil, socket, subprocess, selectors, signal, tempfile, threading  # the system's own
import pydantic, question_bank

PLATFORM, REAL_PLATFORM = {platform!r}, sys.platform
sys.platform = PLATFORM

def linux_only(*args, **kwargs):
    raise OSError("Linux only (simulated {platform})")

real_cdll = ctypes.CDLL
ctypes.CDLL = linux_only
for name in ("fork", "pidfd_open", "sysconf", "killpg"):
    if hasattr(os, name) and (PLATFORM == "win32" or name == "pidfd_open"):
        delattr(os, name)
if PLATFORM == "win32":
    sys.modules["resource"] = None
    sys.modules["fcntl"] = None
real_open, real_listdir = builtins.open, os.listdir
def no_proc(file):
    if str(file).startswith("/proc"):
        raise FileNotFoundError(file)
builtins.open = lambda file, *a, **k: no_proc(file) or real_open(file, *a, **k)
os.listdir = lambda path=".": no_proc(path) or real_listdir(path)

import importlib
for module in {app_side!r}:
    importlib.import_module(module)
from grader.sandbox import rlimits
from grader.workers import backends
from grader.workers.worker import zygote_env
app_imported_torch = "torch" in sys.modules
# torch is the system's (a real macOS or Windows has its own build): imported as it is here
ctypes.CDLL, sys.platform = real_cdll, REAL_PLATFORM
import torch
ctypes.CDLL, sys.platform = linux_only, PLATFORM
for module in {worker_side!r}:
    importlib.import_module(module)
print(json.dumps({{
    "auto": backends.choose("auto"),
    "linux": backends.linux_missing(),
    "confinement": backends.confinement("portable"),
    "rlimits": rlimits.available(),
    "env": zygote_env("m"),
    "torch": app_imported_torch,
}}))
"""


# what only a worker imports: torch comes with them
WORKER_SIDE = {
    "grader.inside.checking",  # a probe's check: reads faults through layertrace (torch)
    "grader.inside.child",
    "grader.inside.contract",  # draws a task's inputs with torch (its plain part: contract_classes)
    "grader.inside.contract_probe",
    "grader.inside.contract_values",
    "grader.inside.example_run",
    "grader.inside.layertrace",
    "grader.inside.plain",
    "grader.probe",
    "grader.inside.weights",
    "grader.workers.spawned",
    "grader.inside.training_child",  # reads models with plain's and weights' pristine references
    "grader.workers.zygote",
}


def _grader_modules() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.walk_packages(grader.__path__, "grader.")
        if not m.name.endswith("__main__")
    )


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_every_grader_module_imports_on_a_simulated_platform(platform: str) -> None:
    modules = _grader_modules()
    app_side = [m for m in modules if m not in WORKER_SIDE]
    worker_side = [m for m in modules if m in WORKER_SIDE]
    code = SIMULATE.format(platform=platform, app_side=app_side, worker_side=worker_side)
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.splitlines()[-1])
    assert seen["auto"] == "portable"
    assert seen["linux"] == f"it needs Linux (this is {platform})"
    assert seen["confinement"]["file_reads_confined"] is False
    assert seen["rlimits"] is (platform != "win32")
    assert seen["env"]["CUDA_VISIBLE_DEVICES"] == ""
    assert seen["torch"] is False  # the app's side never imports torch


def test_every_worker_environment_hides_the_gpus() -> None:
    env = zygote_env("marker")
    assert env["CUDA_VISIBLE_DEVICES"] == "" and env["HIP_VISIBLE_DEVICES"] == ""


def test_hide_gpus_makes_torch_report_no_cuda_and_no_mps() -> None:
    fake = SimpleNamespace(
        cuda=SimpleNamespace(is_available=lambda: True),
        backends=SimpleNamespace(mps=SimpleNamespace(is_available=lambda: True)),
    )
    hide_gpus(fake)
    assert fake.cuda.is_available() is False
    assert fake.backends.mps.is_available() is False


GPU_PROBE = """
import os, torch
device = "cuda" if torch.cuda.is_available() else "cpu"
print(device, torch.cuda.is_available(), torch.cuda.is_initialized(),
      repr(os.environ.get("CUDA_VISIBLE_DEVICES")), repr(os.environ.get("HIP_VISIBLE_DEVICES")))
"""


def test_a_submission_sees_no_gpu(any_grader: Grader) -> None:
    result = any_grader.run(None, GPU_PROBE)
    assert result.ok, result.error
    assert result.stdout == "cpu False False '' ''\n"
