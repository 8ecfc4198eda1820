# correct: a DataLoader over a TensorDataset, without shuffling, collected into a list
from torch.utils.data import DataLoader, TensorDataset


def split_batches(x, y, batch_size):
    return [(xb, yb) for xb, yb in DataLoader(TensorDataset(x, y), batch_size=batch_size)]
