# mistake: in-place -= and /= change the caller's x
def standardize(x):
    x -= x.mean(dim=0)
    x /= x.std(dim=0)
    return x
