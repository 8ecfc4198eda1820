# correct: requires_grad_ applied module by module with apply(), the head set with setattr
from torch import nn


def prepare_for_transfer(model, num_classes):
    model.features.apply(lambda module: module.requires_grad_(False))
    old = getattr(model, "classifier")  # noqa: B009
    head = nn.Linear(in_features=old.in_features, out_features=num_classes)
    setattr(model, "classifier", head)  # noqa: B010
    return model
