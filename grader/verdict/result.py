"""What grading returns: the one verdict type, from the grader to the store and the screens.

Every sentence in a verdict is a :data:`grader.text.Text` (English and
Korean), so a verdict stored today reads right under either ``--lang``
tomorrow. Verdicts stored by older versions (plain English strings, printed
output) still load: :meth:`GradeResult.from_stored` never raises.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from grader.text import Text, as_text, in_lang, tr

ErrorKind = Literal["submission", "internal"]


def _text_or_none(value: Any) -> Text | None:
    return as_text(value) if value else None  # None, "" and {} are no text


class CheckResult(BaseModel):
    """One hidden check: passed or not, and why not.

    ``name`` is the check's stable English name (what ``--json`` prints and
    scripts match on); ``title`` is the same name in every language.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    title: Text = {}
    passed: bool
    message: Text = {}
    points: float
    max_points: float

    @field_validator("message", mode="before")
    @classmethod
    def _message(cls, value: Any) -> Text:
        return as_text(value) if value else {}

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> Text:
        return as_text(value) if value else {}

    def title_in(self, lang: str) -> str:
        return in_lang(self.title, lang) or self.name

    def message_in(self, lang: str) -> str:
        return in_lang(self.message, lang)


class Diagnosis(BaseModel):
    """A catalogued mistake the submission's behaviour matches: what it is and where to look."""

    model_config = ConfigDict(frozen=True)

    id: str
    message: Text

    @field_validator("message", mode="before")
    @classmethod
    def _message(cls, value: Any) -> Text:
        return as_text(value)


class TrainingReport(BaseModel):
    """What a training task's run measured (shared spec training-tasks.md).

    ``metric`` is None when training never finished (over budget, a crash):
    there is nothing to rank then.
    """

    model_config = ConfigDict(frozen=True)

    metric_name: str = "accuracy"
    metric: float | None
    target: float
    floor: float
    cpu_s: float
    cpu_budget_s: float
    parameters: int | None = None


class GradeResult(BaseModel):
    """The verdict on one submission for one task.

    ``score`` is the sum of the points of the passed checks, scaled so that
    ``max_score`` equals the task's ``points``. ``passed`` means every check
    passed and nothing went wrong. ``error`` says why the submission could not
    be run (or finished) at all: syntax error, time or memory limit, crash;
    ``error_kind`` says whose fault that was: ``"internal"`` when the grader
    itself failed (the attempt must not count against the student).
    ``output`` is what the submission printed — empty unless the caller asked
    for it (a teacher's ``--show-output``): a graded run's output could carry
    the hidden tests back to the student.
    """

    model_config = ConfigDict(frozen=True)

    task: str
    passed: bool
    score: float
    max_score: float
    checks: list[CheckResult]
    error: Text | None = None
    error_kind: ErrorKind | None = None
    diagnoses: list[Diagnosis] = []
    duration_s: float
    output: str = ""
    training: TrainingReport | None = None  # set for training tasks only
    retried: Text | None = None  # graded again in a fresh worker, and why (portable backend)

    @field_validator("error", "retried", mode="before")
    @classmethod
    def _error(cls, value: Any) -> Text | None:
        return _text_or_none(value)

    @property
    def internal(self) -> bool:
        """The grader failed, not the submission: nothing to hold against the student."""
        return self.error_kind == "internal"

    def error_in(self, lang: str) -> str | None:
        return in_lang(self.error, lang) if self.error else None

    @classmethod
    def failure(
        cls, task: str, max_score: float, error: Text, kind: ErrorKind = "internal"
    ) -> GradeResult:
        """A verdict without checks: the grader could not judge (or there was nothing to judge)."""
        return cls(
            task=task,
            passed=False,
            score=0.0,
            max_score=max_score,
            checks=[],
            error=error,
            error_kind=kind,
            duration_s=0.0,
        )

    @classmethod
    def no_code(cls, task: str, max_score: float) -> GradeResult:
        """The verdict on a task left empty: nothing to run, no points."""
        return cls.failure(
            task,
            max_score,
            tr("no code was written for this task", "이 문제에 작성한 코드가 없습니다"),
            kind="submission",
        )

    @classmethod
    def from_stored(cls, data: Any, task: str = "", max_score: float = 0.0) -> GradeResult:
        """A verdict read back from the store, whatever version wrote it; never raises."""
        if isinstance(data, dict) and "passed" in data:
            try:
                return cls.model_validate(data)
            except ValidationError:
                pass
        return cls.failure(
            task,
            max_score,
            tr("the stored result cannot be read", "저장된 채점 결과를 읽을 수 없습니다"),
            kind="internal",
        )

    def json_row(self, lang: str, **extra: Any) -> dict[str, Any]:
        """The ``quizapp grade --json`` row (tasks.md's contract): stable English ``name``,
        ``message`` and ``error``, plus the same words in ``lang`` (``title``, ``text``,
        ``error_text``)."""
        row: dict[str, Any] = {
            **extra,
            "task": self.task,
            "passed": self.passed,
            "score": self.score,
            "max_score": self.max_score,
            "checks": [
                {
                    "name": c.name,
                    "title": c.title_in(lang),
                    "passed": c.passed,
                    "message": c.message_in("en"),
                    "text": c.message_in(lang),
                    "points": c.points,
                    "max_points": c.max_points,
                }
                for c in self.checks
            ],
            "error": self.error_in("en"),
            "error_text": self.error_in(lang),
            "error_kind": self.error_kind,
            "diagnoses": [
                {"id": d.id, "message": in_lang(d.message, lang)} for d in self.diagnoses
            ],
            "duration_s": self.duration_s,
            "retried": in_lang(self.retried, lang) if self.retried else None,
        }
        if self.training is not None:
            row["metric"] = self.training.metric
            row["metric_name"] = self.training.metric_name
            row["target"] = self.training.target
            row["cpu_s"] = self.training.cpu_s
        if self.output:
            row["output"] = self.output
        return row


class RunResult(BaseModel):
    """The outcome of running code without grading it (the editor's "run only").

    A run executes only the student's own file, so what it printed is theirs
    to see.
    """

    model_config = ConfigDict(frozen=True)

    task: str | None = None
    ok: bool
    error: Text | None = None
    error_kind: ErrorKind | None = None
    stdout: str = ""
    stderr: str = ""
    duration_s: float
    notes: list[Text] = []  # what a training task's quick run found (accuracy on its rows, …)

    @field_validator("error", mode="before")
    @classmethod
    def _error(cls, value: Any) -> Text | None:
        return _text_or_none(value)

    def error_in(self, lang: str) -> str | None:
        return in_lang(self.error, lang) if self.error else None
