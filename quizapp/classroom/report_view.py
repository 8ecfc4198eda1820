"""The class report in words: JSON (everything), CSV (one row per student, one column per
syllabus entry and task) and the readable text of ``quizapp class report``."""

from __future__ import annotations

import csv
from dataclasses import asdict
from datetime import datetime
from statistics import fmean
from typing import IO, Any

from grader.text import in_lang
from question_bank.text import display_width, pad

from ..formatting import percent
from ..i18n import translate
from ..study.progress import attempt_json, iso, mastery_json
from .report import MIN_ANSWERS, ClassReport, StudentReport


def mean_mastery(student: StudentReport) -> float | None:
    """The mean of the student's per-entry mastery, over entries that have items."""
    rows = [m.percent for m in student.mastery if m.items]
    return round(fmean(rows), 1) if rows else None


def best_exam(student: StudentReport) -> float | None:
    scores = [a.score_percent for a in student.exams if a.score_percent is not None]
    return max(scores) if scores else None


def student_json(s: StudentReport) -> dict[str, Any]:
    return {
        "profile": s.profile,
        "reviews": s.reviews,
        "retention_30d": round(s.retention, 4) if s.retention is not None else None,
        "retention_30d_reviews": s.retention_reviews,
        "mastery": [mastery_json(m) for m in s.mastery],
        "pages": [
            {"page": int(m.pages), "items": m.items, "mastered": m.mastered, "percent": m.percent}
            for m in s.pages
        ],
        "best_scores": {
            task: {"score": score, "max_score": most}
            for task, (score, most) in sorted(s.best.items())
        },
        "exam_attempts": [attempt_json(a) for a in s.exams],
        "last_activity": iso(s.last_activity),
    }


def report_json(report: ClassReport, lang: str) -> dict[str, Any]:
    return {
        "generated_at": iso(report.generated_at),
        "students": [student_json(s) for s in report.students],
        "summary": {
            "active_students": len(report.active),
            "weakest_entries": [asdict(w) for w in report.weakest_entries],
            "weakest_pages": [asdict(w) for w in report.weakest_pages],
            "failed_checks": [asdict(f) for f in report.failed_checks],
            "diagnoses": [
                {"id": d.id, "message": in_lang(d.message, lang), "students": d.students}
                for d in report.diagnoses
            ],
            "hardest_items": [
                {**asdict(r), "success": round(r.success, 4)} for r in report.hardest_items
            ],
        },
    }


def _tasks(report: ClassReport) -> list[str]:
    return sorted({task for s in report.students for task in s.best})


def write_csv(report: ClassReport, out: IO[str]) -> None:
    """One row per student: the numbers, mastery % per syllabus entry, best score per task."""
    entries = [m.title for m in report.students[0].mastery] if report.students else []
    tasks = _tasks(report)
    writer = csv.writer(out)
    writer.writerow(
        [
            "profile",
            "reviews",
            "retention_30d",
            "mean_mastery",
            *(f"mastery: {title}" for title in entries),
            *(f"best: {task}" for task in tasks),
            "exam_attempts",
            "best_exam_percent",
            "last_activity",
        ]
    )
    for s in report.students:
        writer.writerow(
            [
                s.profile,
                s.reviews,
                "" if s.retention is None else round(s.retention, 4),
                mean_mastery(s) if mean_mastery(s) is not None else "",
                *(m.percent for m in s.mastery),
                *(f"{s.best[t][0]:g}" if t in s.best else "" for t in tasks),
                len(s.exams),
                best_exam(s) if best_exam(s) is not None else "",
                iso(s.last_activity) or "",
            ]
        )


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _day(moment: datetime | None, lang: str) -> str:
    return moment.date().isoformat() if moment else translate("class.never", lang)


def student_rows(report: ClassReport, lang: str) -> list[list[str]]:
    """The students' table: a header row, then one row per profile."""
    header = [
        translate(f"class.col.{c}", lang)
        for c in ("profile", "reviews", "retention", "mastery", "tasks", "exams", "last")
    ]
    rows = [header]
    for s in report.students:
        earned = sum(score for score, _ in s.best.values())
        possible = sum(most for _, most in s.best.values())
        exams = translate(
            "class.exams_value", lang, count=len(s.exams), best=percent(best_exam(s), fixed=True)
        )
        rows.append(
            [
                s.profile,
                str(s.reviews),
                percent(None if s.retention is None else 100 * s.retention, fixed=True),
                percent(mean_mastery(s), fixed=True),
                f"{earned:g}/{possible:g} ({len(s.best)})" if s.best else "—",
                exams if s.exams else "—",
                _day(s.last_activity, lang),
            ]
        )
    return rows


def summary_lines(report: ClassReport, lang: str) -> list[str]:
    """The class summary: weakest entries and pages, failed checks, mistakes, hardest items."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    def section(title: str, rows: list[str]) -> list[str]:
        return [title, *(f"  {row}" for row in rows)] if rows else [title, t("class.nothing")]

    lines = [t("class.summary")]
    lines += section(
        t("class.weakest_entries"),
        [
            f"{w.title} (p. {w.pages}): {percent(w.percent, fixed=True)}"
            for w in report.weakest_entries
        ],
    )
    lines += section(
        t("class.weakest_pages"),
        [f"p. {w.pages}: {percent(w.percent, fixed=True)}" for w in report.weakest_pages],
    )
    lines += section(
        t("class.failed_checks"),
        [
            t(
                "class.failed_check_row",
                task=f.task,
                check=f.check if f.check is not None else t("class.did_not_run"),
                students=f.students,
                submitted=f.submitted,
            )
            for f in report.failed_checks
        ],
    )
    lines += section(
        t("class.diagnoses"),
        [
            t("class.diagnosis_row", id=d.id, students=d.students, message=in_lang(d.message, lang))
            for d in report.diagnoses
        ],
    )
    lines += section(
        t("class.hardest_items", min=MIN_ANSWERS),
        [
            t(
                "class.item_row",
                item=r.card_id,
                kind=r.kind,
                success=percent(100 * r.success, fixed=True),
                answers=r.answers,
                students=r.students,
            )
            for r in report.hardest_items
        ],
    )
    return lines


def title_line(report: ClassReport, lang: str) -> str:
    return translate(
        "class.title",
        lang,
        students=len(report.students),
        active=len(report.active),
        when=report.generated_at.strftime("%Y-%m-%d %H:%M UTC"),
    )


def format_class_report(report: ClassReport, lang: str) -> str:
    lines = [title_line(report, lang), "", *_table(student_rows(report, lang)), ""]
    return "\n".join([*lines, *summary_lines(report, lang)])
