"""What the answer matcher accepted and why, in the interface language.

``정답 (망각 = forget)``, ``정답 (4개 → 4)``, a listed near miss's own explanation,
and for a cloze which blanks were right: ``빈칸 1 ✓ (망각 = forget) · 빈칸 2 ✗``.
"""

from __future__ import annotations

from question_bank.answers.judgement import Judgement

from ..i18n import Translate


def match_note(judgement: Judgement, t: Translate) -> str | None:
    """One line saying how ``judgement`` was reached, or None when there is nothing to
    add (an exact answer, a choice, a plain wrong answer)."""
    if judgement.how == "cloze":
        return _blanks(judgement, t)
    return _note(judgement, t)


def _note(j: Judgement, t: Translate) -> str | None:
    typed = " ".join(j.typed.split())
    if j.how == "glossary":
        return t("match.glossary", pairs=", ".join(f"{s.typed} = {s.accepted}" for s in j.swaps))
    if j.how == "spelling" and "".join(typed.split()) == "".join((j.matched or "").split()):
        return None  # only the spacing differs: nothing worth saying
    if j.how in ("spelling", "ending"):
        return t(f"match.{j.how}", typed=typed, matched=j.matched)
    if j.how == "number":
        return t("match.number", typed=typed, value=j.matched)
    if j.how == "both":
        return t("match.both", typed=typed)
    if j.how == "rejected":
        return t("match.rejected", answer=typed, why=j.why)
    if j.how == "empty":
        return t("match.empty")
    return None


def _blanks(j: Judgement, t: Translate) -> str:
    parts = []
    for n, blank in enumerate(j.blanks, 1):
        mark = t("match.blank_right" if blank.correct else "match.blank_wrong", n=n)
        note = _note(blank, t) if blank.how not in ("empty",) else None
        parts.append(f"{mark} ({note})" if note else mark)
    return " · ".join(parts)
