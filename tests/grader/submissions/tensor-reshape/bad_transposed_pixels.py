# mistake: swaps the image's rows and columns (column-major order), values in the wrong places
def to_image_batch(x):
    return x.reshape(-1, 1, 28, 28).transpose(2, 3)
