"""The words of ``quizapp plan`` and the home screen's plan panel (merged into
:data:`quizapp.i18n.MESSAGES`)."""

from __future__ import annotations

PLAN_MESSAGES: dict[str, dict[str, str]] = {
    "plan.header": {
        "ko": "시험일 {date} (D-{days}) · {blueprint}",
        "en": "Exam on {date} (in {days} days) · {blueprint}",
    },
    "plan.predicted": {
        "ko": "예상 점수 {total}점 / {max}점 (범위 {low}–{high})",
        "en": "Predicted score {total} / {max} points (range {low}–{high})",
    },
    "plan.tonight": {
        "ko": "오늘 할 일 ({minutes}분) → 예상 {after}점",
        "en": "Tonight ({minutes} min) → predicted {after} points",
    },
    "plan.nothing": {
        "ko": "오늘은 점수를 더 올릴 활동이 없습니다.",
        "en": "Nothing tonight would raise the predicted score.",
    },
    "plan.line": {
        "ko": "{what}  {minutes}분  +{gain}점",
        "en": "{what}  {minutes} min  +{gain} pts",
    },
    "plan.kind.review": {"ko": "복습 {count}개", "en": "Review {count} items"},
    "plan.kind.relearn": {
        "ko": "틀린 문항 다시 익히기 {count}개",
        "en": "Relearn {count} missed items",
    },
    "plan.kind.new": {"ko": "새 문항 익히기 {count}개", "en": "Learn {count} new items"},
    "plan.kind.task": {"ko": "실기 풀기: {title}", "en": "Practise task: {title}"},
    "plan.kind.exam": {"ko": "모의고사 보기: {title}", "en": "Sit the mock exam: {title}"},
    "plan.by_entry": {
        "ko": "범위별 예상 필기 점수:",
        "en": "Expected written points per syllabus entry:",
    },
    "plan.by_kind": {"ko": "영역별 예상 점수:", "en": "Expected points per section:"},
    "plan.error.no_exam_date": {
        "ko": "시험일이 없습니다: quizapp profile --exam-date YYYY-MM-DD 로 정하세요",
        "en": "no exam date: set one with quizapp profile --exam-date YYYY-MM-DD",
    },
    "plan.error.exam_passed": {
        "ko": "시험일 {date}이(가) 지났습니다: quizapp profile --exam-date 로 새로 정하세요",
        "en": "the exam date {date} has passed: set a new one with quizapp profile --exam-date",
    },
    "plan.error.no_blueprint": {
        "ko": "문제 은행에 모의고사 구성(exams/)이 없어 점수를 예측할 수 없습니다",
        "en": "the bank has no exam blueprint (exams/) to predict a score for",
    },
    "plan.error.minutes": {
        "ko": "--minutes 는 1 이상이어야 합니다",
        "en": "--minutes must be at least 1",
    },
    # the home screen's panel
    "plan.panel.title": {"ko": "오늘 할 일 · D-{days}", "en": "Tonight · D-{days}"},
    "plan.panel.loading": {"ko": "계획을 세우는 중…", "en": "Planning…"},
    "plan.panel.score": {
        "ko": "예상 {total} ({low}–{high}) → {after}",
        "en": "score {total} ({low}–{high}) → {after}",
    },
    "plan.panel.step": {
        "ko": "{n}. {minutes}분 +{gain} {what}",
        "en": "{n}. {minutes}m +{gain} {what}",
    },
    "plan.panel.more": {
        "ko": "… 외 {count}개 (quizapp plan)",
        "en": "… {count} more (quizapp plan)",
    },
}
