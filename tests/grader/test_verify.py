"""`quizapp bank verify` on a tiny bank of its own: survivors, equivalence claims, exit status."""

from __future__ import annotations

import json
from pathlib import Path

from quizapp.commands.status import EXIT_FAIL, EXIT_OK, EXIT_USAGE

from ..conftest import write_tree
from ..helpers import quizapp

SOLUTION = "def double(x):\n    return x * 2\n"
TASK_YAML = "id: {id}\ntitle: 두 배\npages: [17]\nprompt: double(x)를 작성하세요.\n"
PROBE = """
from grader.probe import Probe


def probe(p: Probe) -> None:
    double = p.function("double")
    with p.check("double of some integers"):
        for x in {inputs}:
            p.observe(f"double({{x}})", double(x))
"""


def _task(task_id: str, inputs: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    files = {
        "task.yaml": TASK_YAML.format(id=task_id),
        "starter.py": "def double(x):\n    raise NotImplementedError\n",
        "solution.py": SOLUTION,
        "hidden_tests.py": PROBE.format(inputs=inputs),
        **(extra or {}),
    }
    return {f"tasks/{task_id}/{name}": text for name, text in files.items()}


def _bank(tmp_path: Path) -> Path:
    return write_tree(
        tmp_path / "bank",
        {
            # tests only double(0): x * 3, x * 1, x * 0, x * 4 all pass
            **_task(
                "weak", "[0]", {"equivalent.yaml": "int:2:15:2: claimed without a reason to\n"}
            ),
            **_task("strong", "[3, -2]"),
            # the inputs depend on the seed: 0 with the task's own, 1 with the other seeds
            **_task(
                "refute",
                "[1 - p.seed % 2]",
                {"equivalent.yaml": "int:2:15:1: x * 1 looks the same on 0\n"},
            ),
            **_task(
                "mistaken",
                "[3]",
                {
                    "mistakes.yaml": (
                        "- id: plus-two\n"
                        "  message: {en: adds 2, ko: 2를 더함}\n"
                        "  replace: [{old: x * 2, new: x + 2}]\n"
                    )
                },
            ),
        },
    )


def _verify(tmp_path: Path, *args: str) -> tuple[int, list[dict], str]:
    run = quizapp("--bank", _bank(tmp_path), "bank", "verify", *args, "--json")
    return run.code, [json.loads(line) for line in run.out.splitlines()], run.err


def test_weak_hidden_tests_leave_survivors_and_honoured_claims_count_as_equivalent(
    tmp_path: Path,
) -> None:
    code, (row,), _ = _verify(tmp_path, "weak")
    assert code == EXIT_FAIL
    assert (row["task"], row["reference_passes"], row["starter_fails"]) == ("weak", True, True)
    assert (row["mutants"], row["killed"], row["equivalent"]) == (5, 1, 1)
    assert [s["id"] for s in row["survived"]] == ["int:2:15:0", "int:2:15:1", "int:2:15:3"]
    assert row["survived"][0] == {
        "id": "int:2:15:0",
        "operator": "int",
        "line": 2,
        "description": "integer 2 changed to 3",
    }
    assert row["seconds"] >= 0


def test_strong_hidden_tests_verify(tmp_path: Path) -> None:
    code, (row,), _ = _verify(tmp_path, "strong")
    assert code == EXIT_OK, row
    assert (row["mutants"], row["killed"], row["survived"], row["ok"]) == (5, 5, [], True)


def test_an_equivalence_claim_is_checked_with_other_seeds(tmp_path: Path) -> None:
    code, (row,), _ = _verify(tmp_path, "refute")
    assert code == EXIT_FAIL
    assert row["equivalent"] == 0
    assert "int:2:15:1" in [s["id"] for s in row["survived"]]
    assert any(
        "int:2:15:1 differs from the reference with another seed" in p for p in row["problems"]
    )


def test_a_catalogued_mistake_fails_and_is_diagnosed_as_itself(tmp_path: Path) -> None:
    code, (row,), _ = _verify(tmp_path, "mistaken")
    assert code == EXIT_OK, row
    assert (row["mistakes"], row["mistakes_failed"], row["mistakes_diagnosed"]) == (1, 1, 1)


def test_a_catalogued_mistake_that_passes_falls_short(tmp_path: Path) -> None:
    bank = write_tree(
        tmp_path / "other",
        _task(
            "lenient",
            "[0]",
            {
                "mistakes.yaml": "- id: times-three\n  message: {en: x3, ko: x3}\n"
                "  replace: [{old: x * 2, new: x * 3}]\n"
            },
        ),
    )
    run = quizapp("--bank", bank, "bank", "verify", "lenient", "--json")
    row = json.loads(run.out)
    assert run.code == EXIT_FAIL
    assert (row["mistakes"], row["mistakes_failed"]) == (1, 0)
    assert "mistake 'times-three' passes the hidden tests" in row["problems"]


def test_the_human_table_shows_survivors_as_diffs(tmp_path: Path) -> None:
    run = quizapp("--bank", _bank(tmp_path), "bank", "verify", "weak", "strong")
    assert run.code == EXIT_FAIL
    assert run.out.splitlines()[0].split() == [
        "task", "ref", "starter", "mistakes", "diagnosed", "mutants", "killed", "equiv",
        "survived", "contract", "time",
    ]  # fmt: skip
    assert "survivor int:2:15:0: integer 2 changed to 3" in run.out
    assert "-    return x * 2\n    +    return x * 3" in run.out
    assert (
        "2 tasks, 10 mutants: 6 killed, 1 equivalent, 3 survived; 1 task(s) fall short" in run.out
    )
    assert run.err == ""  # no progress when stderr is not a terminal


def test_an_unknown_task_id_is_a_usage_error(tmp_path: Path) -> None:
    run = quizapp("--bank", _bank(tmp_path), "bank", "verify", "nope")
    assert run.code == EXIT_USAGE
    assert run.err.startswith("quizapp: error: unknown task 'nope' (known: ")
    assert len(run.err.splitlines()) == 1


CONTRACT = "contract:\n  function: double\n  args:\n    x: {type: int, range: [-4, 9]}\n"
DRAWS = """
from grader.probe import Probe


def probe(p: Probe) -> None:
    double = p.function("double")
    {body}
"""


def _contract_task(task_id: str, body: str) -> dict[str, str]:
    files = _task(task_id, "[]")
    files[f"tasks/{task_id}/task.yaml"] += CONTRACT
    files[f"tasks/{task_id}/hidden_tests.py"] = DRAWS.format(body=body)
    return files


def test_verify_reports_the_classes_a_contract_draws_and_fails_a_contract_no_check_draws(
    tmp_path: Path,
) -> None:
    bank = write_tree(
        tmp_path / "contracts",
        {
            **_contract_task("drawn", "p.contract_checks(double)"),
            **_contract_task(
                "ignored", 'with p.check("double(3)"):\n        p.observe("x", double(3))'
            ),
        },
    )
    run = quizapp("--bank", bank, "bank", "verify", "drawn", "ignored", "--json")
    drawn, ignored = (json.loads(line) for line in run.out.splitlines())
    assert run.code == EXIT_FAIL
    assert drawn["ok"], drawn
    assert set(drawn["contract_classes"]) == {"x=min", "x=max", "call=positional"}
    assert all(n >= 1 for n in drawn["contract_classes"].values())
    assert drawn["contract_effects"][:2] == ["unchanged=x", "keeps=grad_mode"]
    assert not ignored["ok"]
    assert ignored["contract_classes"] == {"x=min": 0, "x=max": 0, "call=positional": 0}
    assert (
        "the contract's inputs are drawn by no check: call p.contract_checks(...) in hidden_tests.py"
        in ignored["problems"]
    )
    table = quizapp("--bank", bank, "bank", "verify", "drawn")
    assert table.out.splitlines()[1].split()[-2] == "3/3"
    assert "contract coverage (input class: inputs drawn; effects checked):" in table.out
    assert "    classes: x=min " in table.out
