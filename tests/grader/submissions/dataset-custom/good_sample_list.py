# correct: builds the list of (x, y) pairs once in __init__
import torch
from torch.utils.data import Dataset


class CustomDataset(Dataset):
    def __init__(self, features, labels):
        features = torch.as_tensor(features).float()
        self.samples = [
            (features[i], torch.tensor(int(label), dtype=torch.int64))
            for i, label in enumerate(labels)
        ]

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        return self.samples[idx]
