# correct: the channel added with unsqueeze, the pixels split with unflatten
def to_image_batch(x):
    return x.unsqueeze(1).unflatten(-1, (28, 28))
