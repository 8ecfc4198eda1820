# correct: element by element in a loop
def fill_first_row(t, value):
    for j in range(t.shape[1]):
        t[0, j] = value
    return t
