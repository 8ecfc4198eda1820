import torch


def train_one_epoch(model, loader, criterion, optimizer) -> float:
    """model을 loader의 데이터로 한 에폭 학습하고 배치 손실의 평균을 파이썬 float으로 반환합니다."""
    device = torch.device("cuda")
    model = model.to(device)
    model.train()  # 드롭아웃, 배치정규화를 학습 모드로
    total_loss = 0.0
    num_batches = 0
    for x, y in loader:
        optimizer.zero_grad()  # 이전 배치의 기울기가 누적되지 않도록
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        total_loss += loss.item()  # .item(): 그래프와 분리된 파이썬 float
        num_batches += 1
    return total_loss / num_batches
