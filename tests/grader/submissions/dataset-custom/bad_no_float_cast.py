# mistake: no dtype for the features, so integer lists stay int64 and NumPy float64 stays float64
import torch
from torch.utils.data import Dataset


class CustomDataset(Dataset):
    def __init__(self, features, labels):
        self.x = torch.as_tensor(features)
        self.y = torch.as_tensor(labels, dtype=torch.long)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]
