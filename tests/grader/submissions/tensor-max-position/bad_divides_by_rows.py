# mistake: divides the flat index by the number of rows instead of the number of columns
def max_position(x):
    index = int(x.argmax())
    return index // x.shape[0], index % x.shape[0]
