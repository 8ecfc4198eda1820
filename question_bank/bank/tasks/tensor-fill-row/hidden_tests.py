"""Hidden checks for tensor-fill-row: row 0 set to value in place, t itself returned."""

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    fill_first_row = p.function("fill_first_row")
    cases = [
        ("float32 3×4, value 5.0", "float32 3×4, 값 5.0", lambda: p.randn(3, 4), 5.0),
        ("int64 4×2, value 7", "int64 4×2, 값 7", lambda: p.randint(-9, 9, 4, 2), 7),
        (
            "float64 1×5 (a single row), value -1.5",
            "float64 1×5 (행 하나), 값 -1.5",
            lambda: p.randn(1, 5).double(),
            -1.5,
        ),
        ("float32 5×3, value 0", "float32 5×3, 값 0", lambda: p.randn(5, 3), 0),
    ]
    for name, name_ko, make, value in cases:
        with p.check(
            tr(
                f"row 0 filled, other rows unchanged: values of t, {name}",
                f"0번 행은 채워지고 다른 행은 그대로: t의 값 ({name_ko})",
            ),
            points=2,
        ):
            t = make()
            fill_first_row(t, value)
            p.tensor(tr("t after the call", "호출 뒤의 t"), t, atol=0, rtol=0)
        with p.check(
            tr(
                f"fills t in place and returns t itself, {name}",
                f"t를 제자리에서 채우고 t 자신을 반환함 ({name_ko})",
            )
        ):
            t = make()
            p.observe(
                tr("the returned object is t", "반환된 객체가 t 자신임"),
                fill_first_row(t, value) is t,
                fail=tr(
                    "expected t itself back, changed in place; got another object",
                    "제자리에서 바꾼 t 자신을 반환해야 하는데 다른 객체가 반환됨",
                ),
            )
