"""Explaining the layer errors: Linear sizes, convolutions, recurrent layers, embeddings, views."""

from __future__ import annotations

import re

from grader.text import Text
from grader.verdict.conv_shapes import chain_text, image_path, sizes_after_convs
from grader.verdict.faults import CONV, POOL, RNN, Fault, Layer, at, join, say, shape_text

_MAT = re.compile(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)")


_SAME_SIZE = ("ReLU", "Sigmoid", "Tanh", "Dropout", "LeakyReLU", "GELU", "Softmax", "Identity")


def _feeding(layers: list[Layer]) -> Layer | None:
    """The last layer that set the size of what follows (activations and dropout keep it)."""
    for layer in reversed(layers):
        if layer.type not in _SAME_SIZE and not layer.type.startswith("BatchNorm"):
            return layer
    return layers[-1] if layers else None


def linear_size(fault: Fault) -> tuple[str, Text] | None:
    found = _MAT.search(fault.message)
    if not found:
        return None
    _rows, got, wanted, _out = (int(g) for g in found.groups())
    layer = fault.failing
    linear = layer if layer is not None and layer.type == "Linear" else None
    name = linear.call if linear else "nn.Linear"
    head = at(
        fault,
        "{name} {where} expects {wanted} input features but receives {got}.",
        "{name} {where_ko}: 입력 특성을 {wanted}개 기대하는데 {got}개가 들어옵니다.",
        name=name,
        wanted=wanted,
        got=got,
    )
    shape = linear.shape_in if linear else None
    feeding = _feeding(fault.before(linear))
    image = feeding is not None and (feeding.type in CONV or feeding.type in POOL)
    if shape and (len(shape) > 3 or (len(shape) == 3 and image)):
        return "runtime-flatten", join(
            head,
            say(
                "Its input has shape {shape}: flatten it first (nn.Flatten(), torch.flatten(x, 1) "
                "or x.view(x.size(0), -1)); a Linear acts on the last dimension only (p.121–123).",
                "입력 모양이 {shape}입니다: 먼저 펼치세요 (nn.Flatten(), torch.flatten(x, 1) 또는 "
                "x.view(x.size(0), -1)). Linear는 마지막 차원에만 적용됩니다 (p.121–123).",
                shape=shape_text(shape),
            ),
        )
    merged = got > wanted and got % wanted == 0
    if merged and shape and shape[0] == 1 and len(shape) == 2:  # evidence of a batch merged
        merged = any(x.shape_out and x.shape_out[0] == got // wanted for x in fault.before(linear))
    if shape and len(shape) <= 2 and merged:
        return "runtime-flatten-batch", join(
            head,
            say(
                "Its input has shape {shape}: the flatten merged the images of the batch "
                "({got} = {count} × {wanted}). torch.flatten(x) and x.view(-1) flatten the batch "
                "dimension too; keep it with torch.flatten(x, 1) or x.view(x.size(0), -1) "
                "(p.121–123).",
                "입력 모양이 {shape}입니다: 펼치기가 배치의 이미지들을 하나로 합쳤습니다 "
                "({got} = {count} × {wanted}). torch.flatten(x)와 x.view(-1)은 배치 차원까지 "
                "펼칩니다. torch.flatten(x, 1) 또는 x.view(x.size(0), -1)로 배치 차원을 남기세요 "
                "(p.121–123).",
                shape=shape_text(shape),
                got=got,
                count=got // wanted,
                wanted=wanted,
            ),
        )
    convs = sizes_after_convs(fault, linear, wanted, got)
    cause = convs if convs is not None else _linear_cause(feeding, got)
    return "runtime-linear-in-features", join(head, cause)


def _linear_cause(previous: Layer | None, got: int) -> Text:
    """Why a Linear receives ``got`` features, from the layer that feeds it."""
    if previous is not None and previous.type in RNN:
        hidden = previous.get("hidden_size")
        if previous.flag("bidirectional") and hidden and got == 2 * hidden:
            return say(
                "{rnn} is bidirectional: each step's output has 2 × hidden_size = {got} "
                "features (forward and backward directions side by side), so the Linear "
                "needs in_features=2*hidden_dim (p.172–173).",
                "{rnn}은 양방향이므로 각 시점의 출력 특성이 2 × hidden_size = {got}개입니다 "
                "(정방향과 역방향을 이어 붙임). Linear의 in_features는 2*hidden_dim이어야 "
                "합니다 (p.172–173).",
                rnn=previous.call,
                got=got,
            )
    if previous is not None and previous.features_out == got:
        return say(
            "The layer before it, {prev}, gives {got} features: a Linear's in_features must "
            "equal the size of what feeds it (p.81–83).",
            "바로 앞 층 {prev}의 출력 특성이 {got}개입니다: Linear의 in_features는 들어오는 "
            "특성 수와 같아야 합니다 (p.81–83).",
            prev=previous.call,
            got=got,
        )
    return say(
        "The input has {got} features per row: in_features must be the number of input "
        "features (p.81–83).",
        "입력의 행마다 특성이 {got}개입니다: in_features는 입력 특성 수와 같아야 합니다 (p.81–83).",
        got=got,
    )


_CHANNELS = re.compile(
    r"expected input\[([\d, ]+)\] to have (\d+) channels, but got (\d+) channels"
)
_CONV_DIMS = re.compile(r"Expected (\d)D \(unbatched\) or (\d)D \(batched\) input to (conv\w+)")
_TOO_SMALL = re.compile(
    r"Kernel size can't be greater than actual input size|Output size is too small"
)


def conv(fault: Fault) -> tuple[str, Text] | None:
    layer = fault.failing
    name = layer.call if layer else "nn.Conv2d"
    where = fault.where()
    found = _CHANNELS.search(fault.message)
    if found:
        wanted, got = int(found.group(2)), int(found.group(3))
        convs_before = [x for x in fault.before(layer) if x.type in CONV]
        if convs_before and convs_before[-1].get("out_channels") == got:
            cause = say(
                "the Conv2d before it, {prev}, gives {got} channels: in_channels must equal the "
                "previous layer's out_channels (p.113–114).",
                "앞의 {prev}의 출력 채널이 {got}개입니다: in_channels는 앞 층의 out_channels와 "
                "같아야 합니다 (p.113–114).",
                prev=convs_before[-1].call,
                got=got,
            )
        else:
            cause = say(
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
        return "runtime-conv-channels", join(head, cause)
    found = _CONV_DIMS.search(fault.message)
    if found:
        shape = layer.shape_in if layer else None
        return "runtime-conv-input", at(
            fault,
            "{name} {where} receives an input of shape {shape}: a convolution needs images of "
            "shape (N, C, H, W). Keep the images as (N, 1, 28, 28) and flatten only after the "
            "conv and pooling layers (p.113–114, 121–123).",
            "{name} {where_ko}에 모양 {shape}인 입력이 들어옵니다: 합성곱은 (N, C, H, W) 모양의 "
            "이미지가 필요합니다. 이미지를 (N, 1, 28, 28)로 두고, 펼치기는 합성곱과 풀링 층 뒤에서 "
            "하세요 (p.113–114, 121–123).",
            name=name,
            shape=shape_text(shape),
        )
    if _TOO_SMALL.search(fault.message) and layer is not None:
        path = image_path(fault.before(layer), None)
        shapes = chain_text(path[1]) if path else shape_text(layer.shape_in)
        return "runtime-map-too-small", at(
            fault,
            "{name} {where} receives a map of shape {shape}, smaller than its window. Shapes "
            "after each layer: {chain}. Too many pooling layers, or convolutions without padding "
            "shrink the image too much (p.105–106, 113–114).",
            "{name} {where_ko}에 들어오는 특성 맵 {shape}이 창보다 작습니다. 층마다 출력 모양: "
            "{chain}. 풀링이 너무 많거나, 패딩 없는 합성곱이 이미지를 너무 줄입니다 "
            "(p.105–106, 113–114).",
            name=name,
            shape=shape_text(layer.shape_in),
            chain=shapes,
        )
    return None


_RNN_SIZE = re.compile(r"input\.size\(-1\) must be equal to input_size\. Expected (\d+), got (\d+)")
_RNN_DIMS = re.compile(
    r"(LSTM|GRU|RNN): Expected input to be 2D or 3D, got (\d)D|input must have 3 dimensions, got (\d)"
)


def rnn(fault: Fault) -> tuple[str, Text] | None:
    layer = fault.failing
    name = layer.call if layer else "nn.LSTM"
    where = fault.where()
    found = _RNN_SIZE.search(fault.message)
    if found:
        wanted, got = int(found.group(1)), int(found.group(2))
        before = fault.before(layer)
        previous = before[-1] if before else None
        if previous is not None and previous.type == "Embedding":
            cause = say(
                "it is fed by {prev}, whose vectors have embedding_dim = {got} features: "
                "input_size must be embed_dim (hidden_size is the LSTM's own output size) "
                "(p.168–169, 172–173).",
                "앞의 {prev}이(가) embedding_dim = {got}차원 벡터를 줍니다: input_size는 embed_dim이어야 "
                "합니다 (hidden_size는 LSTM 자신의 출력 크기) (p.168–169, 172–173).",
                prev=previous.call,
                got=got,
            )
        else:
            cause = say(
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
        return "runtime-rnn-input-size", join(head, cause)
    if "RNN input dtype (torch.int" in fault.message:
        return "runtime-rnn-token-ids", at(
            fault,
            "{name} {where} receives token ids (an integer tensor): an LSTM reads vectors, so "
            "pass the ids through nn.Embedding(vocab_size, embed_dim) first (p.168–169).",
            "{name} {where_ko}에 토큰 번호(정수 텐서)가 그대로 들어옵니다: LSTM은 벡터를 읽으므로 "
            "먼저 nn.Embedding(vocab_size, embed_dim)을 거치세요 (p.168–169).",
            name=name,
        )
    if _RNN_DIMS.search(fault.message):
        shape = layer.shape_in if layer else None
        return "runtime-rnn-input", at(
            fault,
            "{name} {where} receives an input of shape {shape}: it needs (N, T, features) with "
            "batch_first=True — token ids go through an nn.Embedding first (p.168–169, 172–173).",
            "{name} {where_ko}에 모양 {shape}인 입력이 들어옵니다: batch_first=True이면 "
            "(N, T, 특성) 모양이어야 합니다. 토큰 번호는 먼저 nn.Embedding을 거칩니다 "
            "(p.168–169, 172–173).",
            name=name,
            shape=shape_text(shape),
        )
    return None


def embedding(fault: Fault) -> tuple[str, Text] | None:
    layer = fault.failing
    if "'indices' to have one of the following scalar types" in fault.message:
        where = fault.where()
        return "runtime-embedding-dtype", at(
            fault,
            "{name} {where} receives float values: an Embedding looks up integer token ids "
            "(int64); pass x.long() (p.160, 168–169).",
            "{name} {where_ko}에 실수 값이 들어옵니다: Embedding은 정수(int64) 토큰 번호로 찾아 "
            "쓰므로 x.long()을 넘기세요 (p.160, 168–169).",
            name=layer.call if layer is not None else "nn.Embedding",
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
        detail = say(
            "it received the negative id {low}: token ids must be 0 … num_embeddings-1.",
            "음수 번호 {low}이(가) 들어왔습니다: 토큰 번호는 0 … num_embeddings-1이어야 합니다.",
            low=low,
        )
    else:
        detail = say(
            "it received token id {high} but has rows 0 … {last} only: num_embeddings must be the "
            "vocabulary size.",
            "토큰 번호로 {high}이(가) 들어왔는데 행은 0 … {last}뿐입니다: num_embeddings는 어휘 크기여야 "
            "합니다.",
            high=high,
            last=rows - 1,
        )
    swapped = (
        say(
            "The two arguments look swapped: nn.Embedding(vocab_size, embed_dim) (p.168–169).",
            "두 인자가 뒤바뀐 것 같습니다: nn.Embedding(vocab_size, embed_dim) (p.168–169).",
        )
        if dim is not None and dim > high >= rows
        else say("(p.168–169)", "(p.168–169)")
    )
    head = {
        "en": f"{layer.call} {where['en']}:",
        "ko": f"{layer.call} {where['ko']}:",
    }
    return "runtime-embedding-index", join(head, detail, swapped)


_VIEW = re.compile(r"shape '\[([-\d, ]+)\]' is invalid for input of size (\d+)")


def view(fault: Fault) -> tuple[str, Text] | None:
    if "view size is not compatible with input tensor's size and stride" in fault.message:
        return "runtime-view-contiguous", at(
            fault,
            "x.view() {where} cannot reshape this tensor: its memory is not contiguous (after a "
            "transpose or permute, or for such an input). Use x.reshape(...), "
            "torch.flatten(x, 1) or x.contiguous().view(...) (p.17–26).",
            "x.view() {where_ko}: 메모리가 연속적이지 않은 텐서(transpose, permute 뒤 또는 그런 입력)는 "
            "view로 모양을 바꿀 수 없습니다. x.reshape(...), torch.flatten(x, 1) 또는 "
            "x.contiguous().view(...)를 쓰세요 (p.17–26).",
        )
    found = _VIEW.search(fault.message)
    if not found:
        return None
    asked = [int(v) for v in found.group(1).split(",") if v.strip()]
    size = int(found.group(2))
    head = at(
        fault,
        "view/reshape to {asked} {where}: the tensor holds {size} values, which do not fit that "
        "shape.",
        "view/reshape로 {asked} 모양을 만들 수 없습니다 {where_ko}: 텐서의 값은 {size}개입니다.",
        asked=shape_text(asked),
        size=size,
    )
    finished = fault.finished
    last = finished[-1] if finished else None
    known = [n for n in asked if n != -1]
    batch = last.shape_out[0] if last is not None and last.shape_out else 0
    if last is not None and batch > 0 and size % batch == 0 and known:
        convs = sizes_after_convs(fault, None, known[-1], size // batch)
        if convs is not None:
            return "runtime-view-size", join(head, convs)
    if last is not None and last.shape_out:
        return "runtime-view-size", join(
            head,
            say(
                "After {prev} the shape is {shape}: flatten with x.view(x.size(0), -1) and "
                "size the next layer from it (p.17–26, 121–123).",
                "{prev} 다음의 모양은 {shape}입니다: x.view(x.size(0), -1)로 펼치고 다음 층의 "
                "크기를 그에 맞추세요 (p.17–26, 121–123).",
                prev=last.call,
                shape=shape_text(last.shape_out),
            ),
        )
    return "runtime-view-size", join(
        head,
        say(
            "The product of the sizes must equal the number of values; keep the batch "
            "dimension as x.size(0) and let -1 fill in the rest (p.17–26).",
            "크기들의 곱이 값의 개수와 같아야 합니다. 배치 차원은 x.size(0)으로 두고 나머지는 -1로 "
            "채우세요 (p.17–26).",
        ),
    )
