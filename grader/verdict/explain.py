"""Explaining a PyTorch error raised by student code: which layer, which numbers, why.

The sandboxed child sends a *fault* with a check that raised (see
:mod:`grader.inside.layertrace`): the exception's name and message, the layers that
were running (innermost last) and the leaf layers that had finished, with
their configuration and shapes. This module, in the app's process and without
torch, reads that plain data (from an untrusted process: anything malformed
yields no explanation) and names the common mistakes in both languages with
the textbook page: a Linear whose ``in_features`` is not the flattened size
(with the shape after each conv/pool and what ``padding`` would give), a
missing flatten, Conv2d channels, an LSTM/GRU ``input_size``, Embedding ids
out of range (swapped arguments), ``view``/``reshape`` sizes, loss targets,
BCELoss's range, dtypes and devices. Only numbers and layer class names from
the fault are ever quoted, never the message itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from grader.text import Text
from grader.verdict.result import Diagnosis

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")
_CONV = ("Conv1d", "Conv2d")
_POOL = ("MaxPool2d", "AvgPool2d", "MaxPool1d", "AvgPool1d", "AdaptiveAvgPool2d")
_RNN = ("LSTM", "GRU", "RNN")


def _say(en: str, ko: str, **params: object) -> Text:
    return {"en": en.format(**params), "ko": ko.format(**params)}


def _join(*parts: Text) -> Text:
    return {lang: " ".join(p[lang] for p in parts if p.get(lang)) for lang in ("en", "ko")}


def _shape_text(shape: Sequence[object] | None) -> str:
    if not shape:
        return "?"
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def _ints(value: Any, most: int = 8) -> list[int] | None:
    if type(value) is not list or len(value) > most:
        return None
    if not all(type(v) is int and -(10**12) < v < 10**12 for v in value):
        return None
    return list(value)


@dataclass(frozen=True)
class Layer:
    """One layer call as the child noted it (only checked values are kept)."""

    type: str
    torch: bool
    config: dict[str, int | bool | float | str | list[int]] = field(default_factory=dict)
    shape_in: list[int] | None = None
    shape_out: list[int] | None = None
    dtype: str | None = None
    ids: list[int] | None = None
    target: list[int] | None = None
    target_dtype: str | None = None
    range: list[float] | None = None

    @classmethod
    def read(cls, data: Any) -> Layer | None:
        if not isinstance(data, dict):
            return None
        name = data.get("type")
        if type(name) is not str or not _NAME.match(name):
            return None
        config: dict[str, int | bool | float | str | list[int]] = {}
        raw = data.get("config")
        if isinstance(raw, dict):
            for key, value in list(raw.items())[:24]:
                if type(key) is not str or not _NAME.match(key):
                    continue
                if type(value) in (int, bool, float) or (type(value) is str and _NAME.match(value)):
                    config[key] = value
                elif _ints(value, 4) is not None:
                    config[key] = list(value)
        span = data.get("range")
        ok_range = (
            type(span) is list
            and len(span) == 2
            and all(type(v) is float and math.isfinite(v) for v in span)
        )

        def word(key: str) -> str | None:
            value = data.get(key)
            return value if type(value) is str and _NAME.match(value) else None

        return cls(
            type=name,
            torch=data.get("torch") is True,
            config=config,
            shape_in=_ints(data.get("in")),
            shape_out=_ints(data.get("out")),
            dtype=word("dtype"),
            ids=_ints(data.get("ids"), 2),
            target=_ints(data.get("target")),
            target_dtype=word("target_dtype"),
            range=[float(v) for v in span] if ok_range and span else None,
        )

    def get(self, key: str) -> int | None:
        value = self.config.get(key)
        if type(value) is list and value:
            value = value[0]
        return value if type(value) is int else None

    def flag(self, key: str) -> bool:
        return self.config.get(key) is True

    @property
    def call(self) -> str:
        """How the layer was built, as the student would write it: ``nn.Linear(3136, 128)``."""
        if not self.torch:
            return self.type
        c = self.get
        if self.type == "Linear":
            return f"nn.Linear({c('in_features')}, {c('out_features')})"
        if self.type in _CONV:
            pad = self.config.get("padding")
            pad_text = pad if type(pad) is str else c("padding")
            return (
                f"nn.{self.type}({c('in_channels')}, {c('out_channels')}, "
                f"kernel_size={c('kernel_size')}, padding={pad_text})"
            )
        if self.type in _RNN:
            extra = ", bidirectional=True" if self.flag("bidirectional") else ""
            extra += ", batch_first=True" if self.flag("batch_first") else ""
            return (
                f"nn.{self.type}(input_size={c('input_size')}, "
                f"hidden_size={c('hidden_size')}{extra})"
            )
        if self.type == "Embedding":
            return f"nn.Embedding({c('num_embeddings')}, {c('embedding_dim')})"
        if self.type in _POOL[:4] and c("kernel_size") is not None:
            return f"nn.{self.type}({c('kernel_size')})"
        return f"nn.{self.type}"

    @property
    def features_out(self) -> int | None:
        """How many features each of this layer's outputs has (its last dimension)."""
        return self.shape_out[-1] if self.shape_out else None


