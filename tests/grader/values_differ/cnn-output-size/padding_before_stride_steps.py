def conv_output_size(size: int, kernel_size: int, padding: int = 0, stride: int = 1) -> int:
    padded = size + padding * 2
    steps = (padded - kernel_size) // stride
    return steps + 1
