# wrong: casts every batch to float32
def split_batches(x, y, batch_size):
    return [
        (x[i : i + batch_size].float(), y[i : i + batch_size].float())
        for i in range(0, len(x), batch_size)
    ]
