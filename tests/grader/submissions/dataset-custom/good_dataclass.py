# correct: a dataclass Dataset that converts in __post_init__ with torch.as_tensor
from dataclasses import dataclass
from typing import Any

import torch
from torch.utils.data import Dataset


@dataclass
class CustomDataset(Dataset):
    features: Any
    labels: Any

    def __post_init__(self):
        self.features = torch.as_tensor(self.features).to(torch.float32)
        self.labels = torch.as_tensor(self.labels).long()

    def __len__(self):
        return self.labels.shape[0]

    def __getitem__(self, idx):
        return self.features[idx], self.labels[idx]
