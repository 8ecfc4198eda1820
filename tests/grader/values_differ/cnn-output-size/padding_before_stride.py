def conv_output_size(size, kernel_size, padding=0, stride=1):
    return (size + 2 * padding - kernel_size) // stride + 1
