"""Inputs drawn from a contract (grader.inside.contract): deterministic, every class at its boundary."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from grader.inside.contract import Case, cases, declared, effects, same, snapshot
from grader.jobs.task import contract_of
from question_bank import load_bank

BANK = load_bank()
CONTRACTS = {
    task.id: contract_of(task) for task in BANK.tasks.values() if contract_of(task) is not None
}


def _contract(**args: Any) -> dict[str, Any]:
    return {"function": "f", "args": args}


def _only(found: list[Case], wanted: str) -> Case:
    return next(c for c in found if wanted in c.classes)


@pytest.mark.parametrize("task_id", sorted(CONTRACTS))
def test_every_declared_class_of_a_bundled_contract_is_drawn(task_id: str) -> None:
    contract = CONTRACTS[task_id]
    assert contract is not None
    drawn = {c for case in cases(contract, 7) for c in case.classes}
    assert set(declared(contract)) <= drawn


def test_the_same_seed_draws_the_same_inputs_and_another_seed_others() -> None:
    contract = CONTRACTS["tensor-standardize"]
    assert contract is not None

    def values(seed: int) -> list[list[float]]:
        return [c.values["x"].detach().flatten().tolist() for c in cases(contract, seed)]

    assert values(3) == values(3)
    assert values(3) != values(4)


def test_a_tensor_class_is_drawn_at_its_boundary() -> None:
    contract = _contract(
        x={
            "type": "tensor",
            "dtypes": ["float32", "int64", "uint8"],
            "shape": [[0, 3], [2, 5]],
            "layouts": ["contiguous", "transposed", "sliced"],
            "requires_grad": True,
            "unique": True,
            "special": ["large-int64", "negative"],
        }
    )
    found = cases(contract, 1)
    assert _only(found, "x.shape=min").values["x"].shape == (0, 2)
    assert _only(found, "x.shape=max").values["x"].shape == (3, 5)
    for layout in ("transposed", "sliced"):
        assert not _only(found, f"x.layout={layout}").values["x"].is_contiguous()
    assert _only(found, "x.requires_grad").values["x"].requires_grad
    assert _only(found, "x.dtype=uint8").values["x"].dtype == torch.uint8
    large = _only(found, "x.special=large-int64").values["x"]
    assert large.dtype == torch.int64 and int(large.min()) > 2**24
    assert large.flatten()[0] != large.max()  # a tie-break on the first element hides nothing
    assert len(set(large.flatten().tolist())) == large.numel()
    assert len(set(large.float().flatten().tolist())) < large.numel()  # float32 cannot tell
    negative = _only(found, "x.special=negative").values["x"]
    assert bool((negative < 0).all()) and negative.dtype != torch.uint8


def test_int_arguments_take_both_ends_may_be_left_out_and_keep_the_where() -> None:
    contract = CONTRACTS["cnn-output-size"]
    assert contract is not None
    found = cases(contract, 5)
    assert _only(found, "size=min").values["size"] == 1
    assert _only(found, "kernel_size=max").values["kernel_size"] == 7
    assert "stride" in _only(found, "stride=omitted").omitted
    assert _only(found, "call=keywords").call == "keywords"
    for case in found:
        padding = 0 if "padding" in case.omitted else case.values["padding"]
        assert case.values["kernel_size"] <= case.values["size"] + 2 * padding


def test_sentences_hold_each_declared_class() -> None:
    contract = CONTRACTS["text-encode-pad"]
    assert contract is not None
    found = cases(contract, 9)
    assert _only(found, "sentences.empty").values["sentences"] == []
    zero = _only(found, "sentences.id-zero")
    vocab = zero.values["vocab"]
    assert any(vocab.get(t) == 0 for s in zero.values["sentences"] for t in s)
    capitals = _only(found, "sentences.capitals")
    assert any(
        t[0].isupper() and t in capitals.values["vocab"]
        for s in capitals.values["sentences"]
        for t in s
    )
    assert [] in _only(found, "sentences.empty-sentence").values["sentences"]


def test_a_where_no_input_meets_is_a_bank_bug() -> None:
    from grader.inside.contract import ContractError

    contract = {**_contract(n={"type": "int", "range": [1, 3]}), "where": "n > 5"}
    with pytest.raises(ContractError, match="no input of class n=min"):
        cases(contract, 1)


def test_effects_list_the_arguments_left_alone_and_the_state_kept() -> None:
    contract = CONTRACTS["tensor-fill-row"]
    assert contract is not None
    assert effects(contract) == [
        "unchanged=value",
        "keeps=grad_mode",
        "keeps=default_dtype",
        "keeps=threads",
        "keeps=deterministic",
        "returns=t",
    ]


def test_a_snapshot_tells_a_modified_argument_from_an_untouched_one() -> None:
    x = torch.arange(6.0).reshape(2, 3)
    before = snapshot(x)
    assert same(before, x)
    x.to(torch.float32).add_(1)  # the same object: .to() of its own dtype copies nothing
    assert not same(before, x)
    as_double = snapshot(torch.zeros(2))
    assert not same(as_double, torch.zeros(2, dtype=torch.float64))
    words = [["a"], []]
    kept = snapshot(words)
    words[1].append("b")
    assert not same(kept, words)
    model = torch.nn.Linear(2, 2)
    state = snapshot(model)
    with torch.no_grad():
        model.weight.zero_()
    assert not same(state, model)


def test_a_token_batch_holds_each_declared_class_and_compares_pair_by_pair() -> None:
    contract = CONTRACTS["batch-collate-pad"]
    assert contract is not None
    found = cases(contract, 5)
    for case in found:
        for tokens, label in case.values["batch"]:
            assert tokens.dtype == torch.int64 and tokens.dim() == 1 and len(tokens) >= 1
            assert type(label) is int
    assert len(_only(found, "batch.one").values["batch"]) == 1
    equal = _only(found, "batch.equal-lengths").values["batch"]
    assert len(equal) > 1 and len({len(t) for t, _ in equal}) == 1
    assert any(len(t) == 1 for t, _ in _only(found, "batch.length-one").values["batch"])
    inside = _only(found, "batch.pad-inside")
    pad = 0 if "pad_id" in inside.omitted else inside.values["pad_id"]
    assert any(bool((t == pad).any()) for t, _ in inside.values["batch"])
    large = _only(found, "batch.large-ids").values["batch"]
    assert any(int(t.max()) > 2**24 for t, _ in large)
    pairs = [(torch.tensor([3, 1]), 0), (torch.tensor([2]), 1)]
    kept = snapshot(pairs)
    assert same(kept, pairs)
    pairs[0][0][1] = 7  # a token changed in place
    assert not same(kept, pairs)
    relabelled = [(torch.tensor([3, 1]), 0), (torch.tensor([2]), 2)]
    assert same(kept, [(torch.tensor([3, 1]), 0), (torch.tensor([2]), 1)])
    assert not same(kept, relabelled)
