# mistake: freezes every parameter after replacing the classifier, so the new layer cannot learn
from torch import nn


def prepare_for_transfer(model, num_classes):
    model.classifier = nn.Linear(model.classifier.in_features, num_classes)
    for p in model.parameters():
        p.requires_grad = False
    return model
