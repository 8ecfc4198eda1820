"""What the Linux sandbox keeps from a hostile submission, one finding of the security review each.

Every test grades a real submission on a real warm worker (a zygote of this module's own,
so that what earlier runs left in it is known) and asserts the outcome that holds however
loaded the machine is. Tests run as root here: where root changes the outcome, the test says so.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from grader import Grader, GradeResult
from grader.backends import linux_missing
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
