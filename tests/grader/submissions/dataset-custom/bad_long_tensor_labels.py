# wrong: torch.LongTensor(...) refuses a tensor of another integer dtype (int32 labels)
import torch
from torch.utils.data import Dataset


class CustomDataset(Dataset):
    def __init__(self, features, labels):
        self.x = torch.as_tensor(features, dtype=torch.float32)
        self.y = torch.LongTensor(labels)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
