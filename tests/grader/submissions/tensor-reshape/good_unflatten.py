# correct: unflatten the pixel dimension, then add the channel dimension with unsqueeze
def to_image_batch(x):
    return x.unflatten(1, (28, 28)).unsqueeze(1)
