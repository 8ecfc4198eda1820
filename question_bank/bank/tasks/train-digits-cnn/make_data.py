"""Rebuild data.npz and answers.npz: the same split as train-digits-dnn, as 1×8×8 images.

Run once with scikit-learn installed (it is not a dependency of quizapp):

    python make_data.py
"""

import runpy
from pathlib import Path

here = Path(__file__).parent
digits = runpy.run_path(str(here.parent / "train-digits-dnn" / "make_data.py"))
digits["write"](here, digits["split"]((1, 8, 8)))
