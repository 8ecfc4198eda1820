"""Hidden checks for cnn-output-size: floor((size + 2*padding - kernel_size) / stride) + 1, an int."""

from grader.probe import Probe


def probe(p: Probe) -> None:
    conv_output_size = p.function("conv_output_size")
    groups = [
        ("return values, default stride=1 and padding=0", [((28, 3), {}), ((5, 5), {}), ((32, 1), {})]),
        ("return values with padding", [((28, 3), {"padding": 1}), ((14, 5), {"padding": 2})]),
        (
            "return values with stride (floor when it does not divide evenly)",
            [((28, 2), {"stride": 2}), ((27, 4), {"stride": 2}), ((10, 3), {"stride": 4})],
        ),
        (
            "return values with stride and padding as keyword arguments",
            [((7, 3), {"stride": 2, "padding": 1}), ((224, 7), {"stride": 2, "padding": 3})],
        ),
        ("return values with stride and padding given by position", [((32, 3, 2, 1), {}), ((9, 4, 3, 2), {})]),
    ]
    for name, calls in groups:
        with p.check(name, points=2):
            for args, kwargs in calls:
                shown = ", ".join([*map(str, args), *(f"{k}={v}" for k, v in kwargs.items())])
                p.observe(f"conv_output_size({shown})", conv_output_size(*args, **kwargs))
