import torch


def split_batches(x, y, batch_size):
    # 배치마다 값을 파이썬 리스트로 꺼내 새 텐서를 만듭니다: float64는 float32, int32는 int64가 됩니다.
    batches = []
    for start in range(0, len(x), batch_size):
        xb = torch.tensor(x[start : start + batch_size].tolist())
        yb = torch.tensor(y[start : start + batch_size].tolist())
        batches.append((xb, yb))
    return batches
