# mistake: default padding of 1 ("same" for 3x3) instead of 0
def conv_output_size(size, kernel_size, stride=1, padding=1):
    return (size + 2 * padding - kernel_size) // stride + 1
