# wrong: N // batch_size batches, so the rest of the samples is lost
def split_batches(x, y, batch_size):
    out = []
    for b in range(len(x) // batch_size):
        out.append(
            (x[b * batch_size : (b + 1) * batch_size], y[b * batch_size : (b + 1) * batch_size])
        )
    return out
