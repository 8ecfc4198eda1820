# correct: freezes by parameter name prefix, replaces the layer with add_module
from torch import nn


def prepare_for_transfer(model, num_classes):
    for name, param in model.named_parameters():
        if name.startswith("features."):
            param.requires_grad = False
    old = model.classifier
    model.add_module("classifier", nn.Linear(old.weight.shape[1], num_classes))
    return model
