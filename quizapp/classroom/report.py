"""The class report: one row per profile of a shared store, then what the class as a whole
finds hard.

Per student it reuses what ``quizapp stats`` computes for one profile (the review
count and 30-day retention of :class:`~quizapp.store.reviews.Reviews`, mastery from
:mod:`quizapp.study.mastery`, the exam attempts); what spans students (best
scores, latest verdicts, per-card success) comes from the class-wide queries of
:class:`~quizapp.store.Classroom`. Plain data out; :mod:`.report_view` words it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import fmean

from grader.text import Text
from grader.verdict.result import GradeResult
from question_bank import Bank

from ..store import Classroom, ExamAttempt
from ..study.cards import Catalogue
from ..study.mastery import Mastery, PageIndex, mastered_items
from ..study.progress import RETENTION_DAYS
from ..study.scheduler import StudyScheduler

SUMMARY_ROWS = 5
MIN_ANSWERS = 3  # a card answered fewer times across the class says little about the card


@dataclass(frozen=True)
class StudentReport:
    profile: str
    reviews: int
    retention: float | None  # over the last RETENTION_DAYS days; None without mature reviews
    retention_reviews: int
    mastery: list[Mastery]  # per syllabus entry
    pages: list[Mastery]  # per textbook page with items
    best: dict[str, tuple[float, float]]  # task id -> (best score, max score)
    exams: list[ExamAttempt]  # newest first
    last_activity: datetime | None

    @property
    def active(self) -> bool:
        return self.last_activity is not None


@dataclass(frozen=True)
class Weakness:
    """A syllabus entry (or page) with the class's mean mastery of it."""

    title: str
    pages: str
    percent: float


@dataclass(frozen=True)
class CheckFailure:
    """How many students' latest submission of ``task`` failed ``check`` (None: did not run)."""

    task: str
    check: str | None
    students: int
    submitted: int


@dataclass(frozen=True)
class DiagnosisCount:
    id: str
    message: Text
    students: int


@dataclass(frozen=True)
class ItemRate:
    card_id: str
    item_id: str
    kind: str
    answers: int
    success: float
    students: int


@dataclass(frozen=True)
class ClassReport:
    students: list[StudentReport]
    weakest_entries: list[Weakness]
    weakest_pages: list[Weakness]
    failed_checks: list[CheckFailure]
    diagnoses: list[DiagnosisCount]
    hardest_items: list[ItemRate]
    generated_at: datetime

    @property
    def active(self) -> list[StudentReport]:
        return [s for s in self.students if s.active]


def build_report(
    classroom: Classroom,
    bank: Bank,
    *,
    scheduler: StudyScheduler | None = None,
    now: datetime | None = None,
) -> ClassReport:
    scheduler = scheduler or StudyScheduler()
    now = now or classroom.db.clock()
    catalogue = Catalogue(bank)
    index = PageIndex(catalogue)
    latest = classroom.last_activity()
    best = classroom.best_scores()
    students = []
    for profile_id, name in classroom.profiles():
        store = classroom.store(profile_id, name)
        recalled, reviewed = store.reviews.retention(now - timedelta(days=RETENTION_DAYS))
        mastered = mastered_items(catalogue, store.reviews.cards(), scheduler, now)
        students.append(
            StudentReport(
                profile=name,
                reviews=store.reviews.count(),
                retention=recalled / reviewed if reviewed else None,
                retention_reviews=reviewed,
                mastery=index.entries(mastered),
                pages=index.pages(mastered),
                best=best.get(profile_id, {}),
                exams=store.exams.attempts(),
                last_activity=latest.get(profile_id),
            )
        )
    active = [s for s in students if s.active]
    failed, diagnoses = _verdict_summary(classroom)
    return ClassReport(
        students=students,
        weakest_entries=_weakest(active, lambda s: s.mastery),
        weakest_pages=_weakest(active, lambda s: s.pages),
        failed_checks=failed,
        diagnoses=diagnoses,
        hardest_items=_hardest_items(classroom, catalogue),
        generated_at=now,
    )


def _weakest(
    students: Sequence[StudentReport], rows: Callable[[StudentReport], list[Mastery]]
) -> list[Weakness]:
    """The entries (or pages) with the lowest mean mastery over the active students."""
    if not students:
        return []
    means = [
        Weakness(first.title, first.pages, round(fmean(rows(s)[i].percent for s in students), 1))
        for i, first in enumerate(rows(students[0]))
        if first.items
    ]
    return sorted(means, key=lambda w: w.percent)[:SUMMARY_ROWS]


def _verdict_summary(classroom: Classroom) -> tuple[list[CheckFailure], list[DiagnosisCount]]:
    """From each student's latest verdict per task: the checks (and catalogued mistakes)
    that most students' code fails. A grader failure counts against nobody."""
    submitted: Counter[str] = Counter()
    failing: Counter[tuple[str, str | None]] = Counter()
    diagnosed: Counter[str] = Counter()
    messages: dict[str, Text] = {}
    for verdict in classroom.latest_verdicts():
        result = GradeResult.from_stored(verdict.result, verdict.task_id)
        if result.internal:
            continue
        submitted[verdict.task_id] += 1
        if result.error is not None and not result.checks:
            failing[(verdict.task_id, None)] += 1
        for check in result.checks:
            if not check.passed:
                failing[(verdict.task_id, check.name)] += 1
        for diagnosis in {d.id: d for d in result.diagnoses}.values():
            diagnosed[diagnosis.id] += 1
            messages[diagnosis.id] = diagnosis.message
    failed = [CheckFailure(task, check, n, submitted[task]) for (task, check), n in failing.items()]
    failed.sort(key=lambda f: (-f.students / f.submitted, -f.students, f.task, f.check or ""))
    counts = [DiagnosisCount(d, messages[d], n) for d, n in diagnosed.items()]
    counts.sort(key=lambda d: (-d.students, d.id))
    return failed[: SUMMARY_ROWS * 2], counts[: SUMMARY_ROWS * 2]


def _hardest_items(classroom: Classroom, catalogue: Catalogue) -> list[ItemRate]:
    """Cards of the bank answered at least MIN_ANSWERS times, lowest success first."""
    rates = [
        ItemRate(
            t.card_id,
            catalogue.by_id[t.card_id].item_id,
            t.kind,
            t.answers,
            t.success,
            t.students,
        )
        for t in classroom.card_tallies()
        if t.card_id in catalogue.by_id and t.answers >= MIN_ANSWERS
    ]
    rates.sort(key=lambda r: (r.success, -r.answers, r.card_id))
    return rates[: SUMMARY_ROWS * 2]
