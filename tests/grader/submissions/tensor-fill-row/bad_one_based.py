# mistake: 1-based thinking, fills row 1 (the second row)
def fill_first_row(t, value):
    t[1, :] = value
    return t
