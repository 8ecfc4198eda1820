# mistake: adds the padding once instead of on both sides (2 * padding)
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + padding - kernel_size) // stride + 1
