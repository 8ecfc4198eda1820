"""Hidden checks for transfer-freeze: features frozen, a new trainable classifier, same model back."""

import torch
from torch import nn

from grader.probe import Probe
from grader.text import tr


class Pretrained(nn.Module):
    """A small stand-in for a pretrained network: `features` then a Linear `classifier`.

    `features` holds every kind of layer a pretrained network has (convolution, batch norm,
    a nested block with a Linear, as in the prompt's example), and the model has a learnable
    `scale` of its own outside both, which must stay trainable.
    """

    def __init__(self, channels: int, old_classes: int) -> None:
        super().__init__()
        width = channels * 4
        self.features = nn.Sequential(
            nn.Conv2d(1, channels, 3, padding=1),
            nn.BatchNorm2d(channels),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d(2),
            nn.Flatten(),
            nn.Sequential(nn.Linear(width, width), nn.ReLU()),
        )
        self.scale = nn.Parameter(torch.ones(1))
        self.classifier = nn.Linear(width, old_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.features(x) * self.scale)


class Encoder(nn.Module):
    """A `features` module that is no Sequential: a parameter of its own, layers in a ModuleDict."""

    def __init__(self) -> None:
        super().__init__()
        self.offset = nn.Parameter(torch.zeros(8))
        self.blocks = nn.ModuleDict(
            {"first": nn.Linear(8, 8), "second": nn.ModuleList([nn.Linear(8, 6), nn.LayerNorm(6)])}
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.relu(self.blocks["first"](x + self.offset))
        for layer in self.blocks["second"]:
            x = layer(x)
        return x


class Custom(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.features = Encoder()
        self.classifier = nn.Linear(6, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.features(x))


def _custom_features(p: Probe, prepare_for_transfer) -> None:
    """features is one custom module (not iterable), num_classes is given by keyword."""
    with p.seeded(9):
        model = Custom()
    with p.check(
        tr(
            "features with a parameter of its own and a ModuleDict, num_classes=2 by keyword: "
            "every parameter of model.features is frozen",
            "자기 파라미터와 ModuleDict를 가진 features, 키워드 인자 num_classes=2: "
            "model.features의 모든 파라미터가 동결됨",
        ),
        points=2,
    ):
        returned = prepare_for_transfer(model, num_classes=2)
        p.observe(
            tr("the returned object is the model", "반환된 객체가 넘겨받은 모델임"),
            returned is model,
        )
        trainable = [n for n, param in p.parameters(model.features) if p.requires_grad(param)]
        p.observe(
            tr(
                "feature parameters with requires_grad=True",
                "requires_grad=True인 features 파라미터 수",
            ),
            len(trainable),
            note=", ".join(trainable) or None,
        )
    with p.check(
        tr(
            "features with a parameter of its own and a ModuleDict: a new trainable nn.Linear(6, 2)",
            "자기 파라미터와 ModuleDict를 가진 features: 학습 가능한 새 nn.Linear(6, 2)",
        )
    ):
        head = model.classifier
        p.kind(tr("classifier type", "classifier의 타입"), head)
        p.observe(tr("out_features", "out_features"), getattr(head, "out_features", None))
        p.observe(
            tr(
                "classifier parameters with requires_grad=True",
                "requires_grad=True인 classifier 파라미터 수",
            ),
            sum(1 for _n, param in p.parameters(head) if p.requires_grad(param)),
        )
        p.shape(tr("output shape", "출력 모양"), model(p.randn(3, 8)))


def _computes_linear(p: Probe, head: nn.Module, x: torch.Tensor) -> bool:
    """Whether the head's outputs are those of a Linear with its own weight and bias: a head
    that only says it is one (or whose forward was replaced) gives other values."""
    tables = dict(p.parameters(head))
    weight, bias = tables.get("weight"), tables.get("bias")
    if weight is None or bias is None:
        return False
    try:
        with torch.no_grad():
            got = head(x)
            expected = x @ weight.detach().T + bias.detach()
    except Exception:  # a head of the wrong shape: the observations before say which
        return False
    return (
        type(got) is torch.Tensor
        and got.shape == expected.shape
        and bool(torch.allclose(got, expected, atol=1e-5))
    )


def probe(p: Probe) -> None:
    prepare_for_transfer = p.function("prepare_for_transfer")
    for channels, old, new in ((4, 10, 3), (3, 6, 7)):
        in_features = channels * 4
        setup = f"features → {in_features}, {old} → {new} classes"
        setup_ko = f"features → {in_features}, 클래스 {old}개 → {new}개"
        with p.seeded(channels):
            model = Pretrained(channels, old)
        features, old_classifier = model.features, model.classifier
        before = [param.detach().clone() for _n, param in p.parameters(features)]

        returned = None
        with p.check(
            tr(f"returns the same model object ({setup})", f"같은 모델 객체를 반환함 ({setup_ko})")
        ):
            returned = prepare_for_transfer(model, new)
            p.observe(
                tr("the returned object is the model", "반환된 객체가 넘겨받은 모델임"),
                returned is model,
                fail=tr(
                    "expected the model object that was passed in, changed in place",
                    "넘겨받은 모델 객체를 제자리에서 바꿔 그대로 반환해야 함",
                ),
            )
        with p.check(
            tr(
                f"every parameter of model.features is frozen ({setup})",
                f"model.features의 모든 파라미터가 동결됨 ({setup_ko})",
            ),
            points=2,
        ):
            trainable = [n for n, param in p.parameters(features) if p.requires_grad(param)]
            p.observe(
                tr(
                    "feature parameters with requires_grad=True",
                    "requires_grad=True인 features 파라미터 수",
                ),
                len(trainable),
                note=", ".join(trainable) or None,
            )
            p.observe(
                tr("model.features is the original module", "model.features가 원래 모듈임"),
                model.features is features,
            )
            current = [param for _n, param in p.parameters(features)]
            for i, (param, old_value) in enumerate(zip(current, before, strict=True)):
                p.observe(
                    tr(
                        f"feature parameter {i} keeps its values",
                        f"features 파라미터 {i}의 값이 그대로임",
                    ),
                    bool(torch.equal(param, old_value)),
                )
        with p.check(
            tr(
                f"parameters outside model.features and model.classifier stay trainable ({setup})",
                f"model.features와 model.classifier 밖의 파라미터는 학습 가능하게 남음 ({setup_ko})",
            )
        ):
            p.observe(
                tr("model.scale.requires_grad", "model.scale.requires_grad"),
                p.requires_grad(model.scale),
            )
        with p.check(
            tr(
                f"model.classifier is a new nn.Linear({in_features}, {new}) with bias ({setup})",
                f"model.classifier가 bias가 있는 새 nn.Linear({in_features}, {new})임 ({setup_ko})",
            ),
            points=3,
        ):
            head = model.classifier
            p.kind(tr("classifier type", "classifier의 타입"), head)
            p.observe(
                tr("classifier is a new layer", "classifier가 새 층임"), head is not old_classifier
            )
            p.observe(tr("in_features", "in_features"), getattr(head, "in_features", None))
            p.observe(tr("out_features", "out_features"), getattr(head, "out_features", None))
            p.observe(tr("has a bias", "bias가 있음"), getattr(head, "bias", None) is not None)
            x = p.randn(4, in_features)
            p.observe(
                tr(
                    "it computes x @ weight.T + bias (checked by its outputs)",
                    "출력이 x @ weight.T + bias와 같음 (출력으로 확인)",
                ),
                _computes_linear(p, head, x),
            )
        with p.check(
            tr(
                f"the new classifier is trainable: requires_grad=True ({setup})",
                f"새 classifier는 학습 가능: requires_grad=True ({setup_ko})",
            )
        ):
            p.observe(
                tr(
                    "classifier parameters with requires_grad=True",
                    "requires_grad=True인 classifier 파라미터 수",
                ),
                sum(1 for _n, param in p.parameters(model.classifier) if p.requires_grad(param)),
            )
        with p.check(
            tr(
                f"after backward, only the classifier has gradients ({setup})",
                f"backward 뒤에는 classifier에만 기울기가 있음 ({setup_ko})",
            )
        ):
            head_params = [param for _n, param in p.parameters(model.classifier)]
            model.zero_grad()
            model(p.randn(3, 1, 6, 6)).pow(2).mean().backward()
            p.observe(
                tr("feature parameters that got a gradient", "기울기를 받은 features 파라미터 수"),
                sum(1 for _n, param in p.parameters(features) if p.grad(param) is not None),
            )
            p.observe(
                tr(
                    "classifier parameters that got a gradient",
                    "기울기를 받은 classifier 파라미터 수",
                ),
                sum(1 for param in head_params if p.grad(param) is not None),
            )
        with p.check(
            tr(
                f"output shape of the prepared model ({setup})",
                f"준비된 모델의 출력 모양 ({setup_ko})",
            )
        ):
            p.shape(tr("output shape", "출력 모양"), model(p.randn(5, 1, 6, 6)))
    _custom_features(p, prepare_for_transfer)

    # Every input class of task.yaml's contract: the model handed over in train or eval mode;
    # after the call its frozen parameters still hold their values.
    p.contract_checks(prepare_for_transfer, lambda: {"model": Pretrained(2, 5)})
