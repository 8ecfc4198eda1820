"""An attempt from start to results: start or resume, the clock, answers, flags, scoring.

The clock is never counted locally: the time left is always the attempt's
stored start plus the blueprint's minutes minus now, so closing or killing
the app does not stop it, and an attempt whose time ran out while the app was
closed is submitted at the next start with what was saved. Every answer is
stored when given. An attempt handed in is marked submitted before its tasks are
graded, so one whose grading was cut short (the app killed meanwhile) is graded at the
next start too, and one whose grader failed stays submitted, to be graded again.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from grader.verdict.result import GradeResult
from question_bank import Bank, Blueprint, Task, format_pages, overlaps

from ..store import ExamAttempt, StoreError
from ..study import StudyService, check_answer
from .draw import Question, draw_questions

RECENT_ATTEMPTS = 2  # questions of the last attempts of a blueprint are avoided


# Grades (task, source) pairs — all of an attempt's tasks in one call, so that the
# grader may run them in parallel on its warm workers.
GradeFn = Callable[[Sequence[tuple[Task, str]]], list[GradeResult]]


class GradingIncomplete(Exception):
    """The grader itself failed on some of a submitted attempt's tasks: the attempt stays
    submitted and unscored (not zero points), to be graded again."""

    def __init__(self, attempt: ExamAttempt, failed: dict[int, GradeResult]) -> None:
        super().__init__(f"exam attempt {attempt.id}: the grader failed on {len(failed)} task(s)")
        self.attempt = attempt
        self.failed = failed  # question index → the grader's (internal) failure


@dataclass(frozen=True)
class SectionScore:
    title: str
    kind: str
    score: float
    max_score: float


@dataclass(frozen=True)
class KindScore:
    """The practical part's points on one task kind (``batch``, ``model``, …); for a
    training task also its metric, when it was measured."""

    kind: str
    score: float
    max_score: float
    metric_name: str | None = None
    metric: float | None = None
    target: float | None = None


@dataclass(frozen=True)
class EntryScore:
    """Points won and possible on one syllabus entry's questions: where to study next."""

    title: str
    pages: str
    score: float
    max_score: float

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True)
class Results:
    attempt: ExamAttempt
    blueprint: Blueprint
    sections: list[SectionScore]
    entries: list[EntryScore]
    time_used: timedelta
    graded: dict[int, GradeResult] = field(default_factory=dict)  # question index → verdict
    kinds: list[KindScore] = field(default_factory=list)  # the practical part, per task kind

    @property
    def score(self) -> float:
        return sum(s.score for s in self.sections)

    @property
    def max_score(self) -> float:
        return sum(s.max_score for s in self.sections)


def encode_answer(response: Any) -> str:
    return json.dumps(response, ensure_ascii=False)


