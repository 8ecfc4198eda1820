# mistake: puts the channel dimension last, returns (N, 28, 28, 1)
def to_image_batch(x):
    return x.reshape(x.shape[0], 28, 28, 1)
