"""Hidden checks for dataset-custom: len, (x float32 (F,), y int64 ()) items, DataLoader batches."""

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

from grader.probe import Probe


def probe(p: Probe) -> None:
    CustomDataset = p.cls("CustomDataset", base=Dataset)
    int_rows = p.randint(-5, 6, 10, 3).tolist()  # a 2-D list of ints: 10 samples, 3 features
    labels = p.randint(0, 4, 10).tolist()
    float_array = p.randn(7, 4, dtype=torch.float64).numpy()  # NumPy float64: 7 samples, 4 features
    array_labels = np.array(p.randint(0, 3, 7).tolist(), dtype=np.int64)

    from_lists = p.build("CustomDataset(list of lists, list of ints)", lambda: CustomDataset(int_rows, labels))
    with p.check("len(ds) is the number of samples (lists)"):
        p.observe("len(ds)", len(from_lists))
    with p.check("ds[3] from lists: x is float32 of shape (F,), y is int64 of shape ()", points=2):
        x, y = p.unpack(from_lists[3], 2, "ds[3]")
        p.tensor("x of ds[3]", x, atol=0, rtol=0)
        p.tensor("y of ds[3]", y, atol=0, rtol=0)

    with p.check("len(ds) and ds[i] from a NumPy float64 array", points=2):
        ds = CustomDataset(float_array, array_labels)
        p.observe("len(ds)", len(ds))
        x, y = p.unpack(ds[6], 2, "ds[6]")
        p.tensor("x of ds[6]", x, atol=0, rtol=0)
        p.tensor("y of ds[6]", y, atol=0, rtol=0)

    with p.check("len(ds) and ds[i] from tensors", points=2):
        ds = CustomDataset(p.randn(5, 2, dtype=torch.float64), p.randint(0, 2, 5))
        p.observe("len(ds)", len(ds))
        x, y = p.unpack(ds[0], 2, "ds[0]")
        p.tensor("x of ds[0]", x, atol=0, rtol=0)
        p.tensor("y of ds[0]", y, atol=0, rtol=0)

    with p.check("DataLoader(ds, batch_size=4): batch shapes and dtypes", points=2):
        batches = list(DataLoader(from_lists, batch_size=4))
        p.observe("number of batches", len(batches))
        first_x, first_y = p.unpack(batches[0], 2, "a batch")
        last_x, last_y = p.unpack(batches[-1], 2, "a batch")
        p.tensor("x of the first batch", first_x, atol=0, rtol=0)
        p.tensor("y of the first batch", first_y, atol=0, rtol=0)
        p.tensor("x of the last batch", last_x, atol=0, rtol=0)
        p.tensor("y of the last batch", last_y, atol=0, rtol=0)
