"""Arrays in protocol frames: a training run's data, as plain JSON (dtype, shape, base64 bytes).

Nothing is pickled (see :mod:`grader.wire.protocol`): the supervisor sends the
training split and, after training, the test inputs this way. Only the dtypes
the tasks use are accepted, so a frame cannot ask for an object array.
"""

from __future__ import annotations

import base64
from typing import Any

DTYPES = ("float32", "int64")


class ArrayError(ValueError):
    """A frame's array that is not a well-formed array of an allowed dtype."""


def encode(array: Any) -> dict[str, Any]:
    """A numpy array as a JSON-ready dict."""
    if str(array.dtype) not in DTYPES:
        raise ArrayError(f"arrays of dtype {array.dtype} are not sent (only {', '.join(DTYPES)})")
    data = base64.b64encode(array.tobytes(order="C")).decode("ascii")
    return {"dtype": str(array.dtype), "shape": list(array.shape), "data": data}


def decode(record: Any) -> Any:
    """The numpy array a dict from :func:`encode` describes (a fresh, writable copy)."""
    import numpy as np

    if not isinstance(record, dict) or record.get("dtype") not in DTYPES:
        raise ArrayError("not an array record")
    shape = record.get("shape")
    if not isinstance(shape, list) or not all(isinstance(n, int) and n >= 0 for n in shape):
        raise ArrayError("an array record with a bad shape")
    try:
        raw = base64.b64decode(record.get("data", ""), validate=True)
        return np.frombuffer(raw, dtype=record["dtype"]).reshape(shape).copy()
    except (ValueError, TypeError) as exc:
        raise ArrayError(f"an array record that does not match its shape: {exc}") from None
