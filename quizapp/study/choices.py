"""The order choices are shown in: shuffled, and the same every time for the same key
(a quiz card and how many cards came before it; an exam attempt's seed and the item)."""

from __future__ import annotations

import random
from collections.abc import Sequence


def shuffled(choices: Sequence[str], *key: object) -> list[str]:
    order = list(choices)
    random.Random(":".join(str(part) for part in key)).shuffle(order)
    return order
