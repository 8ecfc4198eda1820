# mistake: one mean and std over the whole tensor instead of per column
def standardize(x):
    return (x - x.mean()) / x.std()
