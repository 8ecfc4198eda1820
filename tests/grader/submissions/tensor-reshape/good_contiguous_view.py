# correct: view after making the tensor contiguous (view alone fails on transposed input)
def to_image_batch(x):
    return x.contiguous().view(x.size(0), 1, 28, 28)
