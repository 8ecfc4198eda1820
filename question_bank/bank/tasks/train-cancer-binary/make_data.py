"""Rebuild data.npz and answers.npz from the breast-cancer set bundled with scikit-learn.

Run once with scikit-learn installed (it is not a dependency of quizapp):

    python make_data.py

The split is stratified by class with seed 0: 455 training and 114 test rows.
Features stay raw (not standardized). Labels as in scikit-learn: 0 malignant, 1 benign.
``data.npz`` holds x_train, y_train, x_test; ``answers.npz`` holds y_test (judge only).
"""

from pathlib import Path

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

SEED = 0
TEST_SIZE = 114

if __name__ == "__main__":
    cancer = load_breast_cancer()
    x = cancer.data.astype(np.float32)
    y = cancer.target.astype(np.int64)
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=TEST_SIZE, stratify=y, random_state=SEED
    )
    here = Path(__file__).parent
    np.savez_compressed(here / "data.npz", x_train=x_train, y_train=y_train, x_test=x_test)
    np.savez_compressed(here / "answers.npz", y_test=y_test)
