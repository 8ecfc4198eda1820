"""Markdown tables fitted to a pane: kept when they fit, a list when they do not (no cell
ends in "…"), code blocks and escaped pipes left alone."""

from __future__ import annotations

from quizapp.markdown_fit import fit_tables, table_width

LAYERS = """\
앞 문단

| 순서 | 층 | 출력 모양 |
|---|---|---|
| 1 | `Conv2d(1, 32, kernel_size=3, padding=1)` | `(N, 32, 28, 28)` |
| 2 | `ReLU` | `(N, 32, 28, 28)` |

뒤 문단"""


def test_a_table_that_fits_stays_a_table() -> None:
    width = table_width(
        [
            ["순서", "층", "출력 모양"],
            ["1", "Conv2d(1, 32, kernel_size=3, padding=1)", "(N, 32, 28, 28)"],
        ]
    )
    assert fit_tables(LAYERS, width) == LAYERS
    assert fit_tables(LAYERS, 0) == LAYERS  # no width known yet: as written


def test_a_table_too_wide_becomes_one_list_line_per_row() -> None:
    fitted = fit_tables(LAYERS, 40)
    assert fitted.splitlines() == [
        "앞 문단",
        "",
        "- **1** — 층: `Conv2d(1, 32, kernel_size=3, padding=1)` · 출력 모양: `(N, 32, 28, 28)`",
        "- **2** — 층: `ReLU` · 출력 모양: `(N, 32, 28, 28)`",
        "",
        "뒤 문단",
    ]


def test_code_blocks_and_escaped_pipes_are_left_alone() -> None:
    code = "```\n| a | b |\n|---|---|\n| 1 | 2 |\n```"
    assert fit_tables(code, 5) == code
    table = "| 식 | 뜻 |\n|---|---|\n| `a \\| b` | 논리합을 쓰는 아주 긴 설명 |"
    assert fit_tables(table, 10) == "- **`a \\| b`** — 뜻: 논리합을 쓰는 아주 긴 설명"
