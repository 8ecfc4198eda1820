# correct: Module.requires_grad_(False) freezes every parameter of the submodule
import torch.nn as nn


def prepare_for_transfer(model, num_classes):
    model.features.requires_grad_(False)
    model.classifier = nn.Linear(model.classifier.in_features, num_classes, bias=True)
    return model
