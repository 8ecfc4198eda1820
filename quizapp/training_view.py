"""How training runs read: one line of measures and the leaderboard table, for the CLI and the TUI."""

from __future__ import annotations

from grader.verdict.result import TrainingReport
from question_bank.text import display_width, pad

from .i18n import translate
from .store import Standing
from .store.leaderboard import LOWER_IS_BETTER


def metric_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"


def target_text(metric_name: str, target: float, lang: str) -> str:
    """``0.95`` for accuracy; ``≤ 0.16`` (``0.16 이하``) for a lower-is-better metric."""
    if metric_name in LOWER_IS_BETTER:
        return translate("metric.target_at_most", lang, target=f"{target:g}")
    return f"{target:g}"


def training_line(report: TrainingReport, lang: str) -> str:
    """``accuracy 0.9694 (target 0.95) · training CPU 2.0 / 30 s · 17,226 parameters``
    (``RMSLE 0.1463 (target ≤ 0.16) · …`` for a lower-is-better metric)."""
    return translate(
        "training.line",
        lang,
        metric_name=translate(f"metric.{report.metric_name}", lang),
        metric=metric_text(report.metric),
        target=target_text(report.metric_name, report.target, lang),
        cpu=f"{report.cpu_s:.1f}",
        budget=f"{report.cpu_budget_s:g}",
        parameters="—" if report.parameters is None else f"{report.parameters:,}",
    )


def format_board(task: str, rows: list[Standing], lang: str) -> str:
    """One task's leaderboard as aligned text columns in ``lang``."""
    lines = [translate("board.title", lang, task=task)]
    if not rows:
        return "\n".join([*lines, "  " + translate("board.empty", lang)])
    keys = ("rank", "profile", "metric", "cpu", "parameters", "date")
    table = [[translate(f"board.col.{k}", lang) for k in keys]]
    if rows[0].metric_name != "accuracy":  # the column is named after the task's metric
        table[0][2] = translate(f"metric.{rows[0].metric_name}", lang)
    for r in rows:
        cpu = "—" if r.cpu_s is None else f"{r.cpu_s:.1f} s"
        params = "—" if r.parameters is None else f"{r.parameters:,}"
        table.append(
            [str(r.rank), r.profile, f"{r.metric:.4f}", cpu, params, f"{r.at:%Y-%m-%d %H:%M}"]
        )
    widths = [max(display_width(row[i]) for row in table) for i in range(len(keys))]
    lines.extend(
        "  " + "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    )
    return "\n".join(lines)
