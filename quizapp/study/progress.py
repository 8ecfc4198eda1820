"""The numbers behind ``quizapp stats``: reviews, what is due, streak, retention, mastery
and mock-exam attempts, as one JSON-ready dict."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ..store import ExamAttempt
from .mastery import Mastery
from .service import StudyService

RETENTION_DAYS = 30
STREAK_SEARCH_DAYS = 3660


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment is not None else None


def streak_days(service: StudyService, now: datetime) -> int:
    """Consecutive study days with at least one review, ending today (or yesterday, when
    today has had none yet: a streak is not broken before the day is over)."""
    day = service.day
    today = day.date_of(now)
    starts = [day.start(today - timedelta(days=n)) for n in range(STREAK_SEARCH_DAYS)]
    active = service.store.reviews.active_days(starts)
    if active and not active[0]:
        active = service.store.reviews.active_days(starts[1:])
    streak = 0
    for hit in active:
        if not hit:
            break
        streak += 1
    return streak


def progress_stats(service: StudyService) -> dict[str, Any]:
    store = service.store
    now = service.clock()
    plan = service.plan()
    queue = service.due_queue()
    reviews = store.reviews
    today = service.day.today_start(now)
    recalled, reviewed = reviews.retention(now - timedelta(days=RETENTION_DAYS))
    progress = reviews.cards()
    catalogue = service.catalogue
    seen_items = {catalogue.by_id[c].item_id for c in progress if c in catalogue.by_id}
    by_kind = queue.due_by_kind()
    exam_date = plan.exam_date
    return {
        "profile": store.profile,
        "reviews_total": reviews.count(),
        "reviews_today": reviews.count(since=today),
        "due_now": len(queue.due) + len(queue.pulled),
        "due_by_kind": by_kind,
        "new_available": len(queue.new),
        "new_today": queue.new_today,
        "daily_new_limit": plan.daily_new_limit,
        "items_seen": len(seen_items),
        "items_total": len(catalogue.item_ids()),
        "cards_total": len(catalogue),
        "mistakes": len(service.mistakes()),
        "streak_days": streak_days(service, now),
        "retention_30d": round(recalled / reviewed, 4) if reviewed else None,
        "retention_30d_reviews": reviewed,
        "exam_date": exam_date.isoformat() if exam_date else None,
        "days_to_exam": (exam_date - service.day.date_of(now)).days if exam_date else None,
        "mastery": [mastery_json(m) for m in service.mastery(progress)],
        "exam_attempts": [attempt_json(a) for a in store.exams.attempts()],
    }


def mastery_json(m: Mastery) -> dict[str, Any]:
    return {
        "title": m.title,
        "pages": m.pages,
        "items": m.items,
        "mastered": m.mastered,
        "percent": m.percent,
    }


def attempt_json(a: ExamAttempt) -> dict[str, Any]:
    return {
        "id": a.id,
        "blueprint": a.blueprint,
        "started_at": iso(a.started_at),
        "finished_at": iso(a.finished_at),
        "score_percent": a.score_percent,
        "passed": a.passed,
    }
