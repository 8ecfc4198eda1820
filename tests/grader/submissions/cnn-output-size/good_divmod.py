# correct: step by step with divmod (its quotient is the floor)
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + padding * 2
    steps, _ = divmod(padded - kernel_size, stride)
    return steps + 1
