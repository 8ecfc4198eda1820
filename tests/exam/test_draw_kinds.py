"""Task kinds and the blueprint fields that draw by them (`kind`, `weights`, `distinct:
family`, `stratify: syllabus`): validated by `bank check` at their lines, and obeyed by every
draw — the bundled mock exam over 30 seeded previews, small banks for each rule."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from question_bank import Bank, load_bank, load_banks
from question_bank.kinds import entry_of, family_of
from quizapp.exam import draw_questions
from quizapp.exam.preview import draw_paper, paper_json
from tests.conftest import write_tree
from tests.helpers import quizapp

MOCK = "ai-essential-mock"


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank()


def task(
    task_id: str, kind: str | None, family: str | None = None, pages: str = "[50]"
) -> dict[str, str]:
    lines = [f"id: {task_id}", f"title: 과제 {task_id}"]
    if kind is not None:
        lines.append(f"kind: {kind}")
    if family is not None:
        lines.append(f"family: {family}")
    lines += [f"pages: {pages}", "prompt: 작성하세요."]
    files = {f"tasks/{task_id}/task.yaml": "\n".join(lines) + "\n"}
    for name in ("starter.py", "solution.py", "hidden_tests.py"):
        files[f"tasks/{task_id}/{name}"] = "x = 1\n"
    return files


def problems_of(root: Path) -> list[str]:
    _, problems = load_banks([root], bundled=False)
    return [f"{p.path.relative_to(root)}:{p.line}: {p.message}" for p in problems]


# -- the bundled bank --------------------------------------------------------------------


def test_every_bundled_task_has_the_kind_of_the_spec(bundled: Bank) -> None:
    kinds = {t.id: t.kind for t in bundled.tasks.values()}
    assert None not in kinds.values()
    assert {i for i, k in kinds.items() if k == "batch"} == {
        "dataset-custom",
        "text-encode-pad",
        "batch-split",
        "batch-collate-pad",
    }
    assert {i for i, k in kinds.items() if k == "loop"} == {
        "train-one-epoch",
        "evaluate-accuracy",
        "transfer-freeze",
    }
    assert {i for i, k in kinds.items() if k == "tensor"} == {
        i for i in kinds if i.startswith("tensor-") or i == "cnn-output-size"
    }
    assert {i for i, k in kinds.items() if k == "training"} == {
        i for i in kinds if i.startswith("train-") and i != "train-one-epoch"
    }
    # `model`: model definitions whose hidden tests check the parameter count
    models = [t for t in bundled.tasks.values() if t.kind == "model"]
    assert {t.id for t in models} == {
        i for i in kinds if i.startswith(("dnn-", "cnn-fashion", "lstm-"))
    }
    assert all(t.checks_parameters for t in models)
    assert all(t.family in ("dnn", "cnn", "lstm") for t in models)


def test_thirty_seeded_previews_of_the_mock_follow_the_course_exam(bundled: Bank) -> None:
    entries = {e.title for e in bundled.syllabus}
    for seed in range(30):
        rows = paper_json(draw_paper(bundled, MOCK, seed), bundled)["questions"]
        tasks = [r for r in rows if r["kind"] == "practical"]
        assert Counter(r["task_kind"] for r in tasks) == {
            "tensor": 1,
            "batch": 1,
            "model": 1,
            "training": 1,
        }, seed
        [model] = [r for r in tasks if r["task_kind"] == "model"]
        assert model["checks_parameters"] is True
        families = [r["family"] for r in tasks if r["family"] is not None]
        assert len(families) == len(set(families)), (seed, families)
        written = [r for r in rows if r["kind"] == "written"]
        assert {r["entry"] for r in written} == entries, seed
        item_families = [family_of(bundled.items[r["id"]]) for r in written]
        assert len(item_families) == len(set(item_families)), seed
        assert all(set(r) >= {"section", "id", "kind", "type", "points"} for r in rows)


def test_the_lstm_text_classifier_is_the_likeliest_model_task(bundled: Bank) -> None:
    blueprint = bundled.exams[MOCK]
    [section] = [i for i, s in enumerate(blueprint.sections) if s.kind == "model"]
    counts = Counter(
        q.item_id
        for seed in range(150)
        for q in draw_questions(blueprint, bundled, seed)
        if q.section == section
    )
    [(first, n)] = counts.most_common(1)
    assert first == "lstm-text-classifier"
    # weight 3 against 1 for each other task: about a third of the draws, the others 1/9 each
    assert n > 0.25 * sum(counts.values()) and n > 1.5 * sorted(counts.values())[-2]


def test_the_json_preview_names_section_entry_task_kind_and_parameter_checks() -> None:
    run = quizapp("exam", "preview", MOCK, "--seed", "11", "--json")
    assert run.code == 0, run.err
    rows = json.loads(run.out)["questions"]
    written = next(r for r in rows if r["kind"] == "written")
    assert written["section"] == "필기" and written["entry"]
    model = next(r for r in rows if r.get("task_kind") == "model")
    assert model["checks_parameters"] is True and model["family"] in ("dnn", "cnn", "lstm")
    batch = next(r for r in rows if r.get("task_kind") == "batch")
    assert batch["checks_parameters"] is False and "entry" not in batch


# -- bank check ----------------------------------------------------------------------------


def test_a_wrong_kind_is_an_error_at_its_line(tmp_path: Path) -> None:
    files = {
        **task("t-typo", "modle"),
        **task("t-train", "training"),
    }
    root = write_tree(tmp_path / "bank", files)
    assert problems_of(root) == [
        "tasks/t-train/task.yaml:3: `kind: training` is for training tasks: add "
        "`type: training`, or give the kind of a function task (tensor, batch, model, loop)",
        "tasks/t-typo/task.yaml:3: `kind` must be one of 'tensor', 'batch', 'model', 'loop' "
        "or 'training'; got 'modle'",
    ]


def test_a_task_without_a_kind_loads_with_a_warning(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "bank", task("t-old", None))
    assert problems_of(root) == []
    run = quizapp("bank", "check", root)
    assert run.code == 0, run.out + run.err
    assert "t-old/task.yaml:1: warning: task 't-old' has no `kind`" in run.out
    assert "1 warning" in run.out


def section(body: str) -> str:
    return "id: bp\ntitle: 연습\nminutes: 5\nsections:\n" + body


def test_blueprint_weights_kind_and_stratify_are_checked_at_their_lines(tmp_path: Path) -> None:
    files = {
        **task("m-a", "model", "dnn"),
        **task("m-b", "model", "cnn"),
        **task("b-a", "batch"),
        "syllabus.yaml": "- title: 손실함수\n  pages: [50]\n",
        "items/a.yaml": "items:\n  - {id: q-a, type: true_false, pages: [50], prompt: 가, answer: true}\n",
        "exams/bp.yaml": section(
            "  - title: 모델\n"
            "    kind: model\n"
            "    count: 1\n"
            "    points_each: 1\n"
            "    weights: {m-a: 2, b-a: 3, m-c: 1}\n"
            "  - title: 목록\n"
            "    kind: batch\n"
            "    tasks: [b-a, m-b]\n"
            "    points_each: 1\n"
            "    stratify: syllabus\n"
            "  - title: 필기\n"
            "    kind: written\n"
            "    count: 1\n"
            "    points_each: 1\n"
            "    weights: {손실: 2}\n"
        ),
    }
    root = write_tree(tmp_path / "bank", files)
    assert problems_of(root) == [
        "exams/bp.yaml:9: `weights` names 'b-a', which is not a task this section draws "
        "(task 'b-a' is of kind 'batch')",
        "exams/bp.yaml:9: `weights` names 'm-c', which is not a task this section draws "
        "(did you mean 'm-b'?)",
        "exams/bp.yaml:12: task 'm-b' is of kind 'model', but section '목록' draws `batch` tasks",
        "exams/bp.yaml:14: `stratify` spreads a written section over the syllabus; a "
        "practical section draws by `kind` and `weights`",
        "exams/bp.yaml:19: `weights` names '손실', which is not a syllabus entry title "
        "(did you mean '손실함수'?)",
        "exams/bp.yaml:19: a written section's `weights` are per syllabus entry: add "
        "`stratify: syllabus`",
    ]


def test_stratified_weights_must_name_syllabus_entries(tmp_path: Path) -> None:
    files = {
        "syllabus.yaml": "- title: 손실함수\n  pages: [50]\n",
        "items/a.yaml": "items:\n  - {id: q-a, type: true_false, pages: [50], prompt: 가, answer: true}\n",
        "exams/bp.yaml": section(
            "  - title: 필기\n    kind: written\n    count: 1\n    points_each: 1\n"
            "    stratify: syllabus\n    weights: {손실함: 2}\n"
        ),
    }
    root = write_tree(tmp_path / "bank", files)
    assert problems_of(root) == [
        "exams/bp.yaml:10: `weights` names '손실함', which is not a syllabus entry title "
        "(did you mean '손실함수'?)"
    ]


# -- drawing -------------------------------------------------------------------------------


def test_distinct_family_never_draws_one_family_twice_across_sections(tmp_path: Path) -> None:
    files = {
        **task("m-dnn", "model", "dnn"),
        **task("m-cnn", "model", "cnn"),
        **task("t-dnn", "training", "dnn"),
        **task("t-cnn", "training", "cnn"),
        "exams/bp.yaml": section(
            "  - {title: 모델, kind: model, count: 1, points_each: 1, distinct: family}\n"
            "  - {title: 학습, kind: practical, tasks: [t-dnn, t-cnn], count: 1, points_each: 1,"
            " distinct: family}\n"
        ),
    }
    # kind `training` needs `type: training`: list the two as plain practical tasks instead
    for name in ("t-dnn", "t-cnn"):
        key = f"tasks/{name}/task.yaml"
        files[key] = files[key].replace("kind: training", "kind: loop")
    bank = load_bank([write_tree(tmp_path / "bank", files)], bundled=False)
    pairs = set()
    for seed in range(40):
        model, trained = (q.item_id for q in draw_questions(bank.exams["bp"], bank, seed))
        assert model.split("-")[1] != trained.split("-")[1], seed
        pairs.add((model, trained))
    assert pairs == {("m-dnn", "t-cnn"), ("m-cnn", "t-dnn")}  # both ways come up


def test_without_distinct_families_may_repeat(tmp_path: Path) -> None:
    files = {
        **task("m-dnn", "model", "dnn"),
        **task("l-dnn", "loop", "dnn"),
        **task("l-cnn", "loop", "cnn"),
        "exams/bp.yaml": section(
            "  - {title: 모델, kind: model, count: 1, points_each: 1}\n"
            "  - {title: 루프, kind: loop, count: 1, points_each: 1}\n"
        ),
    }
    bank = load_bank([write_tree(tmp_path / "bank", files)], bundled=False)
    drawn = {draw_questions(bank.exams["bp"], bank, seed)[1].item_id for seed in range(40)}
    assert drawn == {"l-dnn", "l-cnn"}


def test_weights_make_a_task_likelier(tmp_path: Path) -> None:
    files = {
        **{k: v for n in "abcd" for k, v in task(f"m-{n}", "model").items()},
        "exams/bp.yaml": section(
            "  - {title: 모델, kind: model, count: 1, points_each: 1, weights: {m-c: 20}}\n"
        ),
    }
    bank = load_bank([write_tree(tmp_path / "bank", files)], bundled=False)
    counts = Counter(draw_questions(bank.exams["bp"], bank, s)[0].item_id for s in range(100))
    assert counts["m-c"] > 75  # 20 / 23 of the draws on average
    assert len(counts) > 1


ENTRIES = ["텐서", "손실함수", "옵티마이저", "CNN"]
PAGES = [20, 50, 68, 105]


def stratified_bank(tmp_path: Path, count: int, weights: str = "") -> Bank:
    syllabus = "".join(
        f"- title: {t}\n  pages: [{p}]\n" for t, p in zip(ENTRIES, PAGES, strict=True)
    )
    # Many items on the first entry, two on each other one, one family of two items.
    items = [
        f"  - {{id: big-{n}, type: true_false, pages: [20], prompt: 가{n}, answer: true}}"
        for n in range(30)
    ]
    for title, page in zip(ENTRIES[1:], PAGES[1:], strict=True):
        for n in range(2):
            items.append(
                f"  - {{id: e{page}-q-{n}, type: true_false, pages: [{page}], prompt: {title}{n}, answer: true}}"
            )
    files = {
        "syllabus.yaml": syllabus,
        "items/a.yaml": "items:\n" + "\n".join(items) + "\n",
        "exams/bp.yaml": section(
            f"  - {{title: 필기, kind: written, count: {count}, points_each: 1, "
            f"stratify: syllabus, distinct: family{weights}}}\n"
        ),
    }
    return load_bank([write_tree(tmp_path / "bank", files)], bundled=False)


def entries_of(bank: Bank, seed: int) -> list[str]:
    out = []
    for q in draw_questions(bank.exams["bp"], bank, seed):
        home = entry_of(bank.items[q.item_id].pages, bank.syllabus)
        assert home is not None
        out.append(home.title)
    return out


def test_a_stratified_section_covers_every_entry_when_it_can(tmp_path: Path) -> None:
    bank = stratified_bank(tmp_path, count=6)
    for seed in range(20):
        drawn = entries_of(bank, seed)
        assert set(drawn) == set(ENTRIES), seed
        # in syllabus order; e50-q-0 and e50-q-1 are one family: never both
        assert drawn == sorted(drawn, key=ENTRIES.index)
        assert Counter(drawn)["손실함수"] == 1


def test_a_short_stratified_section_draws_distinct_entries_by_weight(tmp_path: Path) -> None:
    bank = stratified_bank(tmp_path, count=2, weights=", weights: {CNN: 50}")
    seen = Counter()
    for seed in range(40):
        drawn = entries_of(bank, seed)
        assert len(set(drawn)) == 2, seed
        seen.update(drawn)
    assert seen["CNN"] > 35  # weight 50 against 1, 1, 1


def test_an_unstratified_draw_of_the_same_bank_skips_entries(tmp_path: Path) -> None:
    """What stratification fixes: drawn by item alone, the big entry crowds the others out."""
    bank = stratified_bank(tmp_path, count=6)
    plain = bank.exams["bp"].model_copy(
        update={"sections": [bank.exams["bp"].sections[0].model_copy(update={"stratify": None})]}
    )
    missed = 0
    for seed in range(20):
        ids = [q.item_id for q in draw_questions(plain, bank, seed)]
        homes = {entry_of(bank.items[i].pages, bank.syllabus).title for i in ids}  # type: ignore[union-attr]
        missed += homes != set(ENTRIES)
    assert missed > 10


def test_distinct_still_draws_the_count_when_families_run_out(tmp_path: Path) -> None:
    files = {
        **task("m-a", "model", "dnn"),
        **task("m-b", "model", "dnn"),
        **task("m-c", "model", "cnn"),
        "exams/bp.yaml": section(
            "  - {title: 모델, kind: model, count: 2, points_each: 1, distinct: family}\n"
            "  - {title: 더, kind: model, count: 1, points_each: 1, distinct: family}\n"
        ),
    }
    bank = load_bank([write_tree(tmp_path / "bank", files)], bundled=False)
    for seed in range(20):
        drawn = draw_questions(bank.exams["bp"], bank, seed)
        assert len(drawn) == 3 and len({q.item_id for q in drawn}) == 3, seed
        # the first section takes one dnn and the cnn: two families while it can
        assert {q.item_id for q in drawn[:2]} & {"m-c"}, seed
