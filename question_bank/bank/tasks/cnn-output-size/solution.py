def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """합성곱층 출력의 한 변 크기 floor((size + 2*padding - kernel_size) / stride) + 1을 반환합니다."""
    # 정수 나눗셈 //는 내림(floor)이고 결과도 int입니다.
    return (size + 2 * padding - kernel_size) // stride + 1
