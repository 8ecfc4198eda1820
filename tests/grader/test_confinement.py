"""What the Linux sandbox keeps from a hostile submission, one finding of the security review each.

Every test grades a real submission on a real warm worker (a zygote of this module's own,
so that what earlier runs left in it is known) and asserts the outcome that holds however
loaded the machine is. Tests run as root here: where root changes the outcome, the test says so.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import grader
from grader import Grader
from grader.workers.backends import linux_missing
from question_bank import Bank, Task

pytestmark = pytest.mark.skipif(linux_missing() is not None, reason=str(linux_missing()))


@pytest.fixture(scope="module")
def linux() -> Iterator[Grader]:
    """One warm worker: every run of this module is forked from the same zygote."""
    with Grader(1, sandbox="linux") as grader:
        grader.warm_up()
        yield grader


def _hex(text: str) -> str:
    return text.encode().hex()


# The reference's line is looked for in two halves that the submission never joins, so
# that the submission's own copy of what it looks for is never what it finds.
MEMORY_SCAN = """
import torch
from torch import nn

HEAD, TAIL = bytes.fromhex("{head}"), bytes.fromhex("{tail}")


def _scan():
    found = 0
    with open("/proc/self/maps") as maps, open("/proc/self/mem", "rb", buffering=0) as mem:
        for line in maps:
            fields = line.split()
            if not fields[1].startswith("rw") or (len(fields) > 5 and fields[5] != "[heap]"):
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            if end - start > 1 << 30:
                continue
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except (OSError, OverflowError, ValueError):
                continue
            at = data.find(HEAD)
            while at >= 0:
                if data[at + len(HEAD) : at + len(HEAD) + len(TAIL)] == TAIL:
                    found += 1
                at = data.find(HEAD, at + 1)
    return found


raise RuntimeError("reference lines in memory: %d" % _scan())
"""


def test_the_reference_is_never_in_the_memory_of_a_process_that_runs_student_code(
    linux: Grader, bank: Bank
) -> None:
    """Finding: cnn-fashion's solution.py, left in the warm worker's memory, came back in the
    report. The zygote never receives a reference's (or any submission's) source: each
    child gets its own over its channel."""
    task = bank.tasks["cnn-fashion"]
    line = "nn.Conv2d(32, 64, kernel_size=3, padding=1),  # (N, 64, 14, 14)"
    assert line in task.read("solution.py")
    source = MEMORY_SCAN.format(head=_hex(line[:20]), tail=_hex(line[20:]))
    linux.reference(task)  # the reference ran on this very worker
    for _ in range(2):
        result = linux.grade(task, source, timeout=120)
        assert result.error is not None
        assert "reference lines in memory: 0" in result.error["en"], result.error


# -- what a run may read ---------------------------------------------------------------

READER = """
import os

def predict_classes(logits):
    seen = []
    for i, path in enumerate({paths!r}):
        try:
            with open(path, "rb") as f:
                f.read(64)
            seen.append(f"read{{i}}")
        except OSError:
            seen.append(f"denied{{i}}")
    raise RuntimeError(" ".join(seen))
"""


def _private_paths(task: Task) -> list[str]:
    root = os.path.dirname(os.path.dirname(os.path.realpath(grader.__file__)))
    return [
        os.path.join(root, "pyproject.toml"),  # the checkout root
        os.path.join(root, "tests", "grader", "test_confinement.py"),
        os.path.join(root, ".git"),
        os.path.join(root, "README.md"),
        str(task.folder / "solution.py"),
        "/etc/shadow",  # mode 0640 root: only root reads it, and tests run as root here
        "/etc/hostname",
        "/etc/passwd",
    ]


def test_a_run_reads_nothing_of_the_checkout_nor_of_etc(linux: Grader, bank: Bank) -> None:
    """Finding: the checkout root was on the read list (.git, tests/ and a reference found in
    them), and as root /etc/shadow came back in the report."""
    task = bank.tasks["tensor-argmax"]
    paths = [p for p in _private_paths(task) if os.path.exists(p)]
    assert "/etc/shadow" in paths and any(p.endswith("pyproject.toml") for p in paths)
    result = linux.grade(task, READER.format(paths=paths), timeout=120)
    text = " ".join(c.message_in("en") for c in result.checks if not c.passed)
    for i, path in enumerate(paths):
        assert f"denied{i} " in text, (path, text)
    assert "read" not in text.replace("raised", ""), text


# -- sockets and kernel signals ------------------------------------------------------------

UDP = """
import socket

def predict_classes(logits):
    results = []
    for family, kind, address in [
        (socket.AF_INET, socket.SOCK_DGRAM, ("127.0.0.1", {port})),
        (socket.AF_UNIX, socket.SOCK_DGRAM, "{dgram}"),
        (socket.AF_UNIX, socket.SOCK_STREAM, "{stream}"),
        (socket.AF_NETLINK, socket.SOCK_RAW, None),
    ]:
        try:
            s = socket.socket(family, kind)
            if address is None:
                results.append("created")
            elif kind == socket.SOCK_DGRAM:
                s.sendto(b"escaped", address)
                results.append("sent")
            else:
                s.connect(address)
                s.sendall(b"escaped")
                results.append("connected")
        except OSError as exc:
            results.append(f"refused{{exc.errno}}")
    raise RuntimeError(" ".join(results))
