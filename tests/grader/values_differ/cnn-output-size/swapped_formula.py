def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + 2 * stride - kernel_size) // padding + 1
