"""Hidden checks for transfer-freeze: features frozen, a new trainable classifier, same model back."""

import torch
from torch import nn

from grader.probe import Probe


class Pretrained(nn.Module):
    """A small stand-in for a pretrained network: `features` then a Linear `classifier`."""

    def __init__(self, channels: int, old_classes: int) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, channels, 3, padding=1),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d(2),
            nn.Flatten(),
        )
        self.classifier = nn.Linear(channels * 4, old_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.features(x))


def probe(p: Probe) -> None:
    prepare_for_transfer = p.function("prepare_for_transfer")
    for channels, old, new in ((4, 10, 3), (3, 6, 7)):
        in_features = channels * 4
        setup = f"features → {in_features}, {old} → {new} classes"
        with p.seeded(channels):
            model = Pretrained(channels, old)
        features, old_classifier = model.features, model.classifier
        before = [param.detach().clone() for param in features.parameters()]

        returned = None
        with p.check(f"returns the same model object ({setup})"):
            returned = prepare_for_transfer(model, new)
            p.observe(
                "the returned object is the model",
                returned is model,
                fail="expected the model object that was passed in, changed in place",
            )
        with p.check(f"every parameter of model.features is frozen ({setup})", points=2):
            trainable = [n for n, param in features.named_parameters() if param.requires_grad]
            p.observe("feature parameters with requires_grad=True", len(trainable),
                      note=", ".join(trainable) or None)
            p.observe("model.features is the original module", model.features is features)
            for i, (param, old_value) in enumerate(zip(features.parameters(), before)):
                p.observe(f"feature parameter {i} keeps its values", bool(torch.equal(param, old_value)))
        with p.check(f"model.classifier is a new nn.Linear({in_features}, {new}) with bias ({setup})",
                     points=3):
            head = model.classifier
            p.kind("classifier type", head)
            p.observe("classifier is a new layer", head is not old_classifier)
            p.observe("in_features", getattr(head, "in_features", None))
            p.observe("out_features", getattr(head, "out_features", None))
            p.observe("has a bias", getattr(head, "bias", None) is not None)
        with p.check(f"the new classifier is trainable: requires_grad=True ({setup})"):
            p.observe("classifier parameters with requires_grad=True",
                      sum(1 for param in model.classifier.parameters() if param.requires_grad))
        with p.check(f"after backward, only the classifier has gradients ({setup})"):
            head_params = list(model.classifier.parameters())
            model.zero_grad()
            model(p.randn(3, 1, 6, 6)).pow(2).mean().backward()
            p.observe("feature parameters that got a gradient",
                      sum(1 for param in features.parameters() if param.grad is not None))
            p.observe("classifier parameters that got a gradient",
                      sum(1 for param in head_params if param.grad is not None))
        with p.check(f"output shape of the prepared model ({setup})"):
            p.shape("output shape", model(p.randn(5, 1, 6, 6)))
