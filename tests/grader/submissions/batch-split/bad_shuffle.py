# wrong: shuffles like DataLoader(shuffle=True); the order must stay as in x and y
from torch.utils.data import DataLoader, TensorDataset


def split_batches(x, y, batch_size):
    return list(DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=True))
