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
        (
            "float32 4×1 (a single column), value 2",
            "float32 4×1 (열 하나), 값 2",
            lambda: p.randn(4, 1),
            2,
        ),
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
    with p.check(
        tr(
            "t is a view (rows 2 to 4 of a bigger tensor): the bigger tensor changes with it",
            "t가 뷰임 (더 큰 텐서의 2~4번 행): 더 큰 텐서도 함께 바뀜",
        ),
        points=2,
    ):
        base = p.randn(6, 3)
        fill_first_row(base[2:5], 4.0)
        p.tensor(
            tr("the bigger tensor after the call", "호출 뒤의 더 큰 텐서"), base, atol=0, rtol=0
        )
    with p.check(
        tr(
            "t is non-contiguous (a transposed tensor): its row 0 is filled in place",
            "t가 메모리에 연속적이지 않음 (전치된 텐서): 0번 행이 제자리에서 채워짐",
        ),
        points=2,
    ):
        base = p.randint(-9, 9, 3, 4)
        t = base.t()
        returned = fill_first_row(t, -1)
        p.observe(tr("the returned object is t", "반환된 객체가 t 자신임"), returned is t)
        p.tensor(tr("t after the call", "호출 뒤의 t"), t, atol=0, rtol=0)
        p.tensor(
            tr("the tensor t was transposed from", "t를 전치하기 전의 텐서"), base, atol=0, rtol=0
        )
    p.contract_checks(fill_first_row)  # every input class of task.yaml's contract
