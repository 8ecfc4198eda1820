# mistake: sets a plain attribute on the module; its parameters still require gradients
from torch import nn


def prepare_for_transfer(model, num_classes):
    model.features.requires_grad = False
    model.classifier = nn.Linear(model.classifier.in_features, num_classes)
    return model
