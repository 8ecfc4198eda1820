# correct: fill_ on the row view t[0] modifies t in place
def fill_first_row(t, value):
    t[0].fill_(value)
    return t
