# mistake: uses the old classifier's out_features as the new layer's input size
from torch import nn


def prepare_for_transfer(model, num_classes):
    for p in model.features.parameters():
        p.requires_grad = False
    model.classifier = nn.Linear(model.classifier.out_features, num_classes)
    return model
