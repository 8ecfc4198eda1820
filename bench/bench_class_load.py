"""A class on one shared PostgreSQL store: N students answering and rating while the
teacher's class report runs every few seconds.

Each student is its own process with its own profile, writing through the real
store API (``Reviews.apply`` with the FSRS scheduler, as a study session does;
every 20th answer a graded task submission), pausing ``--think-ms`` on average
between answers (default 1 s: a class answering several times faster than people
read; ``--think-ms 0`` saturates the machine instead). The teacher's process builds the full class report
(``quizapp class report``) every ``--report-every`` seconds meanwhile.

Afterwards every review-log entry id a student was given back is looked up:
"lost" counts those missing from the log, and each profile's log must hold
exactly the entries its student wrote. Goal: p95 write < 50 ms, 0 lost, 0 errors.

Needs a server: ``QUIZAPP_TEST_PG_URL`` (as ``.ci/run`` starts it) or ``--url``.
The run uses a fresh schema, dropped afterwards (``--keep`` leaves it).
Run: ``python bench/bench_class_load.py [--students 30] [--seconds 60]``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from grader.verdict.result import GradeResult
from question_bank import Bank, load_banks
from quizapp.classroom.report import build_report
from quizapp.store import Classroom, ReviewRequest, StoreError, open_database, open_url
from quizapp.store.models import ReviewLogRow
from quizapp.study import Catalogue, Rating, StudyScheduler

SUBMIT_EVERY = 20


def student(
    number: int,
    url: str,
    bank: Bank,
    ready: Any,
    go: Any,
    seconds: float,
    think: float,
    out: Any,
) -> None:
    """One student's process: open the store, wait for the start, answer until time is up."""
    rng = random.Random(number)
    scheduler = StudyScheduler()
    cards = [c for c in Catalogue(bank).cards if c.kind != "task"]
    tasks = sorted(bank.tasks)
    ids: list[int] = []
    latencies: list[float] = []
    submissions = errors = 0
    samples: list[str] = []
    with open_url(url, f"student-{number:02d}") as store:
        ready.put(number)
        go.wait()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            card = rng.choice(cards)
            rating = rng.choice(list(Rating))
            now = datetime.now(UTC)
            request = ReviewRequest(
                card.card_id,
                card.kind,
                int(rating),
                now,
                answer="bench" if card.kind == "written" else None,
                correct=rating > Rating.Again if card.kind == "written" else None,
                duration_ms=rng.randint(2000, 20000),
            )
            started = time.perf_counter()
            try:
                if len(latencies) % SUBMIT_EVERY == SUBMIT_EVERY - 1:
                    task = rng.choice(tasks)
                    passed = rng.random() < 0.5
                    result = GradeResult(
                        task=task,
                        passed=passed,
                        score=10.0 * passed,
                        max_score=10.0,
                        checks=[],
                        duration_s=0.5,
                    )
                    store.practice.submit(task, "pass\n", result)
                    submissions += 1
                else:
                    applied = store.reviews.apply(
                        request, lambda before, r=rating, at=now: scheduler.review(before, r, at)
                    )
                    ids.append(applied.entry.id)
            except StoreError as exc:
                errors += 1
                samples = [*samples[:2], str(exc)]
            latencies.append(time.perf_counter() - started)
            if think:
                time.sleep(rng.uniform(0, 2 * think))
    out.put(
        {
            "profile": f"student-{number:02d}",
            "ids": ids,
            "latencies": latencies,
            "submissions": submissions,
            "errors": errors,
            "samples": samples,
        }
    )


def teacher(url: str, bank: Bank, stop: Any, every: float, out: Any) -> None:
    """The class report, again and again, until the students are done."""
    durations: list[float] = []
    errors: list[str] = []
    with Classroom(open_database(url)) as classroom:
        while not stop.wait(every):
            started = time.perf_counter()
            try:
                report = build_report(classroom, bank)
                assert report.students
            except StoreError as exc:
                errors.append(str(exc))
            durations.append(time.perf_counter() - started)
    out.put({"durations": durations, "errors": errors})


