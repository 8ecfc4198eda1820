# correct: ⌈N / B⌉ batches computed with math.ceil, rows picked by index lists
import math


def split_batches(x, y, batch_size):
    n = x.shape[0]
    out = []
    for b in range(math.ceil(n / batch_size)):
        rows = list(range(b * batch_size, min(n, (b + 1) * batch_size)))
        out.append((x[rows], y[rows]))
    return out
