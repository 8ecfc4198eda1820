from torch import nn


def prepare_for_transfer(model: nn.Module, num_classes: int) -> nn.Module:
    """model.features를 고정하고 model.classifier를 num_classes 출력의 새 Linear로 바꿉니다."""
    # TODO: 1) features의 파라미터 고정  2) classifier 교체  3) model 반환
    raise NotImplementedError("prepare_for_transfer를 완성하세요")
