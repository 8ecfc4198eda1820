def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + stride * 2
    return (padded - kernel_size) // padding + 1
