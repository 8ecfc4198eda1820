# mistake: fills column 0 instead of row 0
def fill_first_row(t, value):
    t[:, 0] = value
    return t
