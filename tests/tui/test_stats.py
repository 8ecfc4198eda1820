"""The statistics screen through the real app: empty history, real history from the store
(reviews, mastery, exam scores), a broken database, and English labels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import text
from textual.widgets import DataTable, Static
from textual_plotext import PlotextPlot

from question_bank import overlaps
from quizapp.i18n import translate
from quizapp.settings import Settings
from quizapp.study import Rating, StudyService
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.widgets.charts import count_ticks, spaced

from .conftest import FakeClock, wait_ready


def label(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def plot_text(app: QuizApp, name: str) -> str:
    return str(app.screen.query_one(f"#{name}-plot", PlotextPlot).render())


def shown(app: QuizApp, name: str) -> bool:
    return bool(app.screen.query_one(f"#{name}-plot", PlotextPlot).display)


async def open_stats(app: QuizApp, pilot: Any) -> StatsScreen:
    await wait_ready(app, pilot)
    await pilot.press("s")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, StatsScreen), type(app.screen).__name__
    return app.screen


def flashcards_of_smallest_entry(service: StudyService) -> list[str]:
    """Flashcards studied one way only (one card per item, so rating one masters its item) on
    the pages of the syllabus entry with the fewest items."""
    smallest = min(service.mastery(), key=lambda m: m.items)
    entry = next(e for e in service.catalogue.bank.syllabus if e.title == smallest.title)
    cards = service.catalogue.cards
    per_item: dict[str, int] = {}
    for card in cards:
        per_item[card.item_id] = per_item.get(card.item_id, 0) + 1
    return [
        c.card_id
        for c in cards
        if c.kind == "flashcard" and per_item[c.item_id] == 1 and overlaps(c.pages, entry.pages)
    ]


def rate(service: StudyService, card_id: str, rating: Rating) -> None:
    session = service.session([service.catalogue.by_id[card_id]])
    session.rate(rating)


async def test_an_empty_history_shows_sentences_not_empty_plots(
    app_factory: Callable[..., QuizApp],
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=(130, 45)) as pilot:
        await open_stats(app, pilot)
        for name, key in (
            ("reviews", "stats.no_reviews"),
            ("retention", "stats.no_retention"),
            ("scores", "stats.no_exams"),
        ):
            assert not shown(app, name)
            assert label(app, f"#{name}-empty") == translate(key, "ko")
        assert "복습 0회" in label(app, "#stats-reviews")
        assert label(app, "#stats-exams") == translate("stats.card.no_exams", "ko")
        # mastery is a plot even at 0%: one legend row per syllabus entry
        assert shown(app, "mastery")
        assert app.bank is not None
        legend = app.screen.query_one("#mastery-legend", DataTable)
        assert legend.row_count == len(app.bank.syllabus)
        assert str(legend.get_row_at(0)[1]) == app.bank.syllabus[0].title
        await pilot.press("escape")
        assert type(app.screen).__name__ == "HomeScreen"


async def test_the_plots_show_what_the_store_holds(
    app_factory: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=(130, 45)) as pilot:
        await wait_ready(app, pilot)
        service = app.service
        assert service is not None
        cards = flashcards_of_smallest_entry(service)[:3]
        assert len(cards) == 3
        for card in cards:
            rate(service, card, Rating.Easy)
        other = next(
            c.card_id
            for c in service.catalogue.cards
            if c.kind == "flashcard" and c.card_id not in cards
        )
        rate(service, other, Rating.Again)
        exams = service.store.exams
        drill = exams.start("written-drill", 1, 15, [("x", "written")], clock() - timedelta(days=2))
        exams.finish(drill.id, score=3, max_score=12, passed=False, at=clock() - timedelta(days=2))
        mock = exams.start("written-drill", 2, 15, [("x", "written")], clock() - timedelta(days=1))
        exams.finish(mock.id, score=9, max_score=12, passed=True, at=clock() - timedelta(days=1))

        await open_stats(app, pilot)
        assert "복습 4회" in label(app, "#stats-reviews") and "오늘 4회" in label(
            app, "#stats-reviews"
        )
        assert "모의고사 2회" in label(app, "#stats-exams")
        assert "최고 75%" in label(app, "#stats-exams") and "최근 75%" in label(app, "#stats-exams")

        assert shown(app, "reviews") and not app.screen.query_one("#reviews-empty").display
        reviews = plot_text(app, "reviews")
        today = service.day.date_of(clock()).strftime("%m-%d")
        assert today in reviews  # the last bar is today, and it is labelled
        assert reviews.splitlines()[1].startswith("4┤")  # the y axis tops at the busiest day
        assert not shown(app, "retention")  # first answers are learning steps, not retention
        assert shown(app, "scores")
        assert "75%" in plot_text(app, "scores")

        # each mastery bar sits on the row of its number, as long as its percent says
        mastery = service.mastery()
        assert max(m.percent for m in mastery) >= 10  # three of the smallest entry's items
        rows = [line for line in plot_text(app, "mastery").splitlines() if "┤" in line]
        assert len(rows) == len(mastery)
        for number, (row, entry) in enumerate(zip(rows, mastery, strict=True), 1):
            name, bar = row.split("┤", 1)
            assert name.strip() == str(number)
            if entry.percent == 0:
                assert "█" not in bar, (number, entry.title)
            elif entry.percent >= 5:  # at least three cells wide on this plot
                assert "█" in bar, (number, entry.title, entry.percent)
        legend = app.screen.query_one("#mastery-legend", DataTable)
        for number, entry in enumerate(mastery):
            assert [str(cell) for cell in legend.get_row_at(number)[1:]] == [
                entry.title,
                entry.pages,
                f"{entry.percent:.0f}% ({entry.mastered}/{entry.items})",
            ]


async def test_a_database_problem_is_a_clear_message(
    app_factory: Callable[..., QuizApp],
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=(130, 45)) as pilot:
        await wait_ready(app, pilot)
        assert app.store is not None
        with app.store.db.engine.begin() as conn:
            conn.execute(text("DROP TABLE review_logs"))
        await open_stats(app, pilot)
        message = label(app, "#stats-reviews")
        assert message.startswith("통계를 불러오지 못했습니다: cannot read the progress store:")
        assert "review_logs" in message and "\n" not in message
        assert not any(shown(app, name) for name in ("reviews", "retention", "scores"))


async def test_english_labels(tmp_path: Any, clock: FakeClock) -> None:
    from quizapp.settings import resolve
    from quizapp.tui.app import make_app

    settings: Settings = resolve(data_dir=str(tmp_path / "en"), lang="en", profile="student")
    app = make_app(settings, clock=clock, warm_grader=False)
    async with app.run_test(size=(130, 45)) as pilot:
        await open_stats(app, pilot)
        titles = [str(s.content) for s in app.screen.query(".section-title").results(Static)]
        assert titles[0].startswith("Reviews per day")
        assert label(app, "#reviews-empty").startswith("No reviews yet")
        assert "0 reviews" in label(app, "#stats-reviews")


def test_axis_helpers() -> None:
    assert spaced(30, 7) == [2, 9, 16, 23, 30]  # today (the last) is always labelled
    assert spaced(0, 7) == []
    assert count_ticks(0) == [0, 1]
    assert count_ticks(3) == [0, 1, 2, 3]
    assert count_ticks(41) == [0, 11, 22, 33, 44]


def test_the_stats_and_exam_words_exist_in_both_languages_with_the_same_blanks() -> None:
    from string import Formatter

    from quizapp.i18n import MESSAGES

    def blanks(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    mine = {k: v for k, v in MESSAGES.items() if k.startswith(("stats.", "exams."))}
    assert len(mine) > 40
    for key, entry in mine.items():
        assert entry.get("ko") and entry.get("en"), key
        assert blanks(entry["ko"]) == blanks(entry["en"]), key
