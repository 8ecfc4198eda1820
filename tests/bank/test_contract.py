"""A function task's ``contract:`` in task.yaml: loaded with the task, validated as path:line."""

from __future__ import annotations

import textwrap

from question_bank import TrainingTask, load_bank, load_banks
from question_bank.contract import TensorArg

from .test_validation import MakeBank, problems_of, task_files

GOOD = """
contract:
  function: f
  args:
    x:
      type: tensor
      dtypes: [float32, int64]
      shape: [[0, 4], 3]
      layouts: [contiguous, transposed]
      requires_grad: true
      special: [large-int64]
    y: {type: tensor, like: x}
    n: {type: int, range: [1, 5], default: 2}
    words: {type: sentences, vocab: vocab, classes: [empty, id-zero]}
    vocab: {type: vocab}
    model: {type: given, module: true, states: [grads], after: [parameters]}
  where: n <= len(words) + 1
  returns: {same_as: x}
  effects: {modifies: [model], keeps: [grad_mode]}
  calls: [positional, keywords]
  entry: [grad-disabled]
"""


def _bank(make_bank: MakeBank, contract: str) -> dict[str, str]:
    files = task_files("t1")
    files["tasks/t1/task.yaml"] = textwrap.dedent(files["tasks/t1/task.yaml"]).lstrip(
        "\n"
    ) + textwrap.dedent(contract).lstrip("\n")
    return files


def test_a_contract_loads_with_its_task(make_bank: MakeBank) -> None:
    data, problems = load_banks([make_bank(_bank(make_bank, GOOD))], bundled=False)
    assert problems == []
    contract = data.tasks["t1"].contract
    assert contract is not None
    x = contract.args["x"]
    assert isinstance(x, TensorArg) and x.shape == [[0, 4], 3]
    assert contract.effects.modifies == ["model"]


def test_every_problem_of_a_contract_is_reported_at_its_line(make_bank: MakeBank) -> None:
    broken = """
contract:
  function: f
  args:
    x:
      type: tensor
      dtypes: [float32, complex64]
      shape: [[3, 1]]
    y: {type: tensor, like: z, shape: [2]}
    b: {type: tensor, dtypes: [int64], shape: [2], requires_grad: true, special: [large-int64]}
    words: {type: sentences, vocab: nowhere}
    m: {type: given, states: [train]}
  where: size > 2
  returns: {same_as: out}
  effects: {modifies: [q]}
"""
    assert problems_of(make_bank(_bank(make_bank, broken))) == [
        "tasks/t1/task.yaml:10: `contract.args.x.tensor.dtypes[1]` must be one of 'float32', "
        "'float64', 'float16', 'int64', 'int32', 'int16', 'int8', 'uint8' or 'bool'; "
        "got 'complex64'",
    ]
    del broken  # one pydantic error stops the rest: fix the dtype and look again
    semantic = """
contract:
  function: f
  args:
    x:
      type: tensor
      shape: [[3, 1]]
    y: {type: tensor, like: z, shape: [2]}
    b: {type: tensor, dtypes: [int64], shape: [2], requires_grad: true}
    words: {type: sentences, vocab: nowhere}
    m: {type: given, states: [train]}
  where: size > 2
  returns: {same_as: out}
  effects: {modifies: [q]}
"""
    assert problems_of(make_bank(_bank(make_bank, semantic))) == [
        "tasks/t1/task.yaml:10: dimension [3, 1] must be n or [min, max], 0 ≤ min ≤ max",
        "tasks/t1/task.yaml:11: `like` names 'z': no argument before this one",
        "tasks/t1/task.yaml:12: only a floating-point tensor can require grad",
        "tasks/t1/task.yaml:13: `vocab` names 'nowhere': no `type: vocab` argument",
        "tasks/t1/task.yaml:14: `states` and `after` apply to a module: add `module: true`",
        "tasks/t1/task.yaml:15: `where` uses size: not an argument of the contract",
        "tasks/t1/task.yaml:16: `same_as` names 'out', no argument",
        "tasks/t1/task.yaml:17: `modifies` names 'q', no argument",
    ]


def test_every_function_task_of_the_bundled_bank_has_a_contract_its_probe_draws_from() -> None:
    bank = load_bank()
    functions = [
        task
        for task in bank.tasks.values()
        if not isinstance(task, TrainingTask)
        and 'p.function("' in task.read("hidden_tests.py")
        and "p.cls(" not in task.read("hidden_tests.py")  # a model task's make_criterion()
    ]
    assert len(functions) == 13
    for task in functions:
        assert task.contract is not None, task.id
        assert 'p.function("' + task.contract.function + '")' in task.read("hidden_tests.py")
        assert "p.contract_checks(" in task.read("hidden_tests.py"), task.id


def test_a_token_batch_names_an_int_pad_argument_and_lengths_of_at_least_one(
    make_bank: MakeBank,
) -> None:
    wrong = """
contract:
  function: f
  args:
    batch:
      type: token-batch
      length: [0, 3]
      pad: words
    words: {type: vocab}
    other:
      type: token-batch
      classes: [one, pad-inside]
"""
    assert problems_of(make_bank(_bank(make_bank, wrong))) == [
        "tasks/t1/task.yaml:10: `length` must be [min, max], 1 ≤ min ≤ max",
        "tasks/t1/task.yaml:11: `pad` names 'words': no `type: int` argument",
        "tasks/t1/task.yaml:15: `pad-inside` needs `pad`: the padding id's argument",
    ]
