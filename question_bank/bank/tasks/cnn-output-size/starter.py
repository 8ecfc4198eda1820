def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """합성곱층 출력의 한 변 크기 floor((size + 2*padding - kernel_size) / stride) + 1을 반환합니다."""
    # TODO: 공식을 구현하세요.
    raise NotImplementedError("conv_output_size를 완성하세요")
