# correct: the first position (row-major) where x equals its maximum, via nonzero
def max_position(x):
    row, col = (x == x.max()).nonzero()[0]
    return int(row), int(col)
