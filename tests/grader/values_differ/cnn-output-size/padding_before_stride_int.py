def conv_output_size(size, kernel_size, padding=0, stride=1):
    """Output side of a conv or pool layer."""
    out = size - kernel_size + 2 * padding
    return int(out // stride) + 1
