# correct: numpy.floor, converted back to a Python int
import numpy as np


def conv_output_size(size, kernel_size, stride=1, padding=0):
    out = np.floor((size + 2 * padding - kernel_size) / stride) + 1
    return int(out)
