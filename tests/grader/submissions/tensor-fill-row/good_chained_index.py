# correct: t[0][:] = value also writes through the view t[0] (works, though t[0, :] is preferred)
def fill_first_row(t, value):
    t[0][:] = value
    return t
