# mistake: true division / returns a float (and no floor when it does not divide evenly)
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + 2 * padding - kernel_size) / stride + 1
