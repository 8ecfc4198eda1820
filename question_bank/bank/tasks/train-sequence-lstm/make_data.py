"""Generate data.npz and answers.npz: token sequences whose label depends on order.

    python make_data.py            # rebuild the two files (numpy only, seed 0)
    python make_data.py --measure  # also train the two models DATA.md reports (needs torch)

Every sequence holds random filler tokens (ids 3 … V−1) and, once each, the two
marker tokens 1 and 2 at random places. The label is 1 when 1 comes before 2,
else 0. Which tokens a sequence holds says nothing about the label (both orders
use the same tokens), so a bag-of-embeddings model stays near chance; a model
that reads in order (an LSTM) learns it. Lengths vary from 6 to T = 20 tokens;
shorter sequences are left-padded with 0.
"""

import sys
import time
from pathlib import Path

import numpy as np

SEED = 0
VOCAB = 50  # ids 0 … 49; 0 is padding
LENGTH = 20
N_TRAIN, N_TEST = 2000, 500


def generate(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = np.zeros((n, LENGTH), dtype=np.int64)
    y = np.zeros(n, dtype=np.int64)
    for i in range(n):
        size = int(rng.integers(6, LENGTH + 1))
        tokens = rng.integers(3, VOCAB, size=size)
        first, second = rng.choice(size, size=2, replace=False)
        tokens[first], tokens[second] = 1, 2
        x[i, LENGTH - size :] = tokens
        y[i] = int(first < second)
    return x, y


def measure(x_train, y_train, x_test, y_test) -> None:
    """Train a bag-of-embeddings model and an LSTM as a student would; print both."""
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, TensorDataset

    class Bag(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = nn.Embedding(VOCAB, 32, padding_idx=0)
            self.out = nn.Linear(32, 2)

        def forward(self, x):
            return self.out(self.embed(x).mean(dim=1))

    class Reader(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = nn.Embedding(VOCAB, 16, padding_idx=0)
            self.lstm = nn.LSTM(16, 32, batch_first=True)
            self.out = nn.Linear(32, 2)

        def forward(self, x):
            _, (h, _) = self.lstm(self.embed(x))
            return self.out(h[-1])

    torch.set_num_threads(1)
    data = TensorDataset(torch.from_numpy(x_train), torch.from_numpy(y_train))
    for name, make, epochs in (("bag of embeddings", Bag, 30), ("LSTM", Reader, 15)):
        torch.manual_seed(SEED)
        model = make()
        optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
        loader = DataLoader(data, batch_size=64, shuffle=True)
        start = time.process_time()
        for _ in range(epochs):
            for xb, yb in loader:
                optimizer.zero_grad()
                nn.functional.cross_entropy(model(xb), yb).backward()
                optimizer.step()
        cpu = time.process_time() - start
        with torch.no_grad():
            guess = model.eval()(torch.from_numpy(x_test)).argmax(dim=1).numpy()
        print(f"{name}: {epochs} epochs, accuracy {(guess == y_test).mean():.3f}, CPU {cpu:.1f} s")


if __name__ == "__main__":
    rng = np.random.default_rng(SEED)
    x_train, y_train = generate(N_TRAIN, rng)
    x_test, y_test = generate(N_TEST, rng)
    here = Path(__file__).parent
    np.savez_compressed(here / "data.npz", x_train=x_train, y_train=y_train, x_test=x_test)
    np.savez_compressed(here / "answers.npz", y_test=y_test)
    if "--measure" in sys.argv:
        measure(x_train, y_train, x_test, y_test)
