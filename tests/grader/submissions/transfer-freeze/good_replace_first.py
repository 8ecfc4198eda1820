# correct: replaces the classifier first, then freezes the feature extractor's parameters
from torch import nn


def prepare_for_transfer(model, num_classes):
    new_head = nn.Linear(model.classifier.in_features, num_classes)
    model.classifier = new_head
    for p in model.features.parameters():
        p.requires_grad_(False)
    return model
