import torch


def evaluate(model, loader) -> float:
    """평가 모드, 기울기 추적 없이 loader 전체의 정확도(맞힌 수 / 전체 수)를 float으로 반환합니다."""
    # TODO: eval 모드 → no_grad 안에서 배치마다 argmax 예측 → 맞힌 수 누적 → 정확도 반환
    raise NotImplementedError("evaluate를 완성하세요")
