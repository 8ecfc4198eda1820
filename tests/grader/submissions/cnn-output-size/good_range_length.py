# correct: the number of positions the kernel's left edge can take
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return len(range(0, size + 2 * padding - kernel_size + 1, stride))
