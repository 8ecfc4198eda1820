import torch
from torch.utils.data import Dataset


class CustomDataset(Dataset):
    """특성 (샘플 수, F)와 정수 레이블을 담아 (x float32 (F,), y int64 ()) 쌍을 돌려주는 데이터셋."""

    def __init__(self, features, labels):
        # TODO: features와 labels를 알맞은 dtype의 텐서로 저장하세요.
        raise NotImplementedError("CustomDataset.__init__을 완성하세요")

    def __len__(self):
        # TODO: 샘플 수를 반환하세요.
        raise NotImplementedError

    def __getitem__(self, idx):
        # TODO: idx번째 (x, y)를 반환하세요.
        raise NotImplementedError
