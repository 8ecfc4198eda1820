"""Hidden checks for dataset-custom: len, (x float32 (F,), y int64 ()) items, DataLoader batches."""

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    CustomDataset = p.cls("CustomDataset", base=Dataset)
    int_rows = p.randint(-5, 6, 10, 3).tolist()  # a 2-D list of ints: 10 samples, 3 features
    labels = p.randint(0, 4, 10).tolist()
    float_array = p.randn(7, 4, dtype=torch.float64).numpy()  # NumPy float64: 7 samples, 4 features
    array_labels = np.array(p.randint(0, 3, 7).tolist(), dtype=np.int64)

    from_lists = p.build(
        tr(
            "CustomDataset(list of lists, list of ints)",
            "CustomDataset(리스트의 리스트, 정수 리스트)",
        ),
        lambda: CustomDataset(int_rows, labels),
    )
    with p.check(tr("len(ds) is the number of samples (lists)", "len(ds)는 샘플 수 (리스트 입력)")):
        p.observe(tr("len(ds)", "len(ds)"), len(from_lists))
    with p.check(
        tr(
            "ds[3] from lists: x is float32 of shape (F,), y is int64 of shape ()",
            "리스트 입력의 ds[3]: x는 모양 (F,)의 float32, y는 모양 ()의 int64",
        ),
        points=2,
    ):
        x, y = p.unpack(from_lists[3], 2, tr("ds[3]", "ds[3]"))
        p.tensor(tr("x of ds[3]", "ds[3]의 x"), x, atol=0, rtol=0)
        p.tensor(tr("y of ds[3]", "ds[3]의 y"), y, atol=0, rtol=0)

    with p.check(
        tr(
            "len(ds) and ds[i] from a NumPy float64 array",
            "NumPy float64 배열 입력의 len(ds)와 ds[i]",
        ),
        points=2,
    ):
        ds = CustomDataset(float_array, array_labels)
        p.observe(tr("len(ds)", "len(ds)"), len(ds))
        x, y = p.unpack(ds[6], 2, tr("ds[6]", "ds[6]"))
        p.tensor(tr("x of ds[6]", "ds[6]의 x"), x, atol=0, rtol=0)
        p.tensor(tr("y of ds[6]", "ds[6]의 y"), y, atol=0, rtol=0)

    for label_dtype in ("int32", "uint8"):
        with p.check(
            tr(
                f"labels from a NumPy {label_dtype} array: y is still int64, x float32",
                f"NumPy {label_dtype} 배열 레이블: y는 그래도 int64, x는 float32",
            ),
            points=2,
        ):
            features = np.array(p.randint(-3, 4, 6, 2).tolist(), dtype=np.int32)
            ds = CustomDataset(features, np.array(p.randint(0, 5, 6).tolist(), dtype=label_dtype))
            x, y = p.unpack(ds[2], 2, tr("ds[2]", "ds[2]"))
            p.tensor(tr("x of ds[2]", "ds[2]의 x"), x, atol=0, rtol=0)
            p.tensor(tr("y of ds[2]", "ds[2]의 y"), y, atol=0, rtol=0)
            _, batch_y = p.unpack(
                next(iter(DataLoader(ds, batch_size=3))), 2, tr("a batch", "배치")
            )
            p.tensor(tr("y of the first batch", "첫 번째 배치의 y"), batch_y, atol=0, rtol=0)

    with p.check(
        tr(
            "labels in an int32 tensor: y is still int64, x float32",
            "int32 텐서 레이블: y는 그래도 int64, x는 float32",
        ),
        points=2,
    ):
        ds = CustomDataset(p.randn(6, 3), p.randint(0, 4, 6, dtype=torch.int32))
        x, y = p.unpack(ds[3], 2, tr("ds[3]", "ds[3]"))
        p.tensor(tr("x of ds[3]", "ds[3]의 x"), x, atol=0, rtol=0)
        p.tensor(tr("y of ds[3]", "ds[3]의 y"), y, atol=0, rtol=0)
        _, batch_y = p.unpack(next(iter(DataLoader(ds, batch_size=4))), 2, tr("a batch", "배치"))
        p.tensor(tr("y of the first batch", "첫 번째 배치의 y"), batch_y, atol=0, rtol=0)

    with p.check(tr("len(ds) and ds[i] from tensors", "텐서 입력의 len(ds)와 ds[i]"), points=2):
        ds = CustomDataset(p.randn(5, 2, dtype=torch.float64), p.randint(0, 2, 5))
        p.observe(tr("len(ds)", "len(ds)"), len(ds))
        x, y = p.unpack(ds[0], 2, tr("ds[0]", "ds[0]"))
        p.tensor(tr("x of ds[0]", "ds[0]의 x"), x, atol=0, rtol=0)
        p.tensor(tr("y of ds[0]", "ds[0]의 y"), y, atol=0, rtol=0)

    with p.check(
        tr(
            "a single sample from a list of floats: len(ds), ds[0] and one batch of one",
            "실수 리스트로 된 샘플 하나: len(ds), ds[0], 샘플 하나짜리 배치",
        )
    ):
        ds = CustomDataset([[float(v) for v in p.randn(5).tolist()]], [3])
        p.observe(tr("len(ds)", "len(ds)"), len(ds))
        x, y = p.unpack(ds[0], 2, tr("ds[0]", "ds[0]"))
        p.tensor(tr("x of ds[0]", "ds[0]의 x"), x, atol=0, rtol=0)
        p.tensor(tr("y of ds[0]", "ds[0]의 y"), y, atol=0, rtol=0)
        batch_x, batch_y = p.unpack(
            next(iter(DataLoader(ds, batch_size=4))), 2, tr("a batch", "배치")
        )
        p.tensor(tr("x of the batch", "배치의 x"), batch_x, atol=0, rtol=0)
        p.tensor(tr("y of the batch", "배치의 y"), batch_y, atol=0, rtol=0)

    with p.check(
        tr(
            "a non-contiguous float32 tensor (transposed) with a tuple of labels",
            "메모리가 연속적이지 않은 float32 텐서 (전치됨)와 튜플 레이블",
        )
    ):
        ds = CustomDataset(p.randn(3, 6).t(), tuple(p.randint(0, 3, 6).tolist()))
        p.observe(tr("len(ds)", "len(ds)"), len(ds))
        x, y = p.unpack(ds[4], 2, tr("ds[4]", "ds[4]"))
        p.tensor(tr("x of ds[4]", "ds[4]의 x"), x, atol=0, rtol=0)
        p.tensor(tr("y of ds[4]", "ds[4]의 y"), y, atol=0, rtol=0)

    with p.check(
        tr(
            "DataLoader(ds, batch_size=4): batch shapes and dtypes",
            "DataLoader(ds, batch_size=4): 배치의 모양과 dtype",
        ),
        points=2,
    ):
        batches = list(DataLoader(from_lists, batch_size=4))
        p.observe(tr("number of batches", "배치 개수"), len(batches))
        first_x, first_y = p.unpack(batches[0], 2, tr("a batch", "배치"))
        last_x, last_y = p.unpack(batches[-1], 2, tr("a batch", "배치"))
        p.tensor(tr("x of the first batch", "첫 번째 배치의 x"), first_x, atol=0, rtol=0)
        p.tensor(tr("y of the first batch", "첫 번째 배치의 y"), first_y, atol=0, rtol=0)
        p.tensor(tr("x of the last batch", "마지막 배치의 x"), last_x, atol=0, rtol=0)
        p.tensor(tr("y of the last batch", "마지막 배치의 y"), last_y, atol=0, rtol=0)
