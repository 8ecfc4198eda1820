# mistake: works on a copy, so the caller's t is not changed and a different object is returned
def fill_first_row(t, value):
    t = t.clone()
    t[0, :] = value
    return t