"""


def test_no_udp_no_path_socket_no_other_family(linux: Grader, bank: Bank, tmp_path: Path) -> None:
    """Finding: a submission reached a terminal multiplexer's Unix socket in /tmp (and had it
    run a command as the user), and UDP datagrams reached a local listener."""
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    dgram = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    dgram.bind(str(tmp_path / "dgram.sock"))
    stream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stream.bind(str(tmp_path / "stream.sock"))
    stream.listen()
    os.chmod(tmp_path, 0o777)
    for sock in (udp, dgram, stream):
        sock.setblocking(False)
    code = UDP.format(
        port=udp.getsockname()[1], dgram=tmp_path / "dgram.sock", stream=tmp_path / "stream.sock"
    )
    try:
        result = linux.grade(bank.tasks["tensor-argmax"], code, timeout=120)
        text = " ".join(c.message_in("en") for c in result.checks if not c.passed)
        assert "RuntimeError: refused1 refused1 refused1 refused1" in text, text
        for sock in (udp, dgram):
            with pytest.raises(BlockingIOError):
                sock.recv(64)
        with pytest.raises(BlockingIOError):
            stream.accept()
    finally:
        for sock in (udp, dgram, stream):
            sock.close()


F_SETOWN = """
import fcntl, os, signal

def predict_classes(logits):
    r, w = os.pipe()
    target = os.getppid()  # the warm worker (as root, also what Landlock's scoping misses)
    results = []
    for cmd, arg in ((8, target), (15, 0), (10, int(signal.SIGKILL))):
        try:
            fcntl.fcntl(r, cmd, arg)
            results.append("set")
        except OSError as exc:
            results.append(f"refused{{exc.errno}}")
    try:
        fcntl.ioctl(r, 0x8901, target.to_bytes(4, "little"))
        results.append("set")
    except OSError as exc:
        results.append(f"refused{{exc.errno}}")
    fcntl.fcntl(r, fcntl.F_SETFL, os.O_ASYNC | os.O_NONBLOCK)
    os.write(w, b"x")  # with an owner set, the kernel would now signal it
    raise RuntimeError(" ".join(results))
"""


def test_the_kernel_cannot_be_made_to_signal_the_worker(linux: Grader, bank: Bank) -> None:
    """Finding: fcntl(F_SETOWN) + F_SETSIG(SIGKILL) made the kernel kill the warm worker
    (and in another run `quizapp grade` itself: no verdict for anyone in the batch)."""
    task = bank.tasks["tensor-argmax"]
    result = linux.grade(task, F_SETOWN.format(), timeout=120)
    assert result.error_kind != "internal", result.error
    text = " ".join(c.message_in("en") for c in result.checks if not c.passed)
    assert "RuntimeError: refused1 refused1 refused1 refused1" in text, text
    good = "def predict_classes(logits):\n    return logits.argmax(dim=1)\n"
    assert linux.grade(task, good, timeout=120).passed


# -- limits that count everything ------------------------------------------------------------

GOOD = "    return logits.argmax(dim=1)\n"

MEMFDS = (
    """
import os

held = []


def predict_classes(logits):
    chunk = b"x" * (30 * 1024 * 1024)
    for i in range(20):  # 600 MB in memory files, 30 MB each (under the file size limit)
        fd = os.memfd_create(f"hoard{i}")
        os.write(fd, chunk)
        held.append(fd)
"""
    + GOOD
)

UNLINKED = (
    """
import os
import time

held = []


def predict_classes(logits):
    chunk = b"x" * (8 * 1024 * 1024)
    for i in range(6):  # 240 MB on disk in files deleted while open (40 MB each)
        f = open(f"hidden{i}", "wb")
        os.unlink(f"hidden{i}")
        for _ in range(5):
            f.write(chunk)
        f.flush()
        held.append(f)
    time.sleep(2)
"""
    + GOOD
)


@pytest.fixture(scope="module")
def small_task(bank: Bank) -> Task:
    return bank.tasks["tensor-argmax"].model_copy(update={"time_limit_s": 8.0, "memory_mb": 300})


def test_memory_files_count_as_memory(any_grader: Grader, small_task: Task) -> None:
    """Finding: 3,000 MB held in memfds against a 1,024 MB limit got a normal verdict
    (both backends; the portable one reads /proc for them, so on Linux only)."""
    result = any_grader.grade(small_task, MEMFDS, timeout=120)
    assert not result.passed
    assert "memory limit 300 MB exceeded" in (result.error_in("en") or ""), result.error


def test_files_deleted_while_open_count_on_disk(any_grader: Grader, small_task: Task) -> None:
    """Finding: 2,040 MB of unlinked files against a 64 MB limit got a normal verdict."""
    result = any_grader.grade(small_task, UNLINKED, timeout=120)
    assert not result.passed
    assert "wrote too much to its working folder" in (result.error_in("en") or ""), result.error


DIRECTORY_BOMB = (
    """
import os


def predict_classes(logits):
    for i in range(200):  # wide
        os.mkdir(f"w{i}")
    while True:  # and deep, past what a path can name
        os.mkdir("d")
        os.chdir("d")
"""
    + GOOD
)


def test_a_directory_bomb_is_stopped_and_its_folder_removed(
    bank: Bank, small_task: Task, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding: a directory bomb left working folders of 16,000-23,000 entries in /tmp and
    an "internal" error. Its own worker, whose working folders go to ``tmp_path``."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    with Grader(1, sandbox="linux") as grader:
        result = grader.grade(small_task, DIRECTORY_BOMB, timeout=120)
        good = grader.grade(small_task, "def predict_classes(logits):\n" + GOOD, timeout=120)
    assert not result.passed and result.error_kind == "submission", result.error
    error = result.error_in("en") or ""
    # the disk limit, or the time limit on a machine too busy to make 16,384 folders in 8 s
    assert "wrote too much to its working folder" in error or "time limit" in error, error
    assert good.passed
    waited = 0.0
    while list(tmp_path.glob("quizapp-sandbox-*")) and waited < 120:  # removed on a thread
        time.sleep(0.5)
        waited += 0.5
    assert list(tmp_path.glob("quizapp-sandbox-*")) == []
