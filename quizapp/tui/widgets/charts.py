"""The statistics plots, drawn with plotext onto a ``PlotextPlot``'s ``plt``.

Plotext measures text with ``len()``, so a Korean label (two cells per
character) would push the axis and frame out of line. Everything drawn inside a
plot is therefore ASCII — dates, numbers, percentages — and the words (titles,
syllabus entry names, the legend) live in Textual widgets around the plot,
which measure cells properly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from textual_plotext import PlotextPlot

from quizapp.study.history import DayReviews, ExamScore, WeekRetention

RIGHT_COLOR = "green"
WRONG_COLOR = "red"
LINE_COLOR = "cyan"
PASS_COLOR = "yellow"
BAR_COLOR = "blue"
PERCENT_TICKS = [0, 25, 50, 75, 100]


def short_date(day: date) -> str:
    return day.strftime("%m-%d")


def spaced(count: int, every: int) -> list[int]:
    """Positions ``1..count`` to label, every ``every``-th counted back from the last one
    (so that today is always labelled)."""
    return sorted(range(count, 0, -every)) if count else []


def count_ticks(highest: int) -> list[int]:
    """A few whole-number y ticks from 0 to at least ``highest``."""
    if highest <= 4:
        return list(range(max(highest, 1) + 1))
    step = -(-highest // 4)
    return [step * i for i in range(5)]


def reset(plot: PlotextPlot) -> Any:
    plt = plot.plt
    plt.clear_figure()
    return plt


def draw_reviews(plot: PlotextPlot, days: Sequence[DayReviews]) -> None:
    """Right (green) and wrong (red) answers per study day, stacked."""
    plt = reset(plot)
    xs = list(range(1, len(days) + 1))
    plt.stacked_bar(
        xs,
        [[d.right for d in days], [d.wrong for d in days]],
        color=[RIGHT_COLOR, WRONG_COLOR],
        width=0.5,
    )
    labelled = spaced(len(days), 7)
    plt.xticks(labelled, [short_date(days[i - 1].day) for i in labelled])
    ticks = count_ticks(max((d.total for d in days), default=0))
    plt.yticks(ticks, [str(t) for t in ticks])
    plt.ylim(0, ticks[-1])
    plot.refresh()


def draw_retention(plot: PlotextPlot, weeks: Sequence[WeekRetention]) -> None:
    """Retention per week as a line over the weeks that had reviews of mature cards."""
    plt = reset(plot)
    points = [(i, w.percent) for i, w in enumerate(weeks, 1) if w.percent is not None]
    plt.plot([x for x, _ in points], [y for _, y in points], color=LINE_COLOR, marker="dot")
    plt.scatter([x for x, _ in points], [y for _, y in points], color=LINE_COLOR, marker="●")
    labelled = spaced(len(weeks), 3)
    plt.xticks(labelled, [short_date(weeks[i - 1].start) for i in labelled])
    plt.xlim(0.5, len(weeks) + 0.5)
    plt.yticks(PERCENT_TICKS, [f"{t}%" for t in PERCENT_TICKS])
    plt.ylim(0, 100)
    plot.refresh()


def draw_mastery(plot: PlotextPlot, percents: Sequence[float]) -> None:
    """One horizontal bar per syllabus entry, numbered from the top (the legend beside the
    plot gives each number its title).

    With a plot height of ``len(percents) + 3`` and bars 0.5 wide, plotext puts each bar
    on exactly one text row, beside its label (wider bars bleed into the next row)."""
    plt = reset(plot)
    labels = [str(n) for n in range(1, len(percents) + 1)]
    plt.bar(
        labels[::-1], list(percents)[::-1], orientation="horizontal", color=BAR_COLOR, width=0.5
    )
    plt.xticks(PERCENT_TICKS, [f"{t}%" for t in PERCENT_TICKS])
    plt.xlim(0, 100)
    plot.refresh()


def draw_scores(plot: PlotextPlot, scores: Sequence[ExamScore], pass_percent: float | None) -> None:
    """Each finished mock exam in order (green passed, red failed) and the pass mark."""
    plt = reset(plot)
    xs = list(range(1, len(scores) + 1))
    plt.plot(xs, [s.percent for s in scores], color=LINE_COLOR)
    for passed, color in ((True, RIGHT_COLOR), (False, WRONG_COLOR)):
        chosen = [(x, s.percent) for x, s in zip(xs, scores, strict=True) if s.passed is passed]
        if chosen:
            plt.scatter([x for x, _ in chosen], [y for _, y in chosen], color=color, marker="●")
    if pass_percent is not None:
        plt.hline(pass_percent, PASS_COLOR)
    labelled = spaced(len(scores), max(1, len(scores) // 4))
    plt.xticks(
        labelled, [short_date(scores[i - 1].finished_at.astimezone().date()) for i in labelled]
    )
    plt.xlim(0.5, len(scores) + 0.5)
    plt.yticks(PERCENT_TICKS, [f"{t}%" for t in PERCENT_TICKS])
    plt.ylim(0, 100)
    plot.refresh()
