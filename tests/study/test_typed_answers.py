"""Review, quiz and 오답노트 judge typed answers with the bank's glossary and say why."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from question_bank import load_bank
from quizapp.i18n import translate
from quizapp.study import StudyService
from quizapp.study.feedback import match_note
from tests.store.helpers import write_sample_bank
from tests.study.conftest import MakeService

GLOSSARY = """
- [렐루, rectified linear unit]
- [로짓, logit, logits]
"""


def service_with_glossary(make_service: MakeService, tmp_path: Path) -> StudyService:
    folder = write_sample_bank(tmp_path / "glossed", {"glossary.yaml": GLOSSARY})
    return make_service(load_bank([folder], bundled=False))


def test_a_glossary_term_is_right_and_the_note_says_why(
    make_service: MakeService, tmp_path: Path
) -> None:
    service = service_with_glossary(make_service, tmp_path)
    session = service.session([service.catalogue.by_id[c] for c in ("sa", "cz", "num")])
    glossed = session.answer("Rectified Linear Unit이요")
    assert glossed.correct is True and glossed.judgement is not None
    ko = partial(translate, lang="ko")
    en = partial(translate, lang="en")
    assert match_note(glossed.judgement, ko) == "rectified linear unit = 렐루"
    cloze = session.answer(["CrossEntropyLoss", "로짓"])
    assert cloze.correct is True and cloze.judgement is not None
    assert match_note(cloze.judgement, ko) == "빈칸 1 ✓ · 빈칸 2 ✓ (로짓 = logits)"
    assert match_note(cloze.judgement, en) == "blank 1 ✓ · blank 2 ✓ (로짓 = logits)"
    counted = session.answer("896개")
    assert counted.correct is True and counted.judgement is not None
    assert match_note(counted.judgement, ko) == "896개 → 896"


def test_the_mistakes_list_judges_the_same_way(make_service: MakeService, tmp_path: Path) -> None:
    service = service_with_glossary(make_service, tmp_path)
    first = service.session([service.catalogue.by_id["cz"]])
    wrong = first.answer(["CrossEntropyLoss", "확률"])
    assert wrong.correct is False and wrong.judgement is not None
    assert [b.correct for b in wrong.judgement.blanks] == [True, False]
    assert match_note(wrong.judgement, partial(translate, lang="ko")) == "빈칸 1 ✓ · 빈칸 2 ✗"
    assert [c.card_id for c in service.mistakes()] == ["cz"]
    again = service.session(service.mistakes(), requeue=False)
    assert again.answer(["crossentropyloss", "logit"]).correct is True
    assert service.mistakes() == []
