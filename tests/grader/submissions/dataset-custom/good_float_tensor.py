# correct: torch.FloatTensor / torch.LongTensor on NumPy copies
import numpy as np
import torch
import torch.utils.data


class CustomDataset(torch.utils.data.Dataset):
    def __init__(self, features, labels):
        self.x = torch.FloatTensor(np.array(features, dtype=np.float32))
        self.y = torch.LongTensor(np.array(labels, dtype=np.int64))

    def __len__(self):
        return self.y.size(0)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]
