"""Training tasks, the supervisor's side: the data, the conversation with the sandbox, the verdict.

A training task (shared spec training-tasks.md) is graded by training the
student's model in the sandbox and scoring its predictions on a test split.
The split's files live in the task's folder, which Landlock hides from the
sandbox: the supervisor reads ``data.npz`` and sends the training split in,
then — only after ``train`` returned — the test inputs. ``answers.npz`` (the
test labels) is read by :func:`verdict`, here in the app's process, and never
sent: no code in the sandbox can obtain it.

numpy is imported only when a training task is graded (never torch).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

from grader.sandbox.limits import (
    TRAINING_CPU_MARGIN_S,
    TRAINING_SMOKE_ROWS,
    TRAINING_WALL_EXTRA_S,
    TRAINING_WALL_FACTOR,
    Limits,
)
from grader.text import Text
from grader.verdict import metrics, training_diagnose
from grader.verdict.explain import explain_all
from grader.verdict.messages import msg
from grader.verdict.outcome import Outcome
from grader.verdict.result import CheckResult, Diagnosis, GradeResult, RunResult, TrainingReport
from grader.wire import arrays, frames
from grader.wire.protocol import Message


class TrainingTaskLike(Protocol):
    """What the grader needs of a training task (``question_bank.TrainingTask`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def points(self) -> float: ...
    @property
    def memory_mb(self) -> int: ...
    @property
    def folder(self) -> Path: ...
    @property
    def data(self) -> str: ...
    @property
    def answers(self) -> str: ...
    @property
    def metric(self) -> str: ...
    @property
    def target(self) -> float: ...
    @property
    def floor(self) -> float: ...
    @property
    def cpu_budget_s(self) -> float: ...
    @property
    def requires(self) -> list[str]: ...
    @property
    def forbids(self) -> list[str]: ...
    def score(self, metric: float) -> float: ...


def is_training(task: object) -> bool:
    return getattr(task, "cpu_budget_s", None) is not None


def limits_for(task: TrainingTaskLike) -> Limits:
    """The run's limits: RLIMIT_CPU a little above the budget, a generous wall clock."""
    budget = float(task.cpu_budget_s)
    return Limits(
        time_s=TRAINING_WALL_FACTOR * budget + TRAINING_WALL_EXTRA_S,
        memory_mb=int(task.memory_mb),
        cpu_s=budget + TRAINING_CPU_MARGIN_S,
    )


def load_inputs(task: TrainingTaskLike) -> dict[str, Any]:
    """``x_train``, ``y_train`` and ``x_test`` from the task's data file (no test labels in it)."""
    import numpy as np

    with np.load(task.folder / task.data, allow_pickle=False) as data:
        return {name: data[name] for name in ("x_train", "y_train", "x_test")}


def load_answers(task: TrainingTaskLike) -> Any:
    """The test labels: read here, in the app's process, and never sent anywhere."""
    import numpy as np

    with np.load(task.folder / task.answers, allow_pickle=False) as answers:
        return answers["y_test"]


@dataclass
class Conversation:
    """Which frame the child may send next and what the supervisor answers (see grader.wire.frames).

    ``smoke`` runs the editor's quick check: train on the first rows of the
    training split and predict those same rows (no test data is involved).
    """

    inputs: dict[str, Any]
    requires: list[str]
    forbids: list[str]
    smoke: bool = False
    state: str = "load"
    built: Message | None = None
    trained: Message | None = None
    predictions: list[Any] | None = None  # ints (classes) or floats/None (values)
    done: Message | None = None
    measured_cpu_s: float | None = None  # train()'s CPU time, measured by the supervisor
    problems: list[Text] = field(default_factory=list)

    @property
    def regression(self) -> bool:
        """Values are predicted (float targets, e.g. prices), not class numbers."""
        return bool(self.inputs["y_train"].dtype.kind == "f")

    def _well_formed(self, found: object) -> bool:
        if not isinstance(found, list):
            return False
        if self.regression:
            return all(v is None or type(v) in (int, float) for v in found)
        return all(type(v) is int for v in found)

    def train_cpu_s(self) -> float:
        """train()'s CPU time: measured from outside where the backend can, else reported."""
        if self.measured_cpu_s is not None:
            return self.measured_cpu_s
        reported = (self.trained or {}).get("cpu_s")
        return float(reported) if isinstance(reported, int | float) else 0.0

    def structure_ok(self) -> bool:
        modules = set(self.built.get("modules") or []) if self.built else set()
        return set(self.requires) <= modules and not set(self.forbids) & modules

    def on_frame(self, frame: Message, nonce: str) -> tuple[Message | None, Text | None]:
        """The reply to ``frame`` (or None), and a tampering reason when it is out of order."""
        kind = frames.type_of(frame)
        if self.state == "load" and kind == frames.READY:
            self.state = "built"
            return frames.go(nonce, {}), None
        if frame.get("nonce") != nonce:
            return None, msg("tamper_no_nonce")
        if kind == frames.DONE and self.state in ("built", "trained", "predicted", "stopped"):
            self.done, self.state = frame, "finished"
            return None, None
        if self.state == "built" and kind == frames.BUILT:
            self.built, self.state = frame, "trained"
            if not self.structure_ok():
                self.state = "stopped"
                return frames.stop(), None
            x, y = self._training_rows()
            return frames.train(arrays.encode(x), arrays.encode(y)), None
        if self.state == "trained" and kind == frames.TRAINED:
            self.trained, self.state = frame, "predicted"
            x = self._training_rows()[0] if self.smoke else self.inputs["x_test"]
            return frames.inputs(arrays.encode(x)), None
        if self.state == "predicted" and kind == frames.PREDICTED:
            found = frame.get("predictions")
            if self._well_formed(found):
                self.predictions, self.state = cast(list[Any], found), "done"
                return None, None
        if self.state == "done" and kind == frames.DONE:
            self.done, self.state = frame, "finished"
            return None, None
        return None, msg("tamper_unexpected", kind=repr(str(kind)[:20]))

    def _training_rows(self) -> tuple[Any, Any]:
        x, y = self.inputs["x_train"], self.inputs["y_train"]
        if self.smoke:
            return x[:TRAINING_SMOKE_ROWS], y[:TRAINING_SMOKE_ROWS]
        return x, y


def _seconds(value: float) -> str:
    return f"{value:.1f}"


def _stopped(outcome: Outcome, budget: float) -> Text | None:
    """The sentence for a run stopped by its CPU or wall-clock limit (None otherwise)."""
    ended = outcome.ended or {}
    reason = outcome.reason
    if reason == "cpu":
        return msg(
            "train_over_budget", ran=_seconds(float(ended.get("cpu_s") or 0)), budget=f"{budget:g}"
        )
    if reason == "time":
        cpu = float(ended.get("cpu_s") or 0)
        key = "train_over_budget" if cpu >= budget else "train_wall_limit"
        ran = cpu if cpu >= budget else float(ended.get("wall_s") or 0)
        return msg(key, ran=_seconds(ran), budget=f"{budget:g}")
    return None


def _diagnoses(
    conversation: Conversation, *, below_target: bool = True, budget_s: float = 0.0
) -> list[Diagnosis]:
    found: list[Diagnosis] = []
    trained = conversation.trained or {}
    done = conversation.done or {}
    watch = done.get("watch")
    if trained and trained.get("changed") is False:
        found.append(Diagnosis(id="no-optimizer-step", message=msg("train_no_step")))
    if trained and trained.get("finite") is False:
        found.append(Diagnosis(id="nan-loss", message=msg("train_nan")))
    causes = training_diagnose.diagnoses(
        watch,
        predictions=conversation.predictions,
        below_target=below_target,
        cpu_s=conversation.train_cpu_s() if trained else None,
        budget_s=budget_s,
    )
    if any(d.id == "nan-loss" for d in found):
        causes = [d for d in causes if d.id != "loss-nan"]
    found.extend(causes)
    predictions = conversation.predictions or []
    if len(predictions) > 1 and len(set(predictions)) == 1:
        if conversation.regression:
            value = predictions[0]
            if isinstance(value, int | float):  # None: nan or inf, said by the error
                shown = f"{value:,.6g}"
                found.append(Diagnosis(id="constant", message=msg("train_constant", value=shown)))
        elif not causes:
            message = training_diagnose.one_class(predictions[0], watch)
            found.append(Diagnosis(id="one-class", message=message))
    if done.get("fault") is not None:
        found.extend(explain_all([done["fault"]], most=1))
    return found


def _unusable(predictions: list[Any]) -> Text | None:
    """Why predicted values cannot be scored by RMSLE (not finite, not positive), or None."""
    missing, low, example = metrics.bad_values(predictions)
    if missing:
        return msg("train_predictions_not_finite", count=missing, total=len(predictions))
    if low:
        return msg(
            "train_predictions_not_positive",
            count=low,
            total=len(predictions),
            value=f"{example:.6g}",
        )
    return None


def _structure_checks(task: TrainingTaskLike, modules: set[str]) -> list[CheckResult]:
    """One check per module type the task requires (present) or forbids (absent); no points."""
    wanted = [(name, True) for name in task.requires] + [(name, False) for name in task.forbids]
    checks = []
    for name, required in wanted:
        ok = (name in modules) is required
        title, problem = ("requires", "train_lacks") if required else ("forbids", "train_uses")
        checks.append(
            CheckResult(
                name=f"{title} nn.{name}",
                title=msg(f"train_check_{title}", name=name),
                passed=ok,
                message={} if ok else msg(problem, name=name),
                points=0.0,
                max_points=0.0,
            )
        )
    return checks


def _cpu_s(outcome: Outcome, conversation: Conversation) -> float:
    """The run's CPU seconds: measured from outside (the whole process tree, grandchildren
    included); what the sandbox says of itself only where the backend cannot measure."""
    cpu_s = conversation.measured_cpu_s
    if cpu_s is None:
        cpu_s = (conversation.trained or {}).get("cpu_s")
    if not isinstance(cpu_s, int | float):
        cpu_s = float((outcome.ended or {}).get("cpu_s") or 0.0)
    return cpu_s


def _measure(
    task: TrainingTaskLike, conversation: Conversation, predictions: list[Any]
) -> tuple[float | None, Text | None]:
    """The metric of the predictions against the test labels, or why there is none."""
    answers = load_answers(task)
    if len(predictions) != len(answers):
        return None, msg("train_predictions_count", got=len(predictions), count=len(answers))
    if conversation.regression and (unusable := _unusable(predictions)) is not None:
        return None, unusable
    return round(metrics.compute(task.metric, predictions, answers.tolist()), 4), None


def _metric_message(
    task: TrainingTaskLike, conversation: Conversation, metric: float | None, error: Text | None
) -> Text:
    """What the metric check says: below the target, or why nothing was measured."""
    if metric is not None:
        if metrics.reaches(task.metric, metric, task.target):
            return {}
        below = (
            "train_metric_above" if metrics.lower_is_better(task.metric) else "train_metric_below"
        )
        return msg(
            below,
            metric=metrics.shown(task.metric),
            value=f"{metric:.4f}",
            target=f"{task.target:g}",
            floor=f"{task.floor:g}",
        )
    if conversation.built and not conversation.structure_ok():
        return msg("train_structure_missing")
    return msg("train_not_measured", why=error or msg("not_run_plain"))


def verdict(task: TrainingTaskLike, outcome: Outcome, conversation: Conversation) -> GradeResult:
    """Score one training run against the test labels, which only this process reads."""
    budget = float(task.cpu_budget_s)
    points = float(task.points)
    problem = outcome.problem()
    error = _stopped(outcome, budget) or (problem.text if problem else None)
    error_kind = problem.kind if problem else None
    if error is not None and error_kind is None:
        error_kind = "submission"
    built = conversation.built or {}
    modules = set(built.get("modules") or [])
    parameters = built.get("parameters")
    cpu_s = _cpu_s(outcome, conversation)
    checks = _structure_checks(task, modules) if conversation.built else []
    within = float(cpu_s) <= budget
    if conversation.trained:
        checks.append(
            CheckResult(
                name="cpu budget",
                title=msg("train_check_budget"),
                passed=within,
                message={}
                if within
                else msg("train_used_budget", ran=_seconds(cpu_s), budget=f"{budget:g}"),
                points=0.0,
                max_points=0.0,
            )
        )
    metric: float | None = None
    if error is None and conversation.predictions is not None:
        metric, error = _measure(task, conversation, conversation.predictions)
        error_kind = "submission" if error is not None else error_kind
    structure_ok = all(c.passed for c in checks)
    score = round(task.score(metric), 2) if metric is not None and structure_ok and within else 0.0
    message = _metric_message(task, conversation, metric, error)
    metric_ok = metric is not None and metrics.reaches(task.metric, metric, task.target)
    checks.append(
        CheckResult(
            name=task.metric,
            title=msg("train_check_metric", metric=metrics.shown(task.metric)),
            passed=metric_ok,
            message=message,
            points=score,
            max_points=points,
        )
    )
    report = TrainingReport(
        metric_name=task.metric,
        metric=metric if structure_ok and within else None,
        target=float(task.target),
        floor=float(task.floor),
        cpu_s=round(float(cpu_s), 3),
        cpu_budget_s=budget,
        parameters=parameters if isinstance(parameters, int) else None,
    )
    return GradeResult(
        task=task.id,
        passed=error is None and all(c.passed for c in checks),
        score=score,
        max_score=points,
        checks=checks,
        error=error,
        error_kind=error_kind,
        diagnoses=_diagnoses(
            conversation,
            below_target=metric is None or not metrics.reaches(task.metric, metric, task.target),
            budget_s=budget,
        )
        if error_kind != "internal"
        else [],
        retried=outcome.retried,
        duration_s=round(outcome.duration_s, 3),
        training=report,
    )


def smoke_result(task: TrainingTaskLike, outcome: Outcome, conversation: Conversation) -> RunResult:
    """The editor's quick training run: did it train, how fast, how well on the rows it saw."""
    budget = float(task.cpu_budget_s)
    problem = outcome.problem()
    error = _stopped(outcome, budget) or (problem.text if problem else None)
    kind = problem.kind if problem else ("submission" if error else None)
    notes: list[Text] = []
    predictions = conversation.predictions
    if error is None and predictions is not None and conversation.trained:
        labels = conversation.inputs["y_train"][: len(predictions)].tolist()
        ran = _seconds(conversation.train_cpu_s())
        unusable = _unusable(predictions) if conversation.regression else None
        below = True  # the target, judged on the rows it trained on
        if unusable is not None:
            notes.append(unusable)
        elif len(labels) == len(predictions) and labels:
            value = metrics.compute(task.metric, predictions, labels)
            notes.append(
                msg(
                    f"train_smoke_ok_{task.metric}"
                    if task.metric != "accuracy"
                    else "train_smoke_ok",
                    rows=len(predictions),
                    ran=ran,
                    metric=f"{value:.3f}" if task.metric == "accuracy" else f"{value:.4f}",
                )
            )
            below = not metrics.reaches(task.metric, value, task.target)
        found = _diagnoses(conversation, below_target=below, budget_s=budget)
        notes.extend(d.message for d in found)
    return RunResult(
        task=task.id,
        ok=error is None,
        error=error,
        error_kind=kind,
        notes=notes,
        stdout=outcome.stdout.text(),
        stderr=outcome.stderr.text(),
        duration_s=round(outcome.duration_s, 3),
    )
