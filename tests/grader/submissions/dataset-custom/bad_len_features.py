# mistake: __len__ returns the number of features instead of the number of samples
import torch
from torch.utils.data import Dataset


class CustomDataset(Dataset):
    def __init__(self, features, labels):
        self.x = torch.as_tensor(features, dtype=torch.float32)
        self.y = torch.as_tensor(labels, dtype=torch.long)

    def __len__(self):
        return self.x.shape[1]

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]
