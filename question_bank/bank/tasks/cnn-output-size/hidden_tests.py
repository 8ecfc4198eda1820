"""Hidden checks for cnn-output-size: floor((size + 2*padding - kernel_size) / stride) + 1, an int."""

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    conv_output_size = p.function("conv_output_size")
    groups = [
        (
            tr(
                "return values, default stride=1 and padding=0",
                "반환값 (기본값 stride=1, padding=0)",
            ),
            [((28, 3), {}), ((5, 5), {}), ((32, 1), {})],
        ),
        (
            tr("return values with padding", "padding을 준 반환값"),
            [((28, 3), {"padding": 1}), ((14, 5), {"padding": 2})],
        ),
        (
            tr(
                "return values with stride (floor when it does not divide evenly)",
                "stride를 준 반환값 (나누어떨어지지 않으면 내림)",
            ),
            [((28, 2), {"stride": 2}), ((27, 4), {"stride": 2}), ((10, 3), {"stride": 4})],
        ),
        (
            tr(
                "return values with stride and padding as keyword arguments",
                "stride와 padding을 키워드 인자로 준 반환값",
            ),
            [((7, 3), {"stride": 2, "padding": 1}), ((224, 7), {"stride": 2, "padding": 3})],
        ),
        (
            tr(
                "return values with stride and padding given by position",
                "stride와 padding을 위치 인자로 준 반환값",
            ),
            [((32, 3, 2, 1), {}), ((9, 4, 3, 2), {})],
        ),
        (
            tr(
                "return values with every argument given by keyword",
                "모든 인자를 키워드로 준 반환값",
            ),
            [
                ((), {"size": 28, "kernel_size": 3, "stride": 2, "padding": 1}),
                ((), {"kernel_size": 5, "size": 12, "padding": 2}),
                ((), {"size": 16, "stride": 3, "kernel_size": 4}),
            ],
        ),
    ]
    for name, calls in groups:
        with p.check(name, points=2):
            for args, kwargs in calls:
                shown = ", ".join([*map(str, args), *(f"{k}={v}" for k, v in kwargs.items())])
                p.observe(
                    tr(f"conv_output_size({shown})", f"conv_output_size({shown})"),
                    conv_output_size(*args, **kwargs),
                )
    p.contract_checks(conv_output_size)  # every input class of task.yaml's contract
