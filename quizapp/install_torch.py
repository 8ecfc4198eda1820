"""Install a CPU build of torch for the given Python, unless it has torch: ``python -m
quizapp.install_torch [PYTHON]``.

The setup step that needs no shell (macOS, Windows) and the body of
``scripts/install-torch`` (which ``make install`` runs). Standard library and
pip only: it runs before quizapp and its dependencies are installed.

1. a torch wheel already on this machine (pip's find-links, no download);
2. else, on Linux, the official CPU-only index — a bare ``pip install torch``
   there pulls a CUDA build of several GB, and the grader needs the CPU only;
3. else (macOS, Windows) PyPI's torch, which is CPU-only there already.
"""

from __future__ import annotations

import subprocess
import sys

LOCAL_VERSION = "2.13.0"
REQUIREMENT = "torch>=2.2,<3"
CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def _ok(command: list[str]) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


def install(python: str, platform: str = sys.platform) -> int:
    if _ok([python, "-c", "import torch"]):
        return 0
    pip = [python, "-m", "pip", "install", "--quiet"]
    if _ok([*pip, "--no-index", "--no-deps", f"torch=={LOCAL_VERSION}"]):
        print(f"installing torch {LOCAL_VERSION} (CPU) from a wheel on this machine", flush=True)
        return subprocess.run([*pip, f"torch=={LOCAL_VERSION}"], check=False).returncode
    if platform.startswith("linux"):
        print("installing torch (CPU build) from the PyTorch CPU index", flush=True)
        return subprocess.run([*pip, REQUIREMENT, "--index-url", CPU_INDEX], check=False).returncode
    print("installing torch from PyPI (CPU build on this system)", flush=True)
    return subprocess.run([*pip, REQUIREMENT], check=False).returncode


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0] in ("-h", "--help")):
        print("usage: python -m quizapp.install_torch [PYTHON]", file=sys.stderr)
        return 2
    return install(args[0] if args else sys.executable)


if __name__ == "__main__":
    sys.exit(main())
