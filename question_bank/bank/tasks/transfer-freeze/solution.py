from torch import nn


def prepare_for_transfer(model: nn.Module, num_classes: int) -> nn.Module:
    """model.features를 고정하고 model.classifier를 num_classes 출력의 새 Linear로 바꿉니다."""
    for param in model.features.parameters():
        param.requires_grad = False  # 특성 추출부는 학습하지 않음
    in_features = model.classifier.in_features
    model.classifier = nn.Linear(in_features, num_classes)  # 새 층은 기본으로 학습 가능
    return model
