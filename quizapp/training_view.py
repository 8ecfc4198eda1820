"""How a training run's measures read: one line for reports, the CLI and the practice screen."""

from __future__ import annotations

from grader.result import TrainingReport

from .i18n import translate


def metric_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"


def training_line(report: TrainingReport, lang: str) -> str:
    """``accuracy 0.9694 (target 0.95) · training CPU 2.0 / 30 s · 17,226 parameters``."""
    return translate(
        "training.line",
        lang,
        metric_name=translate(f"metric.{report.metric_name}", lang),
        metric=metric_text(report.metric),
        target=f"{report.target:g}",
        cpu=f"{report.cpu_s:.1f}",
        budget=f"{report.cpu_budget_s:g}",
        parameters="—" if report.parameters is None else f"{report.parameters:,}",
    )
