"""The study logic in one place for the screens and the CLI: queues, sessions, mistakes,
practice, mastery and the profile's plan, over one store and one bank.

Plain Python (no Textual, no torch): a screen asks, shows and forwards what the
student did.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date

from question_bank import Bank

from ..store import CardProgress, Clock, Store
from .cards import CardFilter, CardRef, Catalogue
from .days import StudyDay
from .mastery import Mastery, syllabus_mastery
from .practice import TaskPractice
from .queue import DueQueue, StudyPlan, build_queue
from .scheduler import StudyScheduler
from .session import StudySession

QUIZ_TYPES_DEFAULT = frozenset({"written", "flashcard"})


class StudyService:
    def __init__(
        self,
        store: Store,
        bank: Bank,
        *,
        scheduler: StudyScheduler | None = None,
        day: StudyDay | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.store = store
        self.catalogue = Catalogue(bank)
        self.scheduler = scheduler or StudyScheduler()
        self.day = day or StudyDay()
        self.clock = clock or store.clock
        self.practice = TaskPractice(store, self.scheduler, self.clock)

    # -- the plan ------------------------------------------------------------------

    def plan(self) -> StudyPlan:
        info = self.store.profiles.info()
        return StudyPlan(daily_new_limit=info.daily_new_limit, exam_date=info.exam_date)

    def set_exam_date(self, exam_date: date | None) -> None:
        self.store.profiles.set_exam_date(exam_date)

    def set_daily_new_limit(self, limit: int) -> None:
        self.store.profiles.set_daily_new_limit(limit)

    # -- queues and sessions -----------------------------------------------------

    def due_queue(self, card_filter: CardFilter | None = None) -> DueQueue:
        return build_queue(
            self.store.reviews,
            self.catalogue,
            now=self.clock(),
            day=self.day,
            plan=self.plan(),
            card_filter=card_filter,
        )

    def session(
        self,
        cards: list[CardRef],
        *,
        cram: bool = False,
        requeue: bool = True,
        counts_new: bool = True,
    ) -> StudySession:
        """A session over the given cards (e.g. the items of one syllabus entry)."""
        return StudySession(
            store=self.store,
            catalogue=self.catalogue,
            scheduler=self.scheduler,
            practice=self.practice,
            cards=cards,
            clock=self.clock,
            cram=cram,
            requeue=requeue,
            counts_new=counts_new,
        )

    def review_session(self, card_filter: CardFilter | None = None) -> StudySession:
        """Today's study: due cards first, then new ones within the daily limit."""
        return self.session(self.due_queue(card_filter).cards)

    def quiz_cards(
        self,
        card_filter: CardFilter | None = None,
        count: int | None = None,
        seed: int | None = None,
    ) -> list[CardRef]:
        """Cards for a quiz, in random order (reproducible with ``seed``). Without a type
        filter a quiz draws written items and flashcards; tasks only when asked for."""
        if card_filter is None or card_filter.types is None:
            base = card_filter or CardFilter()
            card_filter = CardFilter(pages=base.pages, topic=base.topic, types=QUIZ_TYPES_DEFAULT)
        cards = self.catalogue.select(card_filter)
        random.Random(seed).shuffle(cards)
        return cards if count is None else cards[: max(0, count)]

    def quiz_session(
        self,
        card_filter: CardFilter | None = None,
        count: int | None = None,
        *,
        seed: int | None = None,
        cram: bool = False,
        learn_new: bool = False,
    ) -> StudySession:
        """A quiz by pages/topic/type/count; each card once. Answers are scheduled like
        reviews unless ``cram``, which checks and counts without changing anything. A card
        answered for the first time does not use the day's new-card limit unless
        ``learn_new`` (the student chose to learn new cards with this quiz)."""
        return self.session(
            self.quiz_cards(card_filter, count, seed),
            cram=cram,
            requeue=False,
            counts_new=learn_new,
        )

    def mistakes(self, card_filter: CardFilter | None = None) -> list[CardRef]:
        """The 오답노트: cards whose last answer was wrong (until answered right), newest first.
        Cards of items no longer in the bank are left out."""
        cards = self.catalogue.known(self.store.reviews.mistakes())
        return [c for c in cards if card_filter is None or card_filter.accepts(c)]

    # -- progress ----------------------------------------------------------------

    def mastery(self, progress: Mapping[str, CardProgress] | None = None) -> list[Mastery]:
        """Per syllabus entry: how many of its items are mastered (recall ≥ 0.9 now)."""
        if progress is None:
            progress = self.store.reviews.cards()
        return syllabus_mastery(self.catalogue, progress, self.scheduler, self.clock())
