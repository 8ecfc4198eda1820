"""The bank's data model for syllabus entries and the seven item types; tasks are in
:mod:`question_bank.tasks`, exam blueprints in :mod:`question_bank.blueprints`.

Models check what one object can check by itself (types, required and unknown
fields, value ranges). Checks that need several objects or the file system —
duplicate ids, blueprint pools, task files — live in :mod:`question_bank.loader`.
Each model's ``problems()`` returns semantic problems as ``(field path,
message)`` pairs so that the loader can point at the exact line.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from .answers.numbers import read_number
from .cloze import Blank, parse_cloze
from .pages import Page
from .said import said

Loc = tuple[str | int, ...]
ItemId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[str, StringConstraints(min_length=1)]
PageList = Annotated[list[Page], Field(min_length=1)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=False)


# -- syllabus ------------------------------------------------------------------


class SyllabusEntry(StrictModel):
    title: Text
    pages: PageList
    notes: str | None = None


# -- items ---------------------------------------------------------------------


class _ItemBase(StrictModel):
    kind: ClassVar[Literal["written", "flashcard"]] = "written"

    id: ItemId
    pages: PageList | None = None
    topic: str | None = None
    tags: list[str] = Field(default_factory=list)
    difficulty: Annotated[int, Field(ge=1, le=3)] | None = None
    explanation: str | None = None
    # The GUID of the Anki note the item was imported from: exporting it again
    # updates that note instead of adding a copy (written by `quizapp import anki`).
    anki_guid: Annotated[str, Field(min_length=1)] | None = None

    def problems(self) -> list[tuple[Loc, str]]:
        return []

    @property
    def headline(self) -> str:
        """The text a learner reads first (for search, listings and duplicate checks)."""
        raise NotImplementedError


class _Choices(_ItemBase):
    # Authors often write numbers as choices (`- 64`): read them as text.
    model_config = ConfigDict(coerce_numbers_to_str=True)

    prompt: Text
    choices: Annotated[list[Text], Field(min_length=2)]

    def _duplicate_choices(self) -> list[tuple[Loc, str]]:
        seen: dict[str, int] = {}
        found: list[tuple[Loc, str]] = []
        for i, choice in enumerate(self.choices):
            if choice in seen:
                first = seen[choice] + 1
                message = said(
                    f"duplicate choice {choice!r} (also choice {first})",
                    f"보기 {choice!r}가 중복됩니다 ({first}번째 보기와 같습니다)",
                )
                found.append((("choices", i), message))
            else:
                seen[choice] = i
        return found

    @property
    def headline(self) -> str:
        return self.prompt


class SingleChoice(_Choices):
    type: Literal["single_choice"]
    answer: Text

    def problems(self) -> list[tuple[Loc, str]]:
        found = self._duplicate_choices()
        if self.answer not in self.choices:
            found.append((("answer",), _not_a_choice(self.answer)))
        return found


class MultipleChoice(_Choices):
    type: Literal["multiple_choice"]
    answers: Annotated[list[Text], Field(min_length=1)]

    def problems(self) -> list[tuple[Loc, str]]:
        found = self._duplicate_choices()
        for i, answer in enumerate(self.answers):
            if answer not in self.choices:
                found.append((("answers", i), _not_a_choice(answer)))
            elif answer in self.answers[:i]:
                twice = said(
                    f"answer {answer!r} is listed twice", f"답 {answer!r}가 두 번 있습니다"
                )
                found.append((("answers", i), twice))
        return found


def _not_a_choice(answer: str) -> str:
    return said(f"answer {answer!r} is not one of the choices", f"답 {answer!r}가 보기에 없습니다")


class TrueFalse(_ItemBase):
    type: Literal["true_false"]
    prompt: Text
    answer: StrictBool

    @property
    def headline(self) -> str:
        return self.prompt


class Reject(StrictModel):
    """A near miss an item lists under ``reject:``: wrong, with its own explanation."""

    model_config = ConfigDict(coerce_numbers_to_str=True)

    answer: Text
    why: Text
    blank: Annotated[int, Field(ge=1)] | None = None  # cloze only: the blank's number (c1 → 1)


def _reject_problems(item: ShortAnswer | Numeric | Cloze) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    numbers = {b.number for b in item.blanks} if isinstance(item, Cloze) else set()
    for i, reject in enumerate(item.reject):
        if isinstance(item, Cloze):
            if reject.blank is None:
                message = said(
                    "a cloze's `reject` names its `blank` (1 for c1)",
                    "빈칸 문항의 `reject`에는 `blank`(c1이면 1)를 쓰세요",
                )
                found.append((("reject", i), message))
            elif reject.blank not in numbers:
                message = said(
                    f"the text has no blank c{reject.blank}",
                    f"본문에 빈칸 c{reject.blank}가 없습니다",
                )
                found.append((("reject", i, "blank"), message))
        elif reject.blank is not None:
            message = said(
                "`blank` belongs to a cloze's `reject`",
                "`blank`는 빈칸 문항의 `reject`에만 씁니다",
            )
            found.append((("reject", i, "blank"), message))
        if isinstance(item, Numeric):
            ratio = item.form == "ratio"
            if read_number(reject.answer, ratio=ratio, percent=True) is None:
                message = said(
                    f"a numeric reject is a number, got {reject.answer!r}",
                    f"숫자 문항의 `reject`는 숫자여야 하는데 {reject.answer!r}입니다",
                )
                found.append((("reject", i, "answer"), message))
    return found


class ShortAnswer(_ItemBase):
    model_config = ConfigDict(coerce_numbers_to_str=True)

    type: Literal["short_answer"]
    prompt: Text
    answers: Annotated[list[Text], Field(min_length=1)]
    reject: list[Reject] = Field(default_factory=list)

    def problems(self) -> list[tuple[Loc, str]]:
        return _reject_problems(self)

    @property
    def headline(self) -> str:
        return self.prompt


class Numeric(_ItemBase):
    type: Literal["numeric"]
    prompt: Text
    answer: float
    tolerance: Annotated[float, Field(ge=0)] = 0.0
    # `ratio`: the answer is a share between 0 and 1, and `0.8`, `80%` and `4/5` are
    # all accepted; the prompt says so.
    form: Literal["number", "ratio"] = "number"
    reject: list[Reject] = Field(default_factory=list)

    def problems(self) -> list[tuple[Loc, str]]:
        found = _reject_problems(self)
        if self.form == "ratio" and not 0 <= self.answer <= 1:
            got, share = f"{self.answer:g}", f"{self.answer / 100:g}"
            message = said(
                f"a ratio answer lies between 0 and 1, got {got} (write {share} for {got}%)",
                f"비율 답은 0과 1 사이여야 하는데 {got}입니다 ({got}%라면 {share}로 쓰세요)",
            )
            return [*found, (("answer",), message)]
        return found

    @property
    def headline(self) -> str:
        return self.prompt


class Cloze(_ItemBase):
    type: Literal["cloze"]
    text: Text
    reject: list[Reject] = Field(default_factory=list)

    @property
    def headline(self) -> str:
        return self.text

    @property
    def blanks(self) -> list[Blank]:
        return parse_cloze(self.text)

    def problems(self) -> list[tuple[Loc, str]]:
        try:
            blanks = parse_cloze(self.text)
        except ValueError as exc:
            return [(("text",), exc.args[0])]  # a Said: worded in both languages
        if not blanks:
            message = said(
                "cloze text has no deletions; mark each blank as {{c1::answer}}",
                "빈칸이 없습니다; 빈칸마다 `{{c1::정답}}`처럼 표시하세요",
            )
            return [(("text",), message)]
        return _reject_problems(self)


class Flashcard(_ItemBase):
    kind: ClassVar[Literal["written", "flashcard"]] = "flashcard"

    type: Literal["flashcard"]
    front: Text
    back: Text
    reverse: StrictBool = False

    @property
    def headline(self) -> str:
        return self.front


Item = SingleChoice | MultipleChoice | TrueFalse | ShortAnswer | Numeric | Cloze | Flashcard

ITEM_TYPES: dict[str, type[_ItemBase]] = {
    "single_choice": SingleChoice,
    "multiple_choice": MultipleChoice,
    "true_false": TrueFalse,
    "short_answer": ShortAnswer,
    "numeric": Numeric,
    "cloze": Cloze,
    "flashcard": Flashcard,
}
WRITTEN_TYPES = tuple(t for t in ITEM_TYPES if t != "flashcard")
WrittenType = Literal[
    "single_choice", "multiple_choice", "true_false", "short_answer", "numeric", "cloze"
]


class ItemFile(StrictModel):
    """The top level of ``items/*.yaml``: file-wide defaults and the item list."""

    topic: str | None = None
    pages: PageList | None = None
    tags: list[str] | None = None
    items: list[Any]