@dataclass(frozen=True)
class Fault:
    exception: str
    message: str
    line: int | None
    running: list[Layer]
    finished: list[Layer]

    @classmethod
    def read(cls, data: Any) -> Fault | None:
        if not isinstance(data, dict):
            return None
        exception, message, line = data.get("exception"), data.get("message"), data.get("line")
        if type(exception) is not str or type(message) is not str:
            return None
        layers: dict[str, list[Layer]] = {}
        for key in ("running", "finished"):
            raw = data.get(key)
            items = raw[-48:] if type(raw) is list else []
            layers[key] = [layer for layer in map(Layer.read, items) if layer is not None]
        return cls(
            exception=exception[:60],
            message=message[:600],
            line=line if type(line) is int and 0 < line < 10**6 else None,
            running=layers["running"],
            finished=layers["finished"],
        )

    @property
    def failing(self) -> Layer | None:
        """The innermost torch layer that was running when the error was raised."""
        for layer in reversed(self.running):
            if layer.torch:
                return layer
        return None

    def where(self) -> Text:
        if self.line is None:
            return _say("", "")
        return _say("(line {line})", "({line}번 줄)", line=self.line)

    def before(self, layer: Layer | None = None) -> list[Layer]:
        """The leaf layers that ran before the failing one in the same outermost call."""
        return list(self.finished)


# -- shapes through convolutions and pooling ----------------------------------------


@dataclass(frozen=True)
class Step:
    """One size-changing step of the image path: a conv or pooling layer, or a functional
    pooling seen only as a gap between two layers' shapes (``F.max_pool2d``)."""

    name: str
    conv: bool
    kernel: int
    stride: int
    padding: int
    out: list[int]  # (C, H, W)


def _conv_size(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel) // stride + 1


def _gap(before: list[int], after: list[int]) -> Step | None:
    """A pooling that turns map ``before`` into ``after`` (C, H, W), if one does."""
    if before[0] != after[0] or after[1] < 1 or before[1] <= after[1]:
        return None
    factor = before[1] // after[1]
    if factor < 2 or before[2] // factor != after[2] or before[1] // factor != after[1]:
        return None
    return Step("max_pool2d", False, factor, factor, 0, list(after))


def _steps(layers: list[Layer], final: list[int] | None) -> tuple[list[int], list[Step]] | None:
    """The image's (C, H, W) at the start and each step of the last forward pass's conv path."""
    start: list[int] | None = None
    steps: list[Step] = []
    previous: list[int] | None = None
    for layer in layers:
        if layer.type not in _CONV[1:] + _POOL[:2]:
            continue
        if not layer.shape_in or not layer.shape_out or len(layer.shape_in) != 4:
            continue
        if len(layer.shape_out) != 4:
            continue
        shape_in, shape_out = layer.shape_in[1:], layer.shape_out[1:]
        if start is None:
            start = shape_in
        elif previous is not None and previous != shape_in:
            gap = _gap(previous, shape_in)
            if gap is None:  # not one path: start again from here
                start, steps = shape_in, []
            else:
                steps.append(gap)
        kernel = layer.get("kernel_size")
        if kernel is None:
            return None
        is_conv = layer.type in _CONV
        stride = layer.get("stride") or (1 if is_conv else kernel)
        padding = layer.config.get("padding")
        pad = padding if type(padding) is int else layer.get("padding") or 0
        steps.append(Step(layer.type, is_conv, kernel, stride, pad, shape_out))
        previous = shape_out
    if start is None or previous is None:
        return None
    if final is not None and final != previous:
        gap = _gap(previous, final)
        if gap is None:
            return None
        steps.append(gap)
    return start, steps


def _replay(start: list[int], steps: list[Step], padding: Callable[[Step], int]) -> list[int]:
    """The (C, H, W) after ``steps`` with each convolution's padding given by ``padding``."""
    _c, height, width = start
    channels = start[0]
    for step in steps:
        pad = padding(step) if step.conv else step.padding
        height = _conv_size(height, step.kernel, step.stride, pad)
        width = _conv_size(width, step.kernel, step.stride, pad)
        channels = step.out[0] if step.conv else channels
        if height < 1 or width < 1:
            return [channels, 0, 0]
    return [channels, height, width]


def _chain_text(steps: list[Step]) -> str:
    return " → ".join(f"{s.name} {_shape_text(['N', *s.out])}" for s in steps)


def _dims(shape: list[int]) -> str:
    return "×".join(str(n) for n in shape)


