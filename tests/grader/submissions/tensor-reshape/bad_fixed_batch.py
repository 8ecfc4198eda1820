# mistake: hard-codes the batch size 64 (the DataLoader's batch_size), fails for any other N
def to_image_batch(x):
    return x.view(64, 1, 28, 28)
