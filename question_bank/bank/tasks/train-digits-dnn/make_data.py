"""Rebuild data.npz and answers.npz from the digits set bundled with scikit-learn.

Run once with scikit-learn installed (it is not a dependency of quizapp):

    python make_data.py

The split is stratified by digit with seed 0: 1,437 training and 360 test images.
``data.npz`` holds what the student's code may see (x_train, y_train, x_test);
``answers.npz`` holds y_test, which only the judge reads.
"""

from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

SEED = 0
TEST_SIZE = 360


def split(shape: tuple[int, ...]) -> dict[str, np.ndarray]:
    """The fixed split, pixels scaled to 0..1 and reshaped to ``(N, *shape)``."""
    digits = load_digits()
    x = (digits.data / 16.0).astype(np.float32).reshape(-1, *shape)
    y = digits.target.astype(np.int64)
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=TEST_SIZE, stratify=y, random_state=SEED
    )
    return {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}


def write(folder: Path, parts: dict[str, np.ndarray]) -> None:
    np.savez_compressed(
        folder / "data.npz", x_train=parts["x_train"], y_train=parts["y_train"], x_test=parts["x_test"]
    )
    np.savez_compressed(folder / "answers.npz", y_test=parts["y_test"])


if __name__ == "__main__":
    write(Path(__file__).parent, split((64,)))
