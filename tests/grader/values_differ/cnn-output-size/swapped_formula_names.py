def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """(W - K + 2P) / S + 1"""
    w, k, s, p = size, kernel_size, padding, stride
    return (w - k + 2 * p) // s + 1
