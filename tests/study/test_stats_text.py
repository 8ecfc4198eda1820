"""`quizapp stats` without --json: columns stay aligned with Korean titles."""

from __future__ import annotations

from question_bank.text import display_width
from quizapp.commands.stats import format_progress


def test_mastery_columns_line_up_with_wide_characters() -> None:
    stats = {
        "profile": "kim",
        "reviews_total": 3,
        "reviews_today": 1,
        "streak_days": 1,
        "retention_30d": None,
        "retention_30d_reviews": 0,
        "due_now": 0,
        "due_by_kind": {"written": 0, "flashcard": 0, "task": 0},
        "new_today": 0,
        "daily_new_limit": 20,
        "new_available": 5,
        "items_seen": 1,
        "items_total": 9,
        "mistakes": 0,
        "exam_date": None,
        "mastery": [
            {
                "title": "파이토치 텐서",
                "pages": "18, 20",
                "mastered": 1,
                "items": 4,
                "percent": 25.0,
            },
            {"title": "LSTM", "pages": "172-173", "mastered": 0, "items": 3, "percent": 0.0},
        ],
        "exam_attempts": [],
    }
    rows = [line for line in format_progress(stats).splitlines() if " p. " in line]
    assert len(rows) == 2
    columns = {display_width(row[: row.index(" p. ")]) for row in rows}
    assert len(columns) == 1, rows
