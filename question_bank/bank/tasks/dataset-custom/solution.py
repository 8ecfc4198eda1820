import torch
from torch.utils.data import Dataset


class CustomDataset(Dataset):
    """특성 (샘플 수, F)와 정수 레이블을 담아 (x float32 (F,), y int64 ()) 쌍을 돌려주는 데이터셋."""

    def __init__(self, features, labels):
        # as_tensor는 리스트, NumPy 배열, 텐서를 모두 받아 원하는 dtype의 텐서로 만듭니다.
        self.x = torch.as_tensor(features, dtype=torch.float32)
        self.y = torch.as_tensor(labels, dtype=torch.int64)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]
