"""A study session: show a card, take the answer or rating, commit it, show the next.

Used for the due queue, quizzes, cram and the mistakes list (see
:mod:`.service` for how each is built). Every answer is committed before the
next card is shown. Cards answered within the learn-ahead window (a missed
card comes back after 1 or 10 minutes) return in the same session. Undo
reverts the last answer in the store and shows that card again. In cram mode
nothing is written: answers are checked and counted, the schedule stays as it was.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Rating

from grader.verdict.result import GradeResult
from question_bank import Flashcard, Item, Task
from question_bank.answers.check import Response, expected_text, judge, logged_response
from question_bank.answers.judgement import Judgement

from ..store import Clock, ReviewRequest, Schedule, Store, Submission
from ..store.reviews import Compute
from .cards import CardRef, Catalogue
from .errors import StudyError
from .practice import TaskPractice
from .scheduler import StudyScheduler, format_interval

LEARN_AHEAD = timedelta(minutes=20)


@dataclass(frozen=True)
class StudyCard:
    """The card to show: which side (``ref.reverse``), its content, and its schedule
    (None for a new card)."""

    ref: CardRef
    content: Item | Task
    schedule: Schedule | None


@dataclass(frozen=True)
class Outcome:
    card: CardRef
    rating: Rating
    correct: bool | None  # None for a self-rated flashcard
    answer: str | None
    expected: str | None
    due: datetime  # when the card comes back (in cram mode: would have come back)
    interval: str
    entry_id: int | None  # the review-log entry; None in cram mode
    submission: Submission | None = None
    judgement: Judgement | None = None  # how a written answer was judged (see .feedback)
    wait: timedelta = timedelta(0)  # from the answer until the card is due again

    def interval_in(self, lang: str) -> str:
        """The wait until the next review in ``lang``: "10분", "4일"."""
        return format_interval(self.wait, lang)


@dataclass
class _Done:
    outcome: Outcome
    seq: int | None  # the card's place in the learning heap, when it was put back


class StudySession:
    def __init__(
        self,
        *,
        store: Store,
        catalogue: Catalogue,
        scheduler: StudyScheduler,
        practice: TaskPractice,
        cards: Sequence[CardRef],
        clock: Clock,
        cram: bool = False,
        requeue: bool = True,
        learn_ahead: timedelta = LEARN_AHEAD,
        counts_new: bool = True,
    ) -> None:
        self.store = store
        self.catalogue = catalogue
        self.scheduler = scheduler
        self.practice = practice
        self.clock = clock
        self.cram = cram
        self.requeue = requeue and not cram
        self.learn_ahead = learn_ahead
        # a first answer uses the day's new-card limit (False in a quiz, unless the student
        # chose to learn new cards)
        self.counts_new = counts_new
        self._pending: deque[CardRef] = deque(cards)
        self._learning: list[tuple[datetime, int, CardRef]] = []
        self._seq = itertools.count()
        self._current: CardRef | None = None
        self._shown: StudyCard | None = None  # _current with its content and schedule
        self._done: list[_Done] = []
        self.right = 0
        self.wrong = 0

    # -- what to show ------------------------------------------------------------

    def _pick(self, now: datetime) -> CardRef | None:
        if self._learning and self._learning[0][0] <= now:
            return heapq.heappop(self._learning)[2]
        if self._pending:
            return self._pending.popleft()
        if self._learning and self._learning[0][0] <= now + self.learn_ahead:
            return heapq.heappop(self._learning)[2]
        return None

    def current(self) -> StudyCard | None:
        """The card to answer now; the same card until it is answered or undone.
        None when the session is over."""
        if self._current is None:
            self._current = self._pick(self.clock())
            self._shown = None
        if self._current is None:
            return None
        if self._shown is None:
            progress = self.store.reviews.card(self._current.card_id)
            schedule = progress.schedule if progress is not None else None
            self._shown = StudyCard(self._current, self.catalogue.content(self._current), schedule)
        return self._shown

    def _waiting(self) -> list[CardRef]:
        queued = [*self._pending, *(entry[2] for entry in self._learning)]
        return [self._current, *queued] if self._current is not None else queued

    @property
    def remaining(self) -> int:
        """Cards not answered yet in this session: goes down with every first answer."""
        answered = {done.outcome.card.card_id for done in self._done}
        return sum(ref.card_id not in answered for ref in self._waiting())

    @property
    def again(self) -> int:
        """Cards answered in this session that come back before it ends (a missed card in
        1 or 10 minutes, a new card's learning steps)."""
        return len(self._waiting()) - self.remaining

    @property
    def answered(self) -> int:
        return len(self._done)

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    def next_intervals(self, lang: str = "en") -> dict[Rating, str]:
        """The interval each review button would give the current card ("1m", "10m", "4d";
        "1분", "10분", "4일" in Korean)."""
        card = self.current()
        if card is None:
            return {}
        return self.scheduler.next_intervals(card.schedule, self.clock(), lang)

    # -- answering ---------------------------------------------------------------

    def _require(self, kinds: tuple[str, ...]) -> StudyCard:
        card = self.current()
        if card is None:
            raise StudyError("the session is over: there is no card to answer")
        if card.ref.kind not in kinds:
            raise StudyError(
                f"the current card is a {card.ref.kind} card, not {' or '.join(kinds)}"
            )
        return card

    def answer(self, response: Response, duration_ms: int | None = None) -> Outcome:
        """Check a written answer: right rates Good, wrong rates Again."""
        card = self._require(("written",))
        assert not isinstance(card.content, Task | Flashcard)
        judgement = judge(card.content, response, self.catalogue.bank.glossary)
        correct = judgement.correct
        rating = Rating.Good if correct else Rating.Again
        return self._record(
            card, rating, correct, logged_response(response), duration_ms, judgement
        )

    def rate(self, rating: Rating, duration_ms: int | None = None) -> Outcome:
        """Self-rate a flashcard: Again, Hard, Good or Easy."""
        card = self._require(("flashcard",))
        return self._record(card, Rating(rating), None, None, duration_ms)

    def submit_task(self, code: str, result: GradeResult) -> Outcome | None:
        """Record a graded submission of the current task (through :class:`TaskPractice`,
        the one path of a task's verdict): passing rates Good, failing Again.

        In cram mode the submission joins the practice history but the schedule
        and the review log stay untouched. None when the grader itself failed: nothing
        is recorded and the task stays the current card.
        """
        card = self._require(("task",))
        recorded = self.practice.submit(
            card.ref.item_id, code, result, schedule=not self.cram, counts_new=self.counts_new
        )
        if recorded is None:
            return None
        now = recorded.submission.submitted_at
        review = recorded.review
        after = (
            review.after if review else self.scheduler.review(card.schedule, recorded.rating, now)
        )
        entry_id = review.entry.id if review else None
        return self._finish(
            card, recorded.rating, result.passed, None, after, entry_id, now, recorded.submission
        )

    def _request(
        self,
        card: StudyCard,
        rating: Rating,
        correct: bool | None,
        answer: str | None,
        duration_ms: int | None,
        now: datetime,
    ) -> ReviewRequest:
        return ReviewRequest(
            card_id=card.ref.card_id,
            kind=card.ref.kind,
            rating=int(rating),
            reviewed_at=now,
            answer=answer,
            correct=correct,
            duration_ms=duration_ms,
            counts_new=self.counts_new,
        )

    def _compute(self, rating: Rating, now: datetime) -> Compute:
        return lambda before: self.scheduler.review(before, rating, now)

    def _record(
        self,
        card: StudyCard,
        rating: Rating,
        correct: bool | None,
        answer: str | None,
        duration_ms: int | None,
        judgement: Judgement | None = None,
    ) -> Outcome:
        now = self.clock()
        if self.cram:
            after = self.scheduler.review(card.schedule, rating, now)
            return self._finish(card, rating, correct, answer, after, None, now, None, judgement)
        request = self._request(card, rating, correct, answer, duration_ms, now)
        applied = self.store.reviews.apply(request, self._compute(rating, now))
        return self._finish(
            card, rating, correct, answer, applied.after, applied.entry.id, now, None, judgement
        )

    def _finish(
        self,
        card: StudyCard,
        rating: Rating,
        correct: bool | None,
        answer: str | None,
        after: Schedule,
        entry_id: int | None,
        now: datetime,
        submission: Submission | None,
        judgement: Judgement | None = None,
    ) -> Outcome:
        expected = None
        if isinstance(card.content, Flashcard) and card.ref.reverse:
            expected = card.content.front
        elif not isinstance(card.content, Task):
            expected = expected_text(card.content)
        outcome = Outcome(
            card=card.ref,
            rating=rating,
            correct=correct,
            answer=answer,
            expected=expected,
            due=after.due,
            interval=format_interval(after.due - now),
            entry_id=entry_id,
            submission=submission,
            judgement=judgement,
            wait=after.due - now,
        )
        seq = None
        if self.requeue and after.due <= now + self.learn_ahead:
            seq = next(self._seq)
            heapq.heappush(self._learning, (after.due, seq, card.ref))
        self._done.append(_Done(outcome, seq))
        if rating == Rating.Again or correct is False:
            self.wrong += 1
        else:
            self.right += 1
        self._current = self._shown = None
        return outcome

    # -- undo --------------------------------------------------------------------

    def undo(self) -> StudyCard | None:
        """Revert the last answer (card state restored, log entry deleted) and show that card
        again; None when nothing was answered in this session."""
        if not self._done:
            return None
        done = self._done[-1]
        if (
            done.outcome.entry_id is not None
            and self.store.reviews.undo(done.outcome.entry_id) is None
        ):
            raise StudyError(
                "cannot undo: this card was answered again since (here or in another window)"
            )
        self._done.pop()
        if done.seq is not None:
            self._learning = [entry for entry in self._learning if entry[1] != done.seq]
            heapq.heapify(self._learning)
        if self._current is not None:
            self._pending.appendleft(self._current)
        self._current = done.outcome.card
        self._shown = None
        if done.outcome.rating == Rating.Again or done.outcome.correct is False:
            self.wrong -= 1
        else:
            self.right -= 1
        return self.current()
