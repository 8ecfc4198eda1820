# mistake: the new classifier has no bias
from torch import nn


def prepare_for_transfer(model, num_classes):
    for p in model.features.parameters():
        p.requires_grad = False
    model.classifier = nn.Linear(model.classifier.in_features, num_classes, bias=False)
    return model
