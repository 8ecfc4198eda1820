"""Shapes through convolutions and pooling: the map after each layer, and what would fix it.

Replays the image path of a fault's finished layers (:mod:`grader.verdict.faults`) to say
what the flattened size is, and whether ``padding=k//2`` or one pooling more or less gives
the size a Linear expects.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from grader.text import Text
from grader.verdict.faults import CONV, POOL, Fault, Layer, join, say, shape_text


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


def image_path(layers: list[Layer], final: list[int] | None) -> tuple[list[int], list[Step]] | None:
    """The image's (C, H, W) at the start and each step of the last forward pass's conv path."""
    start: list[int] | None = None
    steps: list[Step] = []
    previous: list[int] | None = None
    for layer in layers:
        if layer.type not in CONV[1:] + POOL[:2]:
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
        is_conv = layer.type in CONV
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


def chain_text(steps: list[Step]) -> str:
    return " → ".join(f"{s.name} {shape_text(['N', *s.out])}" for s in steps)


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
    return say(
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
            return say(
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
    convs = [x for x in steps_from if x.type in CONV[1:] and x.get("out_channels")]
    if not convs:
        return None
    channels = convs[-1].get("out_channels") or 1
    if per_image % channels:
        return None
    side = math.isqrt(per_image // channels)
    return [channels, side, side] if side * side * channels == per_image else None


def sizes_after_convs(fault: Fault, layer: Layer | None, wanted: int, got: int) -> Text | None:
    """The shape after each conv/pool, and what padding or pooling would change."""
    before = fault.before(layer)
    found = image_path(before, _final_map(before, got))
    if found is None:
        return None
    start, steps = found
    last = steps[-1].out
    if math.prod(last) != got:
        return None
    shapes = say(
        "Shapes after each layer: {chain}; flattened that is {dims} = {got} values per image.",
        "층마다 출력 모양: {chain}. 펼치면 이미지마다 {dims} = {got}개입니다.",
        chain=chain_text(steps),
        dims=_dims(last),
        got=got,
    )
    fix = _padding_fix(start, steps, wanted) or _pool_fix(last, wanted)
    if fix is None:
        fix = say(
            "Make in_features {got} ({dims}), or change the convolutions and pooling so that the "
            "map is what the Linear expects (p.105–106, 121–123).",
            "in_features를 {got}({dims})로 하거나, Linear가 기대하는 크기가 되도록 합성곱과 풀링을 "
            "고치세요 (p.105–106, 121–123).",
            got=got,
            dims=_dims(last),
        )
    return join(shapes, fix)
