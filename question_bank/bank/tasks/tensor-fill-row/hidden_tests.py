"""Hidden checks for tensor-fill-row: row 0 set to value in place, t itself returned."""

from grader.probe import Probe


def probe(p: Probe) -> None:
    fill_first_row = p.function("fill_first_row")
    cases = [
        ("float32 3×4, value 5.0", lambda: p.randn(3, 4), 5.0),
        ("int64 4×2, value 7", lambda: p.randint(-9, 9, 4, 2), 7),
        ("float64 1×5 (a single row), value -1.5", lambda: p.randn(1, 5).double(), -1.5),
        ("float32 5×3, value 0", lambda: p.randn(5, 3), 0),
    ]
    for name, make, value in cases:
        with p.check(f"row 0 filled, other rows unchanged: values of t, {name}", points=2):
            t = make()
            fill_first_row(t, value)
            p.tensor("t after the call", t, atol=0, rtol=0)
        with p.check(f"fills t in place and returns t itself, {name}"):
            t = make()
            p.observe(
                "the returned object is t",
                fill_first_row(t, value) is t,
                fail="expected t itself back, changed in place; got another object",
            )