def fresh_schema(base: str) -> tuple[str, str]:
    schema = f"quizapp_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), schema


def drop_schema(base: str, schema: str) -> None:
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def verify(url: str, results: list[dict[str, Any]]) -> tuple[int, int]:
    """``(lost, mismatched profiles)``: written entries missing from the log, and profiles
    whose log holds other than exactly what their student wrote."""
    lost = mismatched = 0
    with Classroom(open_database(url)) as classroom:
        names = {name: pid for pid, name in classroom.profiles()}

        def logged(pid: int) -> set[int]:
            query = select(ReviewLogRow.id).where(ReviewLogRow.profile_id == pid)
            return classroom.db.query(lambda conn: set(conn.execute(query).scalars()))

        for result in results:
            found = logged(names[result["profile"]]) if result["profile"] in names else set()
            written = set(result["ids"])
            lost += len(written - found)
            mismatched += found != written
    return lost, mismatched


def percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("QUIZAPP_TEST_PG_URL"))
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--think-ms",
        type=float,
        default=1000.0,
        help="mean pause between a student's answers (0: as fast as the machine allows)",
    )
    parser.add_argument("--report-every", type=float, default=3.0, metavar="SECONDS")
    parser.add_argument("--keep", action="store_true", help="keep the schema afterwards")
    args = parser.parse_args()
    if not args.url:
        print("no server: set QUIZAPP_TEST_PG_URL or give --url", file=sys.stderr)
        return 2
    bank, problems = load_banks([])
    assert not problems
    url, schema = fresh_schema(args.url)
    try:
        open_database(url).dispose()  # create the tables once, before the class arrives
        ctx = mp.get_context("fork")  # the children share the loaded bank, not the engines
        ready, go, stop, out = ctx.Queue(), ctx.Event(), ctx.Event(), ctx.Queue()
        students = [
            ctx.Process(
                target=student,
                args=(n, url, bank, ready, go, args.seconds, args.think_ms / 1000, out),
            )
            for n in range(args.students)
        ]
        for p in students:
            p.start()
        for _ in students:  # every student has opened the store: start together
            ready.get()
        report_out = ctx.Queue()
        teacher_proc = ctx.Process(
            target=teacher, args=(url, bank, stop, args.report_every, report_out)
        )
        teacher_proc.start()
        go.set()
        started = time.monotonic()
        results = [out.get() for _ in students]
        elapsed = time.monotonic() - started
        stop.set()
        reports = report_out.get()
        for p in [*students, teacher_proc]:
            p.join()
        lost, mismatched = verify(url, results)
    finally:
        if not args.keep:
            drop_schema(args.url, schema)
    latencies = sorted(x * 1000 for r in results for x in r["latencies"])
    answers = sum(len(r["ids"]) for r in results)
    submissions = sum(r["submissions"] for r in results)
    errors = sum(r["errors"] for r in results)
    print(f"students: {args.students} processes, {args.seconds:g} s, think {args.think_ms:g} ms")
    print(
        f"writes: {len(latencies)} ({answers} answers, {submissions} submissions) "
        f"in {elapsed:.1f} s = {len(latencies) / elapsed:.1f} writes/s, "
        f"{answers / elapsed:.1f} answers/s"
    )
    print(
        f"write latency: p50 {percentile(latencies, 50):.1f} ms, "
        f"p95 {percentile(latencies, 95):.1f} ms, max {latencies[-1]:.1f} ms (goal p95 < 50 ms)"
    )
    print(
        f"lost: {lost} (every returned log entry looked up; profiles with other entries: "
        f"{mismatched}); errors: {errors}"
    )
    for sample in {s for r in results for s in r["samples"]}:
        print(f"  error: {sample}")
    durations = reports["durations"]
    if durations:
        print(
            f"class reports: {len(durations)} during the run, "
            f"median {statistics.median(durations):.2f} s, max {max(durations):.2f} s, "
            f"errors {len(reports['errors'])}"
        )
    return 0 if lost == 0 and errors == 0 and not mismatched else 1


if __name__ == "__main__":
    sys.exit(main())
