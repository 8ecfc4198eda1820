"""Explaining the loss, dtype and device errors."""

from __future__ import annotations

import re

from grader.text import Text
from grader.verdict.faults import Fault, at, say, shape_text

_BATCHES = re.compile(r"Expected input batch_size \((\d+)\) to match target batch_size \((\d+)\)")


def loss(fault: Fault) -> tuple[str, Text] | None:
    text = fault.message
    layer = fault.failing
    name = layer.call if layer is not None and "Loss" in layer.type else None
    if "between 0 and 1" in text:
        span = layer.range if layer is not None else None
        seen = f" ({span[0]:.3g} … {span[1]:.3g})" if span else ""
        return "runtime-bce-range", at(
            fault,
            "{name} {where} received values outside 0 … 1{seen}: BCELoss takes probabilities, so "
            "end the model with nn.Sigmoid(), or give raw outputs to nn.BCEWithLogitsLoss "
            "(p.84–85).",
            "{name} {where_ko}에 0 … 1 밖의 값이 들어왔습니다{seen}: BCELoss는 확률을 받으므로 "
            "모델 끝에 nn.Sigmoid()를 두거나, 그대로의 출력은 nn.BCEWithLogitsLoss에 주세요 "
            "(p.84–85).",
            name=name or "nn.BCELoss",
            seen=seen,
        )
    if "Using a target size" in text and "different to the input size" in text:
        return "runtime-loss-target-shape", at(
            fault,
            "{name} {where}: the target's shape differs from the output's (e.g. (N,) against "
            "(N, 1)). Make them the same: y.float().view(-1, 1) or output.squeeze(1) (p.84–85).",
            "{name} {where_ko}: 정답(target)의 모양이 출력과 다릅니다 (예: (N,)와 (N, 1)). "
            "y.float().view(-1, 1) 또는 output.squeeze(1)로 모양을 맞추세요 (p.84–85).",
            name=name or "the loss",
        )
    found = _BATCHES.search(text)
    if found:
        rows, targets = int(found.group(1)), int(found.group(2))
        return "runtime-loss-batch", at(
            fault,
            "{name} {where}: the output has {rows} rows but the target has {targets}: each "
            "sample needs one output row. A flatten that merges the batch (x.view(-1, …) with a "
            "wrong size) or a missing flatten changes the number of rows; flatten with "
            "x.view(x.size(0), -1) (p.86–88, 121–123).",
            "{name} {where_ko}: 출력은 {rows}행인데 정답(target)은 {targets}개입니다: 샘플마다 "
            "출력 한 행이 필요합니다. 배치 차원을 섞는 펼치기(크기가 틀린 x.view(-1, …))나 빠진 "
            "펼치기가 행 수를 바꿉니다. x.view(x.size(0), -1)로 펼치세요 (p.86–88, 121–123).",
            name=name or "nn.CrossEntropyLoss",
            rows=rows,
            targets=targets,
        )
    return None


def loss_target(fault: Fault) -> tuple[str, Text] | None:
    """A target of the wrong kind for the loss: class numbers, or real numbers."""
    text = fault.message
    layer = fault.failing
    name = layer.call if layer is not None and "Loss" in layer.type else None
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
            seen = f" {shape_text(target)}" + (f" {target_dtype}" if target_dtype else "")
        return "runtime-ce-target", at(
            fault,
            "{name} {where}: the target{seen} must hold class numbers — shape (N,), dtype int64 "
            "(torch.long), not one-hot or float values: pass y.long() (or y.squeeze(1).long()) "
            "(p.86–88).",
            "{name} {where_ko}: 정답(target){seen}은 클래스 번호여야 합니다 — 모양 (N,), dtype "
            "int64(torch.long). 원-핫이나 실수 값이 아닙니다: y.long() (또는 y.squeeze(1).long())을 "
            "넘기세요 (p.86–88).",
            name=name or "nn.CrossEntropyLoss",
            seen=seen,
        )
    if "Found dtype Long but expected Float" in text or (
        "result type Float can't be cast to the desired output type Long" in text
    ):
        return "runtime-loss-target-dtype", at(
            fault,
            "{name} {where}: the target is an integer tensor, but this loss compares real "
            "numbers: pass y.float() (p.84–85).",
            "{name} {where_ko}: 정답(target)이 정수 텐서인데 이 손실 함수는 실수를 비교합니다: "
            "y.float()를 넘기세요 (p.84–85).",
            name=name or "the loss",
        )
    return None


_DTYPE = re.compile(
    r"must have the same dtype|expected scalar type (Float|Double|Half) but found (Float|Double|Half)"
    r"|Input type \((\w+)\) and (bias|weight) type \((\w+)\) should be the same"
    r"|expected m1 and m2 to have the same dtype|should be the same dtype|found dtype Double"
)


def dtype(fault: Fault) -> tuple[str, Text] | None:
    if not _DTYPE.search(fault.message):
        return None
    layer = fault.failing
    name = layer.call if layer is not None else "a layer"
    seen = f" ({layer.dtype})" if layer is not None and layer.dtype else ""
    if (layer is not None and layer.dtype in ("int64", "int32", "uint8")) or "got Long" in (
        fault.message
    ):
        return "runtime-dtype", at(
            fault,
            "{name} {where} received an integer tensor{seen}: its weights are float32, so pass "
            "x.float() (p.17–26).",
            "{name} {where_ko}에 정수 텐서가 들어왔습니다{seen}: 가중치가 float32이므로 x.float()를 "
            "넘기세요 (p.17–26).",
            name=name,
            seen=seen,
        )
    return "runtime-dtype", at(
        fault,
        "{name} {where} received an input of another dtype{seen} than its float32 weights — "
        "NumPy arrays become float64. Convert it: torch.tensor(x, dtype=torch.float32) or "
        "x.float() (p.17–26).",
        "{name} {where_ko}에 가중치(float32)와 다른 dtype의 입력이 들어왔습니다{seen} — NumPy "
        "배열은 float64가 됩니다. torch.tensor(x, dtype=torch.float32) 또는 x.float()로 바꾸세요 "
        "(p.17–26).",
        name=name,
        seen=seen,
    )


def device(fault: Fault) -> tuple[str, Text] | None:
    text = fault.message
    if not (
        "same device" in text
        or "not compiled with CUDA" in text
        or "NVIDIA driver" in text
        or ("CUDA" in text and fault.exception in ("AssertionError", "RuntimeError"))
    ):
        return None
    return "runtime-device", say(
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