def _padding_fix(start: list[int], steps: list[Step], wanted: int) -> Text | None:
    """What keeping the size in every convolution (padding=k//2) would give, if that fits."""
    unpadded = [s for s in steps if s.conv and s.padding == 0 and s.kernel > 1]
    if not unpadded:
        return None
    kept = _replay(start, steps, lambda step: step.kernel // 2)
    if math.prod(kept) != wanted:
        return None
    kernel = unpadded[0].kernel
    return _say(
        "With padding={pad} in the Conv2d layers (kernel_size={kernel}) each convolution keeps "
        "the image size and the last map is {dims} = {wanted}, the size expected; write it as "
        "padding={pad}, since the 4th positional argument of Conv2d is stride (p.105–106).",
        "Conv2d에 padding={pad}를 주면(kernel_size={kernel}) 합성곱마다 이미지 크기가 유지되어 "
        "마지막 특성 맵이 {dims} = {wanted}이 되고, 뒤의 층이 기대하는 크기와 같습니다. Conv2d의 "
        "네 번째 위치 인자는 stride이므로 padding={pad}처럼 이름을 붙여 쓰세요 (p.105–106).",
        pad=kernel // 2,
        kernel=kernel,
        dims=_dims(kept),
        wanted=wanted,
    )


def _pool_fix(last: list[int], wanted: int) -> Text | None:
    channels, height, width = last
    for factor, what_en, what_ko in (
        (2, "one MaxPool2d(2) too few", "MaxPool2d(2)가 하나 모자랍니다"),
        (0.5, "one MaxPool2d(2) too many", "MaxPool2d(2)가 하나 더 많습니다"),
    ):
        if channels * int(height / factor) * int(width / factor) == wanted:
            return _say(
                "The Linear expects {wanted}: {what_en} (each halves the height and width, "
                "p.113–114).",
                "Linear는 {wanted}개를 기대합니다: {what_ko} (풀링마다 높이와 너비가 절반, "
                "p.113–114).",
                wanted=wanted,
                what_en=what_en,
                what_ko=what_ko,
            )
    return None


def _final_map(steps_from: list[Layer], per_image: int) -> list[int] | None:
    """The (C, H, W) of a square map of ``per_image`` values after the last conv's channels."""
    convs = [x for x in steps_from if x.type in _CONV[1:] and x.get("out_channels")]
    if not convs:
        return None
    channels = convs[-1].get("out_channels") or 1
    if per_image % channels:
        return None
    side = math.isqrt(per_image // channels)
    return [channels, side, side] if side * side * channels == per_image else None


def _sizes_after_convs(fault: Fault, layer: Layer | None, wanted: int, got: int) -> Text | None:
    """The shape after each conv/pool, and what padding or pooling would change."""
    before = fault.before(layer)
    found = _steps(before, _final_map(before, got))
    if found is None:
        return None
    start, steps = found
    last = steps[-1].out
    if math.prod(last) != got:
        return None
    shapes = _say(
        "Shapes after each layer: {chain}; flattened that is {dims} = {got} values per image.",
        "층마다 출력 모양: {chain}. 펼치면 이미지마다 {dims} = {got}개입니다.",
        chain=_chain_text(steps),
        dims=_dims(last),
        got=got,
    )
    fix = _padding_fix(start, steps, wanted) or _pool_fix(last, wanted)
    if fix is None:
        fix = _say(
            "Make in_features {got} ({dims}), or change the convolutions and pooling so that the "
            "map is what the Linear expects (p.105–106, 121–123).",
            "in_features를 {got}({dims})로 하거나, Linear가 기대하는 크기가 되도록 합성곱과 풀링을 "
            "고치세요 (p.105–106, 121–123).",
            got=got,
            dims=_dims(last),
        )
    return _join(shapes, fix)


# -- the explainers ------------------------------------------------------------------

Explainer = Callable[[Fault], tuple[str, Text] | None]
_MAT = re.compile(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)")


_SAME_SIZE = ("ReLU", "Sigmoid", "Tanh", "Dropout", "LeakyReLU", "GELU", "Softmax", "Identity")


def _feeding(layers: list[Layer]) -> Layer | None:
    """The last layer that set the size of what follows (activations and dropout keep it)."""
    for layer in reversed(layers):
        if layer.type not in _SAME_SIZE and not layer.type.startswith("BatchNorm"):
            return layer
    return layers[-1] if layers else None


def _linear_size(fault: Fault) -> tuple[str, Text] | None:
    found = _MAT.search(fault.message)
    if not found:
        return None
    _rows, got, wanted, _out = (int(g) for g in found.groups())
    layer = fault.failing
    linear = layer if layer is not None and layer.type == "Linear" else None
    name = linear.call if linear else "nn.Linear"
    head = _say(
        "{name} {where} expects {wanted} input features but receives {got}.",
        "{name} {where_ko}: 입력 특성을 {wanted}개 기대하는데 {got}개가 들어옵니다.",
        name=name,
        where=fault.where()["en"],
        where_ko=fault.where()["ko"],
        wanted=wanted,
        got=got,
    )
    shape = linear.shape_in if linear else None
    feeding = _feeding(fault.before(linear))
    image = feeding is not None and (feeding.type in _CONV or feeding.type in _POOL)
    if shape and (len(shape) > 3 or (len(shape) == 3 and image)):
        return "runtime-flatten", _join(
            head,
            _say(
                "Its input has shape {shape}: flatten it first (nn.Flatten(), torch.flatten(x, 1) "
                "or x.view(x.size(0), -1)); a Linear acts on the last dimension only (p.121–123).",
                "입력 모양이 {shape}입니다: 먼저 펼치세요 (nn.Flatten(), torch.flatten(x, 1) 또는 "
                "x.view(x.size(0), -1)). Linear는 마지막 차원에만 적용됩니다 (p.121–123).",
                shape=_shape_text(shape),
            ),
        )
    merged = got > wanted and got % wanted == 0
    if merged and shape and shape[0] == 1 and len(shape) == 2:  # evidence of a batch merged
        merged = any(x.shape_out and x.shape_out[0] == got // wanted for x in fault.before(linear))
    if shape and len(shape) <= 2 and merged:
        return "runtime-flatten-batch", _join(
            head,
            _say(
                "Its input has shape {shape}: the flatten merged the images of the batch "
                "({got} = {count} × {wanted}). torch.flatten(x) and x.view(-1) flatten the batch "
                "dimension too; keep it with torch.flatten(x, 1) or x.view(x.size(0), -1) "
                "(p.121–123).",
                "입력 모양이 {shape}입니다: 펼치기가 배치의 이미지들을 하나로 합쳤습니다 "
                "({got} = {count} × {wanted}). torch.flatten(x)와 x.view(-1)은 배치 차원까지 "
                "펼칩니다. torch.flatten(x, 1) 또는 x.view(x.size(0), -1)로 배치 차원을 남기세요 "
                "(p.121–123).",
                shape=_shape_text(shape),
                got=got,
                count=got // wanted,
                wanted=wanted,
            ),
        )
    convs = _sizes_after_convs(fault, linear, wanted, got)
    if convs is not None:
        return "runtime-linear-in-features", _join(head, convs)
    previous = feeding
    if previous is not None and previous.type in _RNN:
        hidden = previous.get("hidden_size")
        if previous.flag("bidirectional") and hidden and got == 2 * hidden:
            return "runtime-linear-in-features", _join(
                head,
                _say(
                    "{rnn} is bidirectional: each step's output has 2 × hidden_size = {got} "
                    "features (forward and backward directions side by side), so the Linear "
                    "needs in_features=2*hidden_dim (p.172–173).",
                    "{rnn}은 양방향이므로 각 시점의 출력 특성이 2 × hidden_size = {got}개입니다 "
                    "(정방향과 역방향을 이어 붙임). Linear의 in_features는 2*hidden_dim이어야 "
                    "합니다 (p.172–173).",
                    rnn=previous.call,
                    got=got,
                ),
            )
    if previous is not None and previous.features_out == got:
        return "runtime-linear-in-features", _join(
            head,
            _say(
                "The layer before it, {prev}, gives {got} features: a Linear's in_features must "
                "equal the size of what feeds it (p.81–83).",
                "바로 앞 층 {prev}의 출력 특성이 {got}개입니다: Linear의 in_features는 들어오는 "
                "특성 수와 같아야 합니다 (p.81–83).",
                prev=previous.call,
                got=got,
            ),
        )
    return "runtime-linear-in-features", _join(
        head,
        _say(
            "The input has {got} features per row: in_features must be the number of input "
            "features (p.81–83).",
            "입력의 행마다 특성이 {got}개입니다: in_features는 입력 특성 수와 같아야 합니다 (p.81–83).",
            got=got,
        ),
    )


_CHANNELS = re.compile(
    r"expected input\[([\d, ]+)\] to have (\d+) channels, but got (\d+) channels"
)
_CONV_DIMS = re.compile(r"Expected (\d)D \(unbatched\) or (\d)D \(batched\) input to (conv\w+)")
_TOO_SMALL = re.compile(
    r"Kernel size can't be greater than actual input size|Output size is too small"
)


def _conv(fault: Fault) -> tuple[str, Text] | None:
    layer = fault.failing
    name = layer.call if layer else "nn.Conv2d"
    where = fault.where()
    found = _CHANNELS.search(fault.message)
    if found:
        wanted, got = int(found.group(2)), int(found.group(3))
        convs_before = [x for x in fault.before(layer) if x.type in _CONV]
        if convs_before and convs_before[-1].get("out_channels") == got:
            cause = _say(
                "the Conv2d before it, {prev}, gives {got} channels: in_channels must equal the "
                "previous layer's out_channels (p.113–114).",
                "앞의 {prev}의 출력 채널이 {got}개입니다: in_channels는 앞 층의 out_channels와 "
                "같아야 합니다 (p.113–114).",
                prev=convs_before[-1].call,
                got=got,
            )
        else:
            cause = _say(
                "the input images have {got} channel(s) (1 for grey images such as "
                "Fashion-MNIST, 3 for RGB): the first Conv2d's in_channels must be {got} "
                "(p.105–106, 113).",
                "입력 이미지의 채널이 {got}개입니다 (Fashion-MNIST 같은 흑백은 1, RGB는 3): 첫 "
                "Conv2d의 in_channels는 {got}이어야 합니다 (p.105–106, 113).",
                got=got,
            )
        head = {
            "en": f"{name} {where['en']} expects {wanted} input channel(s) but receives {got}:",
            "ko": f"{name} {where['ko']}: 입력 채널을 {wanted}개 기대하는데 {got}개가 들어옵니다:",
        }
        return "runtime-conv-channels", _join(head, cause)
    found = _CONV_DIMS.search(fault.message)
    if found:
        shape = layer.shape_in if layer else None
        return "runtime-conv-input", _say(
            "{name} {where} receives an input of shape {shape}: a convolution needs images of "
            "shape (N, C, H, W). Keep the images as (N, 1, 28, 28) and flatten only after the "
            "conv and pooling layers (p.113–114, 121–123).",
            "{name} {where_ko}에 모양 {shape}인 입력이 들어옵니다: 합성곱은 (N, C, H, W) 모양의 "
            "이미지가 필요합니다. 이미지를 (N, 1, 28, 28)로 두고, 펼치기는 합성곱과 풀링 층 뒤에서 "
            "하세요 (p.113–114, 121–123).",
            name=name,
            where=where["en"],
            where_ko=where["ko"],
            shape=_shape_text(shape),
        )
    if _TOO_SMALL.search(fault.message) and layer is not None:
        path = _steps(fault.before(layer), None)
        shapes = _chain_text(path[1]) if path else _shape_text(layer.shape_in)
        return "runtime-map-too-small", _say(
            "{name} {where} receives a map of shape {shape}, smaller than its window. Shapes "
            "after each layer: {chain}. Too many pooling layers, or convolutions without padding "
            "shrink the image too much (p.105–106, 113–114).",
            "{name} {where_ko}에 들어오는 특성 맵 {shape}이 창보다 작습니다. 층마다 출력 모양: "
            "{chain}. 풀링이 너무 많거나, 패딩 없는 합성곱이 이미지를 너무 줄입니다 "
            "(p.105–106, 113–114).",
            name=name,
            where=fault.where()["en"],
            where_ko=fault.where()["ko"],
            shape=_shape_text(layer.shape_in),
            chain=shapes,
        )
    return None


_RNN_SIZE = re.compile(r"input\.size\(-1\) must be equal to input_size\. Expected (\d+), got (\d+)")
_RNN_DIMS = re.compile(
    r"(LSTM|GRU|RNN): Expected input to be 2D or 3D, got (\d)D|input must have 3 dimensions, got (\d)"
)


def _rnn(fault: Fault) -> tuple[str, Text] | None:
    layer = fault.failing
    name = layer.call if layer else "nn.LSTM"
    where = fault.where()
    found = _RNN_SIZE.search(fault.message)
    if found:
        wanted, got = int(found.group(1)), int(found.group(2))
        before = fault.before(layer)
        previous = before[-1] if before else None
        if previous is not None and previous.type == "Embedding":
            cause = _say(
                "it is fed by {prev}, whose vectors have embedding_dim = {got} features: "
                "input_size must be embed_dim (hidden_size is the LSTM's own output size) "
                "(p.168–169, 172–173).",
                "앞의 {prev}이(가) embedding_dim = {got}차원 벡터를 줍니다: input_size는 embed_dim이어야 "
                "합니다 (hidden_size는 LSTM 자신의 출력 크기) (p.168–169, 172–173).",
                prev=previous.call,
                got=got,
            )
        else:
            cause = _say(
                "each time step of its input has {got} features: input_size must be that size "
                "(hidden_size is the layer's own output size) (p.172–173).",
                "입력의 시점마다 특성이 {got}개입니다: input_size는 그 크기여야 합니다 "
                "(hidden_size는 층 자신의 출력 크기) (p.172–173).",
                got=got,
            )
        head = {
            "en": f"{name} {where['en']} expects input_size={wanted} features but receives {got}:",
            "ko": f"{name} {where['ko']}: input_size={wanted}개의 특성을 기대하는데 {got}개가 "
            "들어옵니다:",
        }
        return "runtime-rnn-input-size", _join(head, cause)
    if "RNN input dtype (torch.int" in fault.message:
        return "runtime-rnn-token-ids", _say(
            "{name} {where} receives token ids (an integer tensor): an LSTM reads vectors, so "
            "pass the ids through nn.Embedding(vocab_size, embed_dim) first (p.168–169).",
            "{name} {where_ko}에 토큰 번호(정수 텐서)가 그대로 들어옵니다: LSTM은 벡터를 읽으므로 "
            "먼저 nn.Embedding(vocab_size, embed_dim)을 거치세요 (p.168–169).",
            name=name,
            where=where["en"],
            where_ko=where["ko"],
        )
    if _RNN_DIMS.search(fault.message):
        shape = layer.shape_in if layer else None
        return "runtime-rnn-input", _say(
            "{name} {where} receives an input of shape {shape}: it needs (N, T, features) with "
            "batch_first=True — token ids go through an nn.Embedding first (p.168–169, 172–173).",
            "{name} {where_ko}에 모양 {shape}인 입력이 들어옵니다: batch_first=True이면 "
            "(N, T, 특성) 모양이어야 합니다. 토큰 번호는 먼저 nn.Embedding을 거칩니다 "
            "(p.168–169, 172–173).",
            name=name,
            where=where["en"],
            where_ko=where["ko"],
            shape=_shape_text(shape),
        )
    return None


def _embedding(fault: Fault) -> tuple[str, Text] | None:
    layer = fault.failing
    if "'indices' to have one of the following scalar types" in fault.message:
        where = fault.where()
        return "runtime-embedding-dtype", _say(
            "{name} {where} receives float values: an Embedding looks up integer token ids "
            "(int64); pass x.long() (p.160, 168–169).",
            "{name} {where_ko}에 실수 값이 들어옵니다: Embedding은 정수(int64) 토큰 번호로 찾아 "
            "쓰므로 x.long()을 넘기세요 (p.160, 168–169).",
            name=layer.call if layer is not None else "nn.Embedding",
            where=where["en"],
            where_ko=where["ko"],
        )
    if "index out of range" not in fault.message:
        return None
    if layer is None or layer.type != "Embedding":
        return None
    rows, dim = layer.get("num_embeddings"), layer.get("embedding_dim")
    low, high = layer.ids if layer.ids else (None, None)
    where = fault.where()
    if rows is None or high is None or low is None:
        return None
    if low < 0:
        detail = _say(
            "it received the negative id {low}: token ids must be 0 … num_embeddings-1.",
            "음수 번호 {low}이(가) 들어왔습니다: 토큰 번호는 0 … num_embeddings-1이어야 합니다.",
            low=low,
        )
    else:
        detail = _say(
            "it received token id {high} but has rows 0 … {last} only: num_embeddings must be the "
            "vocabulary size.",
            "토큰 번호로 {high}이(가) 들어왔는데 행은 0 … {last}뿐입니다: num_embeddings는 어휘 크기여야 "
            "합니다.",
            high=high,
            last=rows - 1,
        )
    swapped = (
        _say(
            "The two arguments look swapped: nn.Embedding(vocab_size, embed_dim) (p.168–169).",
            "두 인자가 뒤바뀐 것 같습니다: nn.Embedding(vocab_size, embed_dim) (p.168–169).",
        )
        if dim is not None and dim > high >= rows
        else _say("(p.168–169)", "(p.168–169)")
    )
    head = {
        "en": f"{layer.call} {where['en']}:",
        "ko": f"{layer.call} {where['ko']}:",
    }
    return "runtime-embedding-index", _join(head, detail, swapped)


_VIEW = re.compile(r"shape '\[([-\d, ]+)\]' is invalid for input of size (\d+)")


def _view(fault: Fault) -> tuple[str, Text] | None:
    where = fault.where()
    if "view size is not compatible with input tensor's size and stride" in fault.message:
        return "runtime-view-contiguous", _say(
            "x.view() {where} cannot reshape this tensor: its memory is not contiguous (after a "
            "transpose or permute, or for such an input). Use x.reshape(...), "
            "torch.flatten(x, 1) or x.contiguous().view(...) (p.17–26).",
            "x.view() {where_ko}: 메모리가 연속적이지 않은 텐서(transpose, permute 뒤 또는 그런 입력)는 "
            "view로 모양을 바꿀 수 없습니다. x.reshape(...), torch.flatten(x, 1) 또는 "
            "x.contiguous().view(...)를 쓰세요 (p.17–26).",
            where=where["en"],
            where_ko=where["ko"],
        )
    found = _VIEW.search(fault.message)
    if not found:
        return None
    asked = [int(v) for v in found.group(1).split(",") if v.strip()]
    size = int(found.group(2))
    head = _say(
        "view/reshape to {asked} {where}: the tensor holds {size} values, which do not fit that "
        "shape.",
        "view/reshape로 {asked} 모양을 만들 수 없습니다 {where_ko}: 텐서의 값은 {size}개입니다.",
        asked=_shape_text(asked),
        where=where["en"],
        where_ko=where["ko"],
        size=size,
    )
    finished = fault.finished
    last = finished[-1] if finished else None
    known = [n for n in asked if n != -1]
    batch = last.shape_out[0] if last is not None and last.shape_out else 0
    if last is not None and batch > 0 and size % batch == 0 and known:
        convs = _sizes_after_convs(fault, None, known[-1], size // batch)
        if convs is not None:
            return "runtime-view-size", _join(head, convs)
    if last is not None and last.shape_out:
        return "runtime-view-size", _join(
            head,
            _say(
                "After {prev} the shape is {shape}: flatten with x.view(x.size(0), -1) and "
                "size the next layer from it (p.17–26, 121–123).",
                "{prev} 다음의 모양은 {shape}입니다: x.view(x.size(0), -1)로 펼치고 다음 층의 "
                "크기를 그에 맞추세요 (p.17–26, 121–123).",
                prev=last.call,
                shape=_shape_text(last.shape_out),
            ),
        )
    return "runtime-view-size", _join(
        head,
        _say(
            "The product of the sizes must equal the number of values; keep the batch "
            "dimension as x.size(0) and let -1 fill in the rest (p.17–26).",
            "크기들의 곱이 값의 개수와 같아야 합니다. 배치 차원은 x.size(0)으로 두고 나머지는 -1로 "
            "채우세요 (p.17–26).",
        ),
    )


_BATCHES = re.compile(r"Expected input batch_size \((\d+)\) to match target batch_size \((\d+)\)")


def _loss(fault: Fault) -> tuple[str, Text] | None:
    text = fault.message
    layer = fault.failing
    name = layer.call if layer is not None and "Loss" in layer.type else None
    where = fault.where()
    if "between 0 and 1" in text:
        span = layer.range if layer is not None else None
        seen = f" ({span[0]:.3g} … {span[1]:.3g})" if span else ""
        return "runtime-bce-range", _say(
            "{name} {where} received values outside 0 … 1{seen}: BCELoss takes probabilities, so "
            "end the model with nn.Sigmoid(), or give raw outputs to nn.BCEWithLogitsLoss "
            "(p.84–85).",
            "{name} {where_ko}에 0 … 1 밖의 값이 들어왔습니다{seen}: BCELoss는 확률을 받으므로 "
            "모델 끝에 nn.Sigmoid()를 두거나, 그대로의 출력은 nn.BCEWithLogitsLoss에 주세요 "
            "(p.84–85).",
            name=name or "nn.BCELoss",
            where=where["en"],
            where_ko=where["ko"],
            seen=seen,
        )
    if "Using a target size" in text and "different to the input size" in text:
        return "runtime-loss-target-shape", _say(
            "{name} {where}: the target's shape differs from the output's (e.g. (N,) against "
            "(N, 1)). Make them the same: y.float().view(-1, 1) or output.squeeze(1) (p.84–85).",
            "{name} {where_ko}: 정답(target)의 모양이 출력과 다릅니다 (예: (N,)와 (N, 1)). "
            "y.float().view(-1, 1) 또는 output.squeeze(1)로 모양을 맞추세요 (p.84–85).",
            name=name or "the loss",
            where=where["en"],
            where_ko=where["ko"],
        )
    found = _BATCHES.search(text)
    if found:
        rows, targets = int(found.group(1)), int(found.group(2))
        return "runtime-loss-batch", _say(
            "{name} {where}: the output has {rows} rows but the target has {targets}: each "
            "sample needs one output row. A flatten that merges the batch (x.view(-1, …) with a "
            "wrong size) or a missing flatten changes the number of rows; flatten with "
            "x.view(x.size(0), -1) (p.86–88, 121–123).",
            "{name} {where_ko}: 출력은 {rows}행인데 정답(target)은 {targets}개입니다: 샘플마다 "
            "출력 한 행이 필요합니다. 배치 차원을 섞는 펼치기(크기가 틀린 x.view(-1, …))나 빠진 "
            "펼치기가 행 수를 바꿉니다. x.view(x.size(0), -1)로 펼치세요 (p.86–88, 121–123).",
            name=name or "nn.CrossEntropyLoss",
            where=where["en"],
            where_ko=where["ko"],
            rows=rows,
            targets=targets,
        )
    ce = (
        "multi-target not supported" in text
        or "expected scalar type Long" in text
        or "expected target dtype to be Long" in text
        or "Expected floating point type for target with class probabilities" in text
        or "for target with class probabilities" in text
        or ("nll_loss" in text and "not implemented for" in text)
    )
    if ce:
        target = layer.target if layer is not None else None
        target_dtype = layer.target_dtype if layer is not None else None
        seen = ""
        if target is not None:
            seen = f" {_shape_text(target)}" + (f" {target_dtype}" if target_dtype else "")
        return "runtime-ce-target", _say(
            "{name} {where}: the target{seen} must hold class numbers — shape (N,), dtype int64 "
            "(torch.long), not one-hot or float values: pass y.long() (or y.squeeze(1).long()) "
            "(p.86–88).",
            "{name} {where_ko}: 정답(target){seen}은 클래스 번호여야 합니다 — 모양 (N,), dtype "
            "int64(torch.long). 원-핫이나 실수 값이 아닙니다: y.long() (또는 y.squeeze(1).long())을 "
            "넘기세요 (p.86–88).",
            name=name or "nn.CrossEntropyLoss",
            where=where["en"],
            where_ko=where["ko"],
            seen=seen,
        )
    if "Found dtype Long but expected Float" in text or (
        "result type Float can't be cast to the desired output type Long" in text
    ):
        return "runtime-loss-target-dtype", _say(
            "{name} {where}: the target is an integer tensor, but this loss compares real "
            "numbers: pass y.float() (p.84–85).",
            "{name} {where_ko}: 정답(target)이 정수 텐서인데 이 손실 함수는 실수를 비교합니다: "
            "y.float()를 넘기세요 (p.84–85).",
            name=name or "the loss",
            where=where["en"],
            where_ko=where["ko"],
        )
    return None


_DTYPE = re.compile(
    r"must have the same dtype|expected scalar type (Float|Double|Half) but found (Float|Double|Half)"
    r"|Input type \((\w+)\) and (bias|weight) type \((\w+)\) should be the same"
    r"|expected m1 and m2 to have the same dtype|should be the same dtype|found dtype Double"
)


def _dtype(fault: Fault) -> tuple[str, Text] | None:
    if not _DTYPE.search(fault.message):
        return None
    layer = fault.failing
    name = layer.call if layer is not None else "a layer"
    seen = f" ({layer.dtype})" if layer is not None and layer.dtype else ""
    where = fault.where()
    if (layer is not None and layer.dtype in ("int64", "int32", "uint8")) or "got Long" in (
        fault.message
    ):
        return "runtime-dtype", _say(
            "{name} {where} received an integer tensor{seen}: its weights are float32, so pass "
            "x.float() (p.17–26).",
            "{name} {where_ko}에 정수 텐서가 들어왔습니다{seen}: 가중치가 float32이므로 x.float()를 "
            "넘기세요 (p.17–26).",
            name=name,
            where=where["en"],
            where_ko=where["ko"],
            seen=seen,
        )
    return "runtime-dtype", _say(
        "{name} {where} received an input of another dtype{seen} than its float32 weights — "
        "NumPy arrays become float64. Convert it: torch.tensor(x, dtype=torch.float32) or "
        "x.float() (p.17–26).",
        "{name} {where_ko}에 가중치(float32)와 다른 dtype의 입력이 들어왔습니다{seen} — NumPy "
        "배열은 float64가 됩니다. torch.tensor(x, dtype=torch.float32) 또는 x.float()로 바꾸세요 "
        "(p.17–26).",
        name=name,
        where=where["en"],
        where_ko=where["ko"],
        seen=seen,
    )


def _device(fault: Fault) -> tuple[str, Text] | None:
    text = fault.message
    if not (
        "same device" in text
        or "not compiled with CUDA" in text
        or "NVIDIA driver" in text
        or ("CUDA" in text and fault.exception in ("AssertionError", "RuntimeError"))
    ):
        return None
    return "runtime-device", _say(
        "{where_en}the code moves a tensor or the model to the GPU ('cuda'), or mixes devices: "
        "graded code runs on the CPU. Leave devices out, or use "
        "device = 'cuda' if torch.cuda.is_available() else 'cpu' for both model and data "
        "(p.17–26).",
        "{where_ko}코드가 텐서나 모델을 GPU('cuda')로 옮기거나 장치를 섞어 씁니다: 채점은 CPU에서 "
        "합니다. 장치 지정을 빼거나, 모델과 데이터 모두에 device = 'cuda' if "
        "torch.cuda.is_available() else 'cpu'를 쓰세요 (p.17–26).",
        where_en=f"line {fault.line}: " if fault.line else "",
        where_ko=f"{fault.line}번 줄: " if fault.line else "",
    )


def _inside_layer(fault: Fault) -> tuple[str, Text] | None:
    """Nothing more specific: at least the layer that raised and what it was given."""
    layer = fault.failing
    if layer is None or fault.exception not in ("RuntimeError", "IndexError", "ValueError"):
        return None
    return "runtime-layer", _say(
        "The {exception} was raised inside {name} {where}, given an input of shape {shape}: "
        "check that layer's arguments against the shape of what feeds it.",
        "{exception}이(가) {name} 안에서 발생했습니다 {where_ko}. 입력 모양은 {shape}입니다: 그 층의 "
        "인자가 들어오는 값의 모양과 맞는지 확인하세요.",
        exception=fault.exception,
        name=layer.call,
        where=fault.where()["en"],
        where_ko=fault.where()["ko"],
        shape=_shape_text(layer.shape_in),
    )


EXPLAINERS: tuple[Explainer, ...] = (
    _linear_size,
    _conv,
    _rnn,
    _embedding,
    _view,
    _loss,
    _dtype,
    _device,
    _inside_layer,
)


def explain(data: Any) -> Diagnosis | None:
    """The explanation of one fault (see :mod:`grader.inside.layertrace`), or None."""
    fault = Fault.read(data)
    if fault is None:
        return None
    for explainer in EXPLAINERS:
        found = explainer(fault)
        if found is not None:
            key, text = found
            words = {lang: " ".join(text[lang].split()) for lang in ("en", "ko")}
            return Diagnosis(id=key, message=words)
    return None


def explain_all(faults: Sequence[Any], most: int = 2) -> list[Diagnosis]:
    """One explanation per error, in check order: the same exception on the same line
    (whatever the batch size) is explained once."""
    found: list[Diagnosis] = []
    seen: set[str] = set()
    for data in faults:
        fault = Fault.read(data)
        if fault is None:
            continue
        key = f"{fault.line}:{fault.exception}:{re.sub(r'[0-9]+', '#', fault.message)}"
        if key in seen:
            continue
        diagnosis = explain(data)
        if diagnosis is not None and all(d.id != diagnosis.id for d in found):
            seen.add(key)
            found.append(diagnosis)
        if len(found) >= most:
            break
    return found
