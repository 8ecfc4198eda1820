"""The mutation operators: each one's mutants, their ids, and the file around them kept as it was."""

from __future__ import annotations

import textwrap

import pytest

from grader.quality.mutate import OPERATORS, Mutant, mutants


def _changed_lines(before: str, mutant: Mutant) -> list[str]:
    """The mutant's lines that differ from ``before`` (same line count: one-line edits)."""
    old, new = before.splitlines(), mutant.source.splitlines()
    assert len(old) == len(new), mutant.source
    return [b.strip() for a, b in zip(old, new, strict=True) if a != b]


def _by(source: str, operator: str) -> list[list[str]]:
    return [_changed_lines(source, m) for m in mutants(source) if m.operator == operator]


def _src(text: str) -> str:
    return textwrap.dedent(text).lstrip()


MODEL = _src(
    """
    import torch
    from torch import nn
    import torch.nn.functional as F


    class Net(nn.Module):
        \"\"\"A docstring with 1 number in it: never mutated.\"\"\"

        def __init__(self, num_classes=10):
            super().__init__()
            self.pool = nn.MaxPool2d(2)  # 한국어 주석
            self.act = nn.ReLU()
            self.rnn = nn.LSTM(4, 8, batch_first=True)

        def forward(self, x):
            return F.relu(x).mean(dim=1)
    """
)


def test_layer_classes_are_swapped_within_their_family() -> None:
    swapped = _by(MODEL, "swap-name")
    assert ["self.pool = nn.AvgPool2d(2)  # 한국어 주석"] in swapped
    for other in ("Sigmoid", "Tanh", "LeakyReLU"):
        assert [f"self.act = nn.{other}()"] in swapped
    assert ["self.rnn = nn.GRU(4, 8, batch_first=True)"] in swapped
    assert ["self.rnn = nn.RNN(4, 8, batch_first=True)"] in swapped
    assert ["return F.relu(x).sum(dim=1)"] in swapped
    assert ["return F.sigmoid(x).mean(dim=1)"] in swapped


def test_layers_and_activation_calls_can_be_removed() -> None:
    removed = _by(MODEL, "remove-layer")
    assert ["self.act = nn.Identity()"] in removed
    assert ["self.pool = nn.Identity()  # 한국어 주석"] in removed
    assert ["return x.mean(dim=1)"] in removed


def test_integers_move_by_one_and_to_zero_and_one_and_docstrings_are_left_alone() -> None:
    ints = _by(MODEL, "int")
    assert ["self.pool = nn.MaxPool2d(3)  # 한국어 주석"] in ints
    assert ["self.pool = nn.MaxPool2d(1)  # 한국어 주석"] in ints
    assert ["self.pool = nn.MaxPool2d(0)  # 한국어 주석"] in ints
    assert ["def __init__(self, num_classes=11):"] in ints
    assert ["return F.relu(x).mean(dim=0)"] in ints
    assert all("docstring" not in line for lines in ints for line in lines)


def test_negative_indices_become_zero() -> None:
    source = "def last(h):\n    return h[-1]\n"
    assert ["return h[0]"] in _by(source, "int")
    assert ["return h[-2]"] in _by(source, "int")


def test_call_statements_and_attribute_assignments_are_dropped() -> None:
    source = _src(
        """
        def step(model, optimizer, loss, p):
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            p.requires_grad = False
            total = 0
            total += 1
        """
    )
    dropped = _by(source, "drop-statement")
    assert ["pass"] in dropped
    assert len(dropped) == 5  # three calls, the attribute assignment, the +=; not `total = 0`


def test_conversions_and_copies_are_removed() -> None:
    source = "def f(x, y):\n    return x.float() + y.long().item() + x.detach().clone()\n"
    removed = _by(source, "drop-method")
    assert ["return x + y.long().item() + x.detach().clone()"] in removed
    assert ["return x.float() + y.item() + x.detach().clone()"] in removed
    assert ["return x.float() + y.long() + x.detach().clone()"] in removed
    assert ["return x.float() + y.long().item() + x.clone()"] in removed
    assert ["return x.float() + y.long().item() + x.detach()"] in removed


def test_keywords_are_dropped_and_booleans_flipped() -> None:
    assert ["self.rnn = nn.LSTM(4, 8)"] in _by(MODEL, "drop-keyword")
    assert ["return F.relu(x).mean()"] in _by(MODEL, "drop-keyword")
    assert _by(MODEL, "flip-bool") == [["self.rnn = nn.LSTM(4, 8, batch_first=False)"]]


def test_arguments_and_returned_items_are_swapped() -> None:
    assert ["self.rnn = nn.LSTM(8, 4, batch_first=True)"] in _by(MODEL, "swap-args")
    source = "def f(r, c):\n    return r, c\n"
    assert _by(source, "swap-args") == [["return c, r"]]


def test_swapping_layers_of_a_multi_line_sequential_keeps_the_lines_and_comments() -> None:
    source = _src(
        """
        from torch import nn

        layers = nn.Sequential(
            nn.Linear(4, 8),  # first
            nn.ReLU(),
        )
        """
    )
    assert ["nn.ReLU(),  # first", "nn.Linear(4, 8),"] in _by(source, "swap-args")


def test_no_grad_blocks_track_gradients_instead() -> None:
    source = _src(
        """
        import torch


        def f(model, x):
            with torch.no_grad():
                return model(x)
        """
    )
    assert _by(source, "no-grad") == [["with torch.enable_grad():"]]


def test_parameters_are_hard_coded_as_their_defaults() -> None:
    source = "def f(x, size=4):\n    return x.view(size)\n"
    assert _by(source, "hardcode") == [["return x.view(4)"]]


def test_arithmetic_comparisons_slices_and_len() -> None:
    source = "def f(a, b, xs):\n    return (a - b) // 2 + (a == b) + len(xs[:b])\n"
    binops = _by(source, "binop")
    assert ["return (a + b) // 2 + (a == b) + len(xs[:b])"] in binops
    assert ["return (a - b) / 2 + (a == b) + len(xs[:b])"] in binops
    assert _by(source, "compare") == [["return (a - b) // 2 + (a != b) + len(xs[:b])"]]
    assert _by(source, "drop-slice") == [["return (a - b) // 2 + (a == b) + len(xs)"]]
    assert ["return (a - b) // 2 + (a == b) + (len(xs[:b]) - 1)"] in _by(source, "off-by-one")


def test_ids_are_stable_unique_and_name_operator_line_and_column() -> None:
    found = mutants(MODEL)
    assert len({m.id for m in found}) == len(found)
    assert [m.id for m in mutants(MODEL)] == [m.id for m in found]
    for m in found:
        operator, line, col, index = m.id.split(":")
        assert operator == m.operator in OPERATORS
        assert int(line) == m.line and int(col) >= 0 and int(index) >= 0
        assert m.description
        compile(m.source, "<mutant>", "exec")


@pytest.mark.parametrize("source", ["", "x = 'no code to mutate'\n", "def f():\n    pass\n"])
def test_sources_without_mutation_points_give_none(source: str) -> None:
    assert mutants(source) == []