def decode_answer(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


class ExamRunner:
    def __init__(self, service: StudyService, bank: Bank) -> None:
        self.service = service
        self.bank = bank
        self.exams = service.store.exams
        self.clock = service.clock

    # -- attempts ----------------------------------------------------------------

    def blueprint(self, blueprint_id: str) -> Blueprint:
        try:
            return self.bank.exams[blueprint_id]
        except KeyError:
            known = ", ".join(sorted(self.bank.exams))
            raise StoreError(f"unknown exam {blueprint_id!r} (known: {known})") from None

    def unfinished(self) -> ExamAttempt | None:
        """The attempt still running (the newest unfinished one), if any."""
        for attempt in self.exams.attempts():
            if not attempt.finished and attempt.blueprint in self.bank.exams:
                return self.exams.get(attempt.id)
        return None

    def recent_items(self, blueprint_id: str) -> set[str]:
        finished = [a for a in self.exams.attempts() if a.blueprint == blueprint_id and a.finished]
        seen: set[str] = set()
        for attempt in finished[:RECENT_ATTEMPTS]:
            full = self.exams.get(attempt.id)
            if full is not None:
                seen.update(q.item_id for q in full.questions)
        return seen

    def start_or_resume(self, blueprint_id: str, seed: int | None = None) -> ExamAttempt:
        """Resume the unfinished attempt of this blueprint, or start a new one."""
        blueprint = self.blueprint(blueprint_id)
        running = self.unfinished()
        if running is not None and running.blueprint == blueprint_id:
            return running
        seed = secrets.randbits(48) if seed is None else seed
        drawn = draw_questions(blueprint, self.bank, seed, self.recent_items(blueprint_id))
        return self.exams.start(
            blueprint_id,
            seed,
            blueprint.minutes,
            [(q.item_id, q.kind) for q in drawn],
            started_at=self.clock(),
        )

    def reload(self, attempt: ExamAttempt) -> ExamAttempt:
        fresh = self.exams.get(attempt.id)
        if fresh is None:
            raise StoreError(f"no exam attempt {attempt.id}")
        return fresh

    def questions(self, attempt: ExamAttempt) -> list[Question]:
        """The attempt's questions with the section each was drawn for."""
        blueprint = self.blueprint(attempt.blueprint)
        sections: list[int] = []
        for s, section in enumerate(blueprint.sections):
            sections += [s] * section.size()
        return [
            Question(
                q.index,
                sections[q.index] if q.index < len(sections) else len(blueprint.sections) - 1,
                q.item_id,
                "task" if q.kind == "task" else "written",
            )
            for q in attempt.questions
        ]

    # -- the clock -------------------------------------------------------------------

    @staticmethod
    def deadline(attempt: ExamAttempt) -> datetime:
        return attempt.started_at + timedelta(minutes=attempt.minutes)

    def remaining(self, attempt: ExamAttempt) -> timedelta:
        return max(timedelta(0), self.deadline(attempt) - self.clock())

    def expired(self, attempt: ExamAttempt) -> bool:
        return self.clock() >= self.deadline(attempt)

    def to_grade(self, attempt: ExamAttempt) -> bool:
        """Unfinished but over: handed in (its grading cut short or failed) or out of time."""
        return not attempt.finished and (attempt.submitted or self.expired(attempt))

    # -- answering ---------------------------------------------------------------------

    def points_each(self, attempt: ExamAttempt, index: int) -> float:
        blueprint = self.blueprint(attempt.blueprint)
        return blueprint.sections[self.questions(attempt)[index].section].points_each

    def answer(self, attempt: ExamAttempt, index: int, response: Any) -> None:
        """Store an answer (a written response, or a task's code) the moment it is given.

        A written answer is checked now (the student sees the verdict only in the
        results); a task's code is graded at submission.
        """
        question = attempt.questions[index]
        if question.kind == "task":
            self.exams.answer(attempt.id, index, str(response), at=self.clock())
            return
        item = self.bank.items.get(question.item_id)
        correct = bool(item is not None and check_answer(item, response, self.bank.glossary))
        score = self.points_each(attempt, index) if correct else 0.0
        self.exams.answer(
            attempt.id,
            index,
            encode_answer(response),
            correct=correct,
            score=score,
            at=self.clock(),
        )

    def flag(self, attempt: ExamAttempt, index: int, flagged: bool) -> None:
        self.exams.flag(attempt.id, index, flagged)

    @staticmethod
    def unanswered(attempt: ExamAttempt) -> list[int]:
        return [
            q.index for q in attempt.questions if q.answer is None or q.answer in ('""', "[]", "")
        ]

    # -- submitting -----------------------------------------------------------------------

    def finish(self, attempt: ExamAttempt, grade: GradeFn) -> Results:
        """Hand the attempt in, grade its tasks (in one call, in parallel), score, close it
        and feed every answer to the scheduler (wrong or unanswered → Again) and the
        mistakes list. Raises :class:`GradingIncomplete`, leaving the attempt submitted
        and open, when the grader itself failed on a task."""
        attempt = self.reload(attempt)
        if attempt.finished:
            return self.results(attempt)
        attempt = self.exams.submit(attempt.id, at=min(self.clock(), self.deadline(attempt)))
        blueprint = self.blueprint(attempt.blueprint)
        tasks = [q for q in attempt.questions if q.kind == "task" and q.item_id in self.bank.tasks]
        sources = [(self.bank.tasks[q.item_id], q.answer or "") for q in tasks]
        verdicts = dict(
            zip((q.index for q in tasks), grade(sources) if sources else [], strict=True)
        )
        failed = {index: v for index, v in verdicts.items() if v.internal}
        if failed:
            raise GradingIncomplete(attempt, failed)
        for index, verdict in verdicts.items():
            points = self.points_each(attempt, index)
            scaled = points * verdict.score / verdict.max_score if verdict.max_score else 0.0
            self.exams.grade(attempt.id, index, correct=verdict.passed, score=round(scaled, 4))
        attempt = self.reload(attempt)
        total = sum(q.score or 0.0 for q in attempt.questions)
        maximum = blueprint.max_points
        percent = 100.0 * total / maximum if maximum else 0.0
        closed = self.exams.finish(
            attempt.id,
            score=round(total, 4),
            max_score=maximum,
            passed=percent >= blueprint.pass_percent,
            at=attempt.submitted_at,  # the time used ends when it was handed in
        )
        self.feed_scheduler(closed, verdicts)
        return self.results(closed, verdicts)

    def pending(self) -> list[ExamAttempt]:
        """The attempts to grade now: handed in but not graded (the app was closed or the
        grader failed meanwhile), or out of time while nobody was looking."""
        return [
            self.reload(a)
            for a in self.exams.attempts()
            if a.blueprint in self.bank.exams and self.to_grade(a)
        ]

    def feed_scheduler(self, attempt: ExamAttempt, verdicts: dict[int, GradeResult]) -> None:
        """The answers given count as reviews (a wrong one joins the 오답노트); a question
        left unanswered, or abandoned when the time ran out, is not a mistake: it is scored
        zero in the exam and left alone in the schedule."""
        catalogue = self.service.catalogue
        unanswered = set(self.unanswered(attempt))
        written = [
            q
            for q in attempt.questions
            if q.kind != "task" and q.item_id in catalogue.by_id and q.index not in unanswered
        ]
        session = self.service.session([catalogue.by_id[q.item_id] for q in written], requeue=False)
        for question in written:
            response = decode_answer(question.answer)
            session.answer(response if response is not None else "")
        for index, verdict in verdicts.items():
            question = attempt.questions[index]
            if index not in unanswered:
                self.service.practice.submit(question.item_id, question.answer or "", verdict)

    # -- results ----------------------------------------------------------------------------

    def results(
        self, attempt: ExamAttempt, graded: dict[int, GradeResult] | None = None
    ) -> Results:
        blueprint = self.blueprint(attempt.blueprint)
        questions = self.questions(attempt)
        sections = []
        for s, section in enumerate(blueprint.sections):
            mine = [attempt.questions[q.index] for q in questions if q.section == s]
            sections.append(
                SectionScore(
                    section.title,
                    section.kind,
                    sum(q.score or 0.0 for q in mine),
                    section.size() * section.points_each,
                )
            )
        entries = []
        for entry in self.bank.syllabus:
            won = possible = 0.0
            for q in questions:
                content = self.bank.items.get(q.item_id) or self.bank.tasks.get(q.item_id)
                if content is not None and overlaps(content.pages or [], entry.pages):
                    possible += blueprint.sections[q.section].points_each
                    won += attempt.questions[q.index].score or 0.0
            if possible:
                entries.append(EntryScore(entry.title, format_pages(entry.pages), won, possible))
        entries.sort(key=lambda e: (e.percent, -e.max_score))
        end = attempt.finished_at or self.clock()
        used = min(end - attempt.started_at, timedelta(minutes=attempt.minutes))
        kinds = self._kind_scores(attempt, blueprint, questions, graded or {})
        return Results(attempt, blueprint, sections, entries, used, graded or {}, kinds)

    def _kind_scores(
        self,
        attempt: ExamAttempt,
        blueprint: Blueprint,
        questions: Sequence[Question],
        graded: dict[int, GradeResult],
    ) -> list[KindScore]:
        """Points per task kind, in the order the attempt asks them; a training task's
        metric from its verdict (this grading, or the practice submission it recorded)."""
        kinds: dict[str, KindScore] = {}
        for q in questions:
            task = self.bank.tasks.get(q.item_id) if q.kind == "task" else None
            if task is None:
                continue
            kind = task.kind or "practical"
            won = attempt.questions[q.index].score or 0.0
            each = blueprint.sections[q.section].points_each
            before = kinds.get(kind, KindScore(kind, 0.0, 0.0))
            report = self._training_report(attempt, q.index, task, graded)
            kinds[kind] = KindScore(
                kind,
                before.score + won,
                before.max_score + each,
                report.metric_name if report else before.metric_name,
                report.metric if report else before.metric,
                report.target if report else before.target,
            )
        return list(kinds.values())

    def _training_report(
        self, attempt: ExamAttempt, index: int, task: Task, graded: dict[int, GradeResult]
    ) -> Any:
        if getattr(task, "metric", None) is None:
            return None
        verdict = graded.get(index)
        if verdict is None:
            answer = attempt.questions[index].answer
            try:
                history = self.service.store.practice.history(task.id) if answer else []
            except StoreError:
                history = []
            verdict = next(
                (
                    s.result
                    for s in history  # newest first
                    if s.code == answer and s.submitted_at >= attempt.started_at
                ),
                None,
            )
        return verdict.training if verdict is not None else None
