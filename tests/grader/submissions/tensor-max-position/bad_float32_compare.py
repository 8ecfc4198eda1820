# wrong: compared through float32, int64 values above 2**24 round together and the first wins


def max_position(x):
    values = x.detach().float()
    flat = int(values.argmax())
    return flat // x.shape[1], flat % x.shape[1]
