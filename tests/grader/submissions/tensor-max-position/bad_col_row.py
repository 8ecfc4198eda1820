# mistake: returns (col, row) instead of (row, col)
def max_position(x):
    row, col = divmod(int(x.argmax()), x.shape[1])
    return col, row
