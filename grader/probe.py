"""The API a task's ``hidden_tests.py`` is written in.

A hidden test is a function ``probe(p)`` that exercises the submission and
records *observations* inside named *checks*::

    def probe(p: Probe) -> None:
        CNN = p.cls("CNN")
        model = p.build(tr("CNN() can be created", "CNN()을 만들 수 있다"), lambda: CNN())
        with p.check(tr("parameter count", "파라미터 수"), points=2):
            p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(model), fmt="count")
        with p.check(tr("output shape, batch 8", "출력 모양 (배치 8)")):
            p.shape(tr("output shape", "출력 모양"), model(p.randn(8, 1, 28, 28)))

Every name, label, ``fail`` and ``note`` is a :data:`grader.text.Text` written
with :func:`grader.text.tr` (a plain ``str`` is English only). A check's
stable name — what the judge matches, what seeds its inputs, what ``--json``
prints as ``name`` — is its English text.

The same probe runs twice, in two different sandboxed processes: against the
task's reference solution and against the submission. It never decides
anything: it reports plain data (see :mod:`grader.inside.plain`), and the judge in
the app's process (:mod:`grader.verdict.judge`) compares the submission's
observations with the reference's, check by check, using the reference's
points, tolerances and wording. Observations are compared in order, so a
probe must not branch on what the submission returns.

Inputs come from :meth:`Probe.randn` and friends, whose generator is seeded
per check (from the check's name): a check that fails half-way cannot shift
the inputs of the next ones. Exceptions inside a check fail that check only,
with the exception's description; a failing ``required`` check stops the
probe (the judge reports the rest as not run).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import torch

from grader.inside import contract_probe, layertrace, plain, weights
from grader.inside.checking import Check, ProbeError, ProbeMismatch, Record, Words
from grader.text import Text, as_text, in_lang, tr
from grader.verdict.messages import msg

_TORCH_MANUAL_SEED = torch.manual_seed
_RANDN, _RAND, _RANDINT = torch.randn, torch.rand, torch.randint
_GENERATOR = torch.Generator
_DICT_GET = dict.get
_CALLABLE = callable
_ISINSTANCE, _ISSUBCLASS = isinstance, issubclass
_GRAD = torch._C.TensorBase.__dict__["grad"]
_REQUIRES_GRAD = torch._C.TensorBase.__dict__["requires_grad"]


def _class_name(cls: type) -> str:
    module = str(cls.__module__)
    if module.startswith("torch.nn"):
        return f"nn.{cls.__qualname__}"
    if module.startswith("torch.utils.data"):
        return f"torch.utils.data.{cls.__qualname__}"
    return str(cls.__qualname__)


TRAIN_MODE_OUTPUT = tr(
    "train mode: output values with the reference's weights (no dropout in this model)",
    "학습 모드: 모범 답안과 같은 가중치로 계산한 출력 값 (이 모델에는 드롭아웃이 없음)",
)


def _optional(words: Words | None) -> Text | None:
    return None if words is None else as_text(words)


class Probe:
    """What a hidden test sees; one instance per run."""

    def __init__(
        self,
        namespace: dict[str, Any],
        *,
        reference: bool,
        exports: dict[str, Any],
        seed: int,
        emit: Callable[[Record], None],
        memory_mb: int | None = None,
    ) -> None:
        self._namespace = namespace
        self.reference = reference
        self._exports_in = exports
        self.exports: dict[str, Any] = {}
        if reference and "contract" in exports:  # handed on to every graded run
            self.exports["contract"] = exports["contract"]
        self.seed = seed
        self._emit = emit
        self.memory_mb = memory_mb
        self.memory_hit = False
        self.stopped_by: str | None = None
        self._names: set[str] = set()
        self._current: Record | None = None
        self._setup_generator = _GENERATOR().manual_seed(seed)
        self._generator = self._setup_generator

    # -- checks ------------------------------------------------------------------

    def check(self, name: Words, points: float = 1, *, required: bool = False) -> Check:
        """A named check worth ``points``; use it as ``with p.check(...):``."""
        title = as_text(name)
        name = in_lang(title, "en")
        if self._current is not None:
            raise ProbeError(f"check {name!r} is inside check {self._current['name']!r}")
        if name in self._names:
            raise ProbeError(f"two checks are named {name!r}")
        self._names.add(name)
        record: Record = {
            "name": name,
            "title": title,
            "points": float(points),
            "required": required,
            "observations": [],
            "error": None,
        }
        self._current = record
        self._generator = _GENERATOR().manual_seed(self.seed ^ zlib.crc32(name.encode()))
        layertrace.TRACER.reset()
        return Check(self, record, required)

    def _record(self, observation: dict[str, Any]) -> None:
        if self._current is None:
            label = in_lang(observation["label"], "en")
            raise ProbeError(f"observation {label!r} is outside any check")
        self._current["observations"].append(observation)

    # -- observations ------------------------------------------------------------

    def observe(
        self,
        label: Words,
        value: Any,
        *,
        fmt: str | None = None,
        fail: Words | None = None,
        note: Words | None = None,
    ) -> None:
        """``value`` must equal the reference's exactly (types included: 1 is not 1.0 or True).

        ``fmt="count"`` prints numbers with thousands separators; ``fail`` replaces
        the generic "expected …, got …" message; ``note`` (student side) is shown
        after it when the check fails.
        """
        self._record(
            {
                "label": as_text(label),
                "how": "exact",
                "value": plain.encode(value),
                "fmt": fmt,
                "fail": _optional(fail),
                "note": _optional(note),
            }
        )

    def close(
        self,
        label: Words,
        value: Any,
        *,
        atol: float = 1e-6,
        rtol: float = 1e-5,
        fail: Words | None = None,
    ) -> None:
        """Numbers (or lists of numbers) equal to the reference's within a tolerance; types must match."""
        self._record(
            {
                "label": as_text(label),
                "how": "close",
                "value": plain.encode(value),
                "atol": atol,
                "rtol": rtol,
                "fail": _optional(fail),
            }
        )

    def tensor(
        self,
        label: Words,
        value: Any,
        *,
        atol: float = 1e-5,
        rtol: float = 1e-4,
        dtype: bool = True,
        fail: Words | None = None,
    ) -> None:
        """A plain ``torch.Tensor`` with the reference's shape, dtype (if ``dtype``) and values."""
        self._record(
            {
                "label": as_text(label),
                "how": "tensor",
                "value": plain.encode(value),
                "atol": atol,
                "rtol": rtol,
                "dtype": dtype,
                "fail": _optional(fail),
            }
        )

    def unchanged(self, label: Words, value: Any) -> None:
        """An input after the call: it must still hold what the reference's input held."""
        self._record(
            {
                "label": as_text(label),
                "how": "tensor",
                "value": plain.encode(value),
                "atol": 0.0,
                "rtol": 0.0,
                "dtype": True,
                "fmt": "unchanged",
            }
        )

    def shape(self, label: Words, value: Any) -> None:
        """The shape of a plain tensor (a description of anything else)."""
        self._record(
            {
                "label": as_text(label),
                "how": "exact",
                "value": plain.shape_of(value),
                "fmt": "shape",
            }
        )

    def dtype(self, label: Words, value: Any) -> None:
        self._record(
            {
                "label": as_text(label),
                "how": "exact",
                "value": plain.dtype_of(value),
                "fmt": "dtype",
            }
        )

    def kind(self, label: Words, value: Any, *, fail: Words | None = None) -> None:
        """The exact type of ``value`` (``torch.nn.MSELoss``, ``int``, ``tuple``)."""
        self._record(
            {
                "label": as_text(label),
                "how": "exact",
                "value": plain.type_name(value),
                "fmt": "type",
                "fail": _optional(fail),
            }
        )

    def types(self, label: Words, value: Any) -> None:
        """The type of ``value`` and, for a tuple or list, of its items: ``tuple (int, int)``."""
        self._record(
            {
                "label": as_text(label),
                "how": "exact",
                "value": plain.type_outline(value),
                "fmt": "type",
            }
        )

    def unpack(self, value: Any, count: int, what: Words) -> list[Any]:
        """The items of a tuple or list of ``count`` items (else the check fails, saying so)."""
        if type(value) in (tuple, list) and len(value) == count:
            return list(value)
        raise ProbeMismatch(
            msg("not_a_tuple_of", what=as_text(what), count=count, seen=plain.type_outline(value))
        )

    # -- the submission ----------------------------------------------------------

    def _lookup(self, name: str) -> Any:
        missing = object()
        value = _DICT_GET(self._namespace, name, missing)
        if value is missing:
            raise ProbeMismatch(msg("not_defined", name=name))
        return value

    def function(self, name: str) -> Any:
        """The submission's function ``name`` (a required check)."""
        found: Any = None
        with self.check(msg("defines_function", name=name), points=0, required=True):
            found = self._lookup(name)
            if not _CALLABLE(found) or _ISINSTANCE(found, type):
                raise ProbeMismatch(msg("must_be_function", name=name, kind=plain.type_name(found)))
        return found

    def cls(self, name: str, base: type = torch.nn.Module) -> Any:
        """The submission's class ``name``, derived from ``base`` (a required check)."""
        found: Any = None
        with self.check(msg("defines_class", name=name), points=0, required=True):
            found = self._lookup(name)
            if not _ISINSTANCE(found, type) or not _ISSUBCLASS(found, base):
                raise ProbeMismatch(msg("must_be_class", name=name, base=_class_name(base)))
        return found

    def build(self, label: Words, factory: Callable[[], Any]) -> Any:
        """Create an object with the submission's code (a required check named ``label``)."""
        built: Any = None
        with self.check(label, points=0, required=True):
            built = factory()
        return built

    # -- inputs ------------------------------------------------------------------

    def randn(self, *shape: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
        return _RANDN(shape, generator=self._generator, dtype=dtype)

    def rand(self, *shape: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
        return _RAND(shape, generator=self._generator, dtype=dtype)

    def randint(
        self, low: int, high: int, *shape: int, dtype: torch.dtype = torch.int64
    ) -> torch.Tensor:
        return _RANDINT(low, high, shape, generator=self._generator, dtype=dtype)

    def permutation(self, n: int) -> list[int]:
        return [int(i) for i in torch.randperm(n, generator=self._generator).tolist()]

    @contextmanager
    def seeded(self, seed: int) -> Iterator[None]:
        """Seed torch's global generator (dropout, default initialisation) the same in both runs."""
        _TORCH_MANUAL_SEED(self.seed * 31 + seed)
        yield

    # -- the task's contract -----------------------------------------------------

    @property
    def contract(self) -> dict[str, Any] | None:
        """The task's ``contract:`` from task.yaml as plain data (None when it has none)."""
        found = self._exports_in.get("contract")
        return found if isinstance(found, dict) else None

    def contract_checks(
        self, function: Any, given: Callable[[], dict[str, Any]] | None = None
    ) -> None:
        """One check per input drawn from the task's contract, with the generic checks
        (result, aliasing, arguments left alone, global torch state): see
        :mod:`grader.inside.contract_probe`. ``given()`` builds the ``type: given`` arguments
        (a model, a loader …) afresh for each case."""
        contract = self.contract
        if contract is None:
            raise ProbeError("the task has no contract: add `contract:` to task.yaml")
        contract_probe.run(self, function, contract, given)

    # -- models ------------------------------------------------------------------

    def parameter_count(self, model: Any) -> int:
        """Trainable and frozen parameters, counted once each, however ``parameters()`` is overridden."""
        return weights.parameter_count(model)

    def parameters(self, model: Any) -> list[tuple[str, Any]]:
        """``(name, parameter)`` of every parameter of ``model``, as ``named_parameters()``
        would give them, read from the modules' own tables: replacing ``parameters()`` or
        ``named_parameters()`` on the model (or its class) changes nothing here."""
        return weights.parameters(model)

    def requires_grad(self, tensor: Any) -> bool:
        """The tensor's real ``requires_grad`` (a subclass's property cannot answer instead)."""
        return bool(_REQUIRES_GRAD.__get__(tensor))

    def grad(self, tensor: Any) -> Any:
        """The tensor's real ``.grad`` (None when backward gave it none)."""
        return _GRAD.__get__(tensor)

    def load_weights(self, model: Any, key: str) -> list[tuple[int, weights.Slot, Any, str]]:
        """Give ``model`` the reference model's weights (see :mod:`grader.inside.weights`).

        ``key`` names the model when a probe builds several with different shapes.
        """
        if self.reference:
            filled = weights.fill(model, None, self.seed)
            self.exports[f"slots:{key}"] = [slot.plain() for _j, slot, _t, _p in filled]
            return filled
        described = self._exports_in.get(f"slots:{key}")
        if not isinstance(described, list):
            raise ProbeError(f"the reference run exported no weights for {key!r}")
        reference = [weights.Slot.from_plain(item) for item in described]
        return weights.fill(model, reference, self.seed)

    def train_mode_output(
        self,
        model: Any,
        key: str,
        forward: Callable[[], Any],
        name: Words = TRAIN_MODE_OUTPUT,
    ) -> None:
        """A check: in train mode, with the reference's weights and the same random seed
        (so the same dropout masks, should there be any), ``forward()`` gives the reference's
        output. Catches layers that behave differently in training (an extra dropout)."""
        with self.check(name):
            self.load_weights(model, key)
            model.train()
            with self.seeded(4):
                self.tensor(tr("train-mode output", "학습 모드 출력"), forward())

    def gradients(self, model: Any, key: str, loss: Callable[[], Any]) -> None:
        """Back-propagate ``loss()`` with the reference weights; every parameter must get the
        reference's gradient (compared by sum and absolute sum)."""
        filled = self.load_weights(model, key)
        for _path, param in weights.parameters(model):
            param.grad = None
        value = loss()
        value.backward()
        missing = []
        for _j, slot, tensor, path in filled:
            if slot.buffer:
                continue
            grad = _GRAD.__get__(tensor)
            if grad is None or float(grad.abs().sum()) == 0.0:
                missing.append(path)
        self.observe(
            msg("no_gradient_count"),
            len(missing),
            note=", ".join(missing[:8]) or None,
        )
        for _j, slot, tensor, _path in filled:
            if slot.buffer:
                continue
            grad = _GRAD.__get__(tensor)
            summary = (
                None
                if grad is None
                else [float(grad.double().sum()), float(grad.double().abs().sum())]
            )
            self.close(
                msg("gradient_of", slot=slot),
                summary,
                atol=1e-5,
                rtol=1e-3,
                fail=msg("gradient_differs", slot=slot),
            )
