import torch


def evaluate(model, loader) -> float:
    """평가 모드, 기울기 추적 없이 loader 전체의 정확도(맞힌 수 / 전체 수)를 float으로 반환합니다."""
    model.eval()  # 드롭아웃 끔, 배치정규화는 이동 평균 사용
    correct = 0
    total = 0
    with torch.no_grad():  # 평가에는 기울기가 필요 없음
        for x, y in loader:
            predicted = model(x).argmax(dim=1)
            correct += (predicted == y).sum().item()
            total += y.size(0)
    return correct / total
