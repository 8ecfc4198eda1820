"""Every number, shape and torch fact stated by part C's items, recomputed from scratch.

Part C owns the embedding, RNN/LSTM, LangChain/RAG/vector-store items and the
beyond-scope topics (items/09-*, 10-*, 11-*, 20-beyond-*). Students learn from these
answers, so none is typed from memory: each function below builds the torch layers
or tensors (or, for metrics and retrieval scores, the raw counts) and returns what
the item claims. A numeric answer must be the computed value rounded to the digits
it shows; a choice answer must contain (or be exactly) the computed text; a
true/false answer must equal the observed behaviour.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from question_bank import Bank

# The notes' tokenization example (seed 001, "토큰화 과정"): three sentences, ids 1-8, pad 0.
NOTES_SENTENCES = [[1, 2, 3, 4], [5, 6, 4], [7, 6, 8]]
NOTES_SEQ_LEN = 4

PART_C_PREFIXES = ("emb-", "rnn-", "lstm-", "lc-", "rag-", "vs-", "x-")


def n_params(*modules: nn.Module) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def shape_text(shape: torch.Size | tuple[int, ...], names: dict[int, str] | None = None) -> str:
    """A shape as the items print it: ``(8, 20, 64)``, optionally with symbolic names."""
    parts = [names.get(d, str(d)) if names else str(d) for d in shape]
    return "(" + ", ".join(parts) + ")"


def padded_notes_batch() -> torch.Tensor:
    batch = torch.zeros(len(NOTES_SENTENCES), NOTES_SEQ_LEN, dtype=torch.long)
    for row, ids in enumerate(NOTES_SENTENCES):
        batch[row, : len(ids)] = torch.tensor(ids)
    return batch


# --- 임베딩 (p160) -----------------------------------------------------------------------


def emb_notes_pad_count() -> int:
    return int((padded_notes_batch() == 0).sum())


def emb_notes_table_rows() -> int:
    rows = int(padded_notes_batch().max()) + 1
    nn.Embedding(rows, 2)(padded_notes_batch())  # fits exactly
    with pytest.raises(IndexError):
        nn.Embedding(rows - 1, 2)(padded_notes_batch())
    return rows


def emb_output_shape() -> str:
    x = torch.randint(0, 5000, (32, 50))
    return shape_text(nn.Embedding(5000, 64)(x).shape)


def emb_valid_inputs() -> set[str]:
    emb = nn.Embedding(10, 4)
    calls = {
        "emb(torch.tensor([[1, 2, 3]]))": lambda: emb(torch.tensor([[1, 2, 3]])),
        "emb(torch.tensor([[1, 2, 3]], dtype=torch.int32))": lambda: emb(
            torch.tensor([[1, 2, 3]], dtype=torch.int32)
        ),
        "emb(torch.tensor([[1.0, 2.0, 3.0]]))": lambda: emb(torch.tensor([[1.0, 2.0, 3.0]])),
        "emb(torch.tensor([[10]]))": lambda: emb(torch.tensor([[10]])),
    }
    ok = set()
    for text, call in calls.items():
        try:
            call()
        except (RuntimeError, IndexError):
            continue
        ok.add(text)
    return ok


def emb_padding_idx_frozen() -> bool:
    emb = nn.Embedding(10, 4, padding_idx=0)
    starts_zero = bool((emb.weight[0] == 0).all())
    emb(torch.tensor([[0, 1, 0, 2]])).sum().backward()
    assert emb.weight.grad is not None
    no_grad = bool((emb.weight.grad[0] == 0).all()) and bool((emb.weight.grad[1] != 0).all())
    return starts_zero and no_grad


def emb_vectors_fixed() -> bool:
    emb = nn.Embedding(10, 4)
    before = emb.weight.detach().clone()
    opt = torch.optim.SGD(emb.parameters(), lr=0.1)
    emb(torch.tensor([[1, 2]])).pow(2).sum().backward()
    opt.step()
    return bool(torch.equal(before, emb.weight.detach()))


# --- 순환신경망, LSTM, LSTM 모델 구성 -------------------------------------------------------


def rnn_params_grow_with_length() -> bool:
    rnn = nn.RNN(10, 20, batch_first=True)
    count = n_params(rnn)
    for length in (1, 5, 50):
        out, _ = rnn(torch.randn(2, length, 10))
        assert out.shape == (2, length, 20)
    assert count == 640
    return n_params(rnn) != count


def lstm_x_h_must_match() -> bool:
    lstm = nn.LSTM(10, 20)
    out, (h_n, _) = lstm(torch.randn(5, 3, 10))
    return out.shape[-1] == 10 and h_n.shape[-1] == 10  # False: 10-dim in, 20-dim out


def lstm_h_range() -> str:
    torch.manual_seed(0)
    lstm = nn.LSTM(4, 8)
    with torch.no_grad():
        for p in lstm.parameters():
            p.mul_(20)  # huge pre-activations push the gates to saturation
        out, (_, c_n) = lstm(torch.randn(30, 2, 4) * 10)
    assert c_n.abs().max() > 1  # the cell state itself is not bounded
    assert out.abs().max() < 1
    return "−1보다 크고 1보다 작다"


def lstm_forget_one_input_zero() -> bool:
    """One LSTM step computed by hand with f=1, i=0: c_t equals c_(t-1)."""
    c_prev = torch.randn(3, 5)
    f, i, g = torch.ones(3, 5), torch.zeros(3, 5), torch.tanh(torch.randn(3, 5))
    c_t = f * c_prev + i * g
    return bool(torch.equal(c_t, c_prev))


def lstm_bf_shapes() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    lstm = nn.LSTM(32, 64, batch_first=True)
    out, (h_n, c_n) = lstm(torch.randn(8, 20, 32))
    return out, h_n, c_n


def lstm_last_hidden_choices() -> set[str]:
    """Which expressions equal the last step's hidden state, found by stepping an LSTMCell."""
    torch.manual_seed(0)
    lstm = nn.LSTM(6, 5, batch_first=True)
    cell = nn.LSTMCell(6, 5)
    with torch.no_grad():
        cell.weight_ih.copy_(lstm.get_parameter("weight_ih_l0"))
        cell.weight_hh.copy_(lstm.get_parameter("weight_hh_l0"))
        cell.bias_ih.copy_(lstm.get_parameter("bias_ih_l0"))
        cell.bias_hh.copy_(lstm.get_parameter("bias_hh_l0"))
    x = torch.randn(3, 7, 6)  # N=3 differs from T=7 so wrong indexings cannot coincide
    output, (h_n, c_n) = lstm(x)
    h = c = torch.zeros(3, 5)
    for t in range(x.shape[1]):
        h, c = cell(x[:, t], (h, c))
    env = {"output": output, "h_n": h_n, "c_n": c_n}
    choices = ["h_n[-1]", "output[:, -1, :]", "h_n[0]", "output[-1]", "c_n[-1]", "output[:, 0, :]"]
    found = set()
    for text in choices:
        value = eval(text, {}, env)
        if value.shape == h.shape and torch.allclose(value, h, atol=1e-6):
            found.add(text)
    return found


def lstm_batch_first_default_is_true() -> bool:
    lstm = nn.LSTM(3, 4)
    out, _ = lstm(torch.randn(7, 2, 3))  # (T=7, N=2, I=3)
    assert out.shape == (7, 2, 4)
    return lstm.batch_first is True


def lstm_dropout_one_layer_applies() -> bool:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lstm = nn.LSTM(10, 20, dropout=0.5)
    assert any("num_layers greater than 1" in str(w.message) for w in caught)
    lstm.train()
    x = torch.randn(5, 3, 10)
    a, _ = lstm(x)
    b, _ = lstm(x)
    return not torch.equal(a, b)  # dropout would make two training passes differ


def lstm_tagger_output() -> str:
    n, t, e, h, tags = 3, 7, 6, 5, 4
    emb, lstm, fc = (
        nn.Embedding(20, e),
        nn.LSTM(e, h, batch_first=True, bidirectional=True),
        nn.Linear(2 * h, tags),
    )
    out, _ = lstm(emb(torch.randint(0, 20, (n, t))))
    return shape_text(fc(out).shape, {n: "N", t: "T", tags: "num_tags"})


def lstm_bi_output_dim() -> int:
    out, _ = nn.LSTM(32, 64, batch_first=True, bidirectional=True)(torch.randn(8, 20, 32))
    return out.shape[-1]


def lstm_hn_first_dim() -> int:
    _, (h_n, _) = nn.LSTM(16, 32, num_layers=3, bidirectional=True)(torch.randn(5, 2, 16))
    return h_n.shape[0]


def text_classifier_params() -> int:
    return n_params(
        nn.Embedding(1000, 64, padding_idx=0),
        nn.LSTM(64, 128, batch_first=True),
        nn.Linear(128, 2),
    )


# --- LangChain, RAG, 벡터스토어 -------------------------------------------------------------


def temperature_top_prob() -> float:
    return float(torch.softmax(torch.tensor([2.0, 1.0, 0.0]) / 0.5, dim=0)[0])


def mmr_score(lam: float, sim_query: float, max_sim_selected: float) -> float:
    """LangChain's maximal_marginal_relevance score for one candidate."""
    return lam * sim_query - (1 - lam) * max_sim_selected


def cosine_q_d() -> float:
    return float(F.cosine_similarity(torch.tensor([1.0, 2, 2]), torch.tensor([2.0, 1, 2]), dim=0))


def normalized_rank_equivalence() -> bool:
    torch.manual_seed(0)
    docs = F.normalize(torch.randn(50, 16), dim=1)
    query = F.normalize(torch.randn(16), dim=0)
    by_cosine = torch.argsort(docs @ query, descending=True)
    by_distance = torch.argsort(torch.cdist(docs, query[None]).squeeze(1))
    return bool(torch.equal(by_cosine, by_distance))


# --- beyond the exam scope ----------------------------------------------------------------


def confusion_labels() -> tuple[torch.Tensor, torch.Tensor]:
    """y_true, y_pred with TP=40, FP=10, FN=20, TN=30."""
    y_true = torch.tensor([1] * 40 + [0] * 10 + [1] * 20 + [0] * 30)
    y_pred = torch.tensor([1] * 40 + [1] * 10 + [0] * 20 + [0] * 30)
    return y_true, y_pred


def precision_recall() -> tuple[float, float]:
    y_true, y_pred = confusion_labels()
    tp = int(((y_pred == 1) & (y_true == 1)).sum())
    fp = int(((y_pred == 1) & (y_true == 0)).sum())
    fn = int(((y_pred == 0) & (y_true == 1)).sum())
    return tp / (tp + fp), tp / (tp + fn)


def f1_score() -> float:
    p, r = precision_recall()
    return 2 * p * r / (p + r)


def iqr_upper_fence() -> float:
    data = torch.tensor([10.0, 30.0, 40.0, 50.0, 70.0])
    q1, q3 = (float(v) for v in torch.quantile(data, torch.tensor([0.25, 0.75])))
    assert (q1, q3) == (30.0, 50.0)  # the quartiles the item states
    return q3 + 1.5 * (q3 - q1)


def fp16_gigabytes() -> float:
    return 7e9 * torch.tensor([], dtype=torch.float16).element_size() / 1e9


def csr_row_pointer_length() -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sparse CSR is "beta"
        csr = torch.tensor([[0, 5, 0], [0, 0, 0], [3, 0, 4]]).to_sparse_csr()
    assert csr.crow_indices().tolist() == [0, 1, 1, 3]
    return csr.crow_indices().numel()


def lora_params() -> int:
    a = nn.Linear(4096, 8, bias=False)  # A: 8 x 4096
    b = nn.Linear(8, 4096, bias=False)  # B: 4096 x 8
    assert tuple(a.weight.shape) == (8, 4096) and tuple(b.weight.shape) == (4096, 8)
    return n_params(a, b)


def cosine_ignores_scale() -> bool:
    a, scaled, b = torch.tensor([3.0, 1]), torch.tensor([15.0, 5]), torch.tensor([1.0, 2])
    same_cosine = math.isclose(
        float(F.cosine_similarity(a, b, dim=0)),
        float(F.cosine_similarity(scaled, b, dim=0)),
        rel_tol=1e-6,
    )
    same_distance = math.isclose(float(torch.dist(a, b)), float(torch.dist(scaled, b)))
    return same_cosine and not same_distance


def grid_fits() -> int:
    grid = list(itertools.product([1e-3, 1e-2, 1e-1], [16, 32, 64, 128], [0.1, 0.3]))
    return len(grid) * 5


def faithfulness() -> float:
    supported = [True, True, False, True, True]
    return sum(supported) / len(supported)


COMPUTED: dict[str, Callable[[], Any]] = {
    # 임베딩
    "emb-notes-pad-count": emb_notes_pad_count,
    "emb-notes-table-rows": emb_notes_table_rows,
    "emb-param-count": lambda: n_params(nn.Embedding(10000, 128)),
    "emb-output-shape": emb_output_shape,
    "emb-valid-inputs": emb_valid_inputs,
    "emb-padding-idx": emb_padding_idx_frozen,
    "emb-learned-parameters": emb_vectors_fixed,
    # 순환신경망
    "rnn-param-count": lambda: n_params(nn.RNN(10, 20)),
    "rnn-weight-sharing": rnn_params_grow_with_length,
    # LSTM
    "lstm-x-h-dims": lstm_x_h_must_match,
    "lstm-h-range": lstm_h_range,
    "lstm-forget-one-input-zero": lstm_forget_one_input_zero,
    "lstm-gate-weight-rows": lambda: nn.LSTM(10, 20).get_parameter("weight_ih_l0").shape[0],
    # LSTM 모델 구성
    "lstm-m-param-count": lambda: n_params(nn.LSTM(10, 20)),
    "lstm-m-param-count-100-50": lambda: n_params(nn.LSTM(100, 50)),
    "lstm-m-param-count-two-layers": lambda: n_params(nn.LSTM(10, 20, num_layers=2)),
    "lstm-m-param-count-bi-two-layers": lambda: n_params(
        nn.LSTM(10, 20, num_layers=2, bidirectional=True)
    ),
    "lstm-m-text-classifier-params": text_classifier_params,
    "lstm-m-output-shape": lambda: shape_text(lstm_bf_shapes()[0].shape),
    "lstm-m-hn-shape": lambda: shape_text(lstm_bf_shapes()[1].shape),
    "lstm-m-last-hidden": lstm_last_hidden_choices,
    "lstm-m-batch-first-default": lstm_batch_first_default_is_true,
    "lstm-m-bi-output-dim": lstm_bi_output_dim,
    "lstm-m-hn-first-dim": lstm_hn_first_dim,
    "lstm-m-dropout-one-layer": lstm_dropout_one_layer_applies,
    "lstm-m-tagger-output": lstm_tagger_output,
    "lstm-m-gru-param-count": lambda: n_params(nn.GRU(10, 20)),
    # 랭체인, RAG, 벡터스토어
    "lc-temperature-prob": temperature_top_prob,
    "vs-mmr-score": lambda: mmr_score(0.7, 0.8, 0.9),
    "vs-cosine-value": cosine_q_d,
    "vs-normalized-equivalence": normalized_rank_equivalence,
    # beyond the exam scope
    "x-eda-iqr-fence": iqr_upper_fence,
    "x-quant-fp16-memory": fp16_gigabytes,
    "x-prune-csr-row-pointers": csr_row_pointer_length,
    "x-lora-param-count": lora_params,
    "x-metric-precision": lambda: precision_recall()[0],
    "x-metric-recall": lambda: precision_recall()[1],
    "x-metric-f1": f1_score,
    "x-metric-rmse": lambda: float(torch.tensor([1.0, -2, 3, -2]).pow(2).mean().sqrt()),
    "x-sim-euclidean": lambda: float(torch.dist(torch.tensor([1.0, 2]), torch.tensor([4.0, 6]))),
    "x-sim-manhattan": lambda: float(
        torch.dist(torch.tensor([1.0, 2]), torch.tensor([4.0, 6]), p=1)
    ),
    "x-sim-cosine-scale": cosine_ignores_scale,
    "x-hp-grid-fits": grid_fits,
    "x-ens-soft-voting": lambda: float(torch.tensor([0.9, 0.3, 0.45]).mean()),
    "x-ragas-faithfulness-value": faithfulness,
    "x-attn-mha-params": lambda: n_params(nn.MultiheadAttention(embed_dim=64, num_heads=8)),
}


def decimals(number: float) -> int:
    exponent = Decimal(repr(number)).normalize().as_tuple().exponent
    return max(0, -int(exponent))


@pytest.mark.parametrize("item_id", sorted(COMPUTED))
def test_answer_matches_computation(bank: Bank, item_id: str) -> None:
    item: Any = bank.items[item_id]
    value = COMPUTED[item_id]()
    if item.type == "numeric":
        # The stated answer is the computed value rounded to the digits it shows, and the
        # tolerance accepts the exact value a careful student would type.
        assert item.answer == pytest.approx(round(float(value), decimals(item.answer)), abs=1e-9)
        assert abs(item.answer - float(value)) <= item.tolerance + 1e-9
    elif item.type == "true_false":
        assert item.answer is value
    elif item.type == "single_choice":
        assert value in item.choices, f"computed {value!r} is not among the choices"
        assert item.answer == value
    elif item.type == "multiple_choice":
        assert set(item.answers) == value
    elif item.type == "short_answer":
        assert any(str(value) in accepted for accepted in item.answers)
    else:  # pragma: no cover - a new entry with an unsupported type is a test bug
        pytest.fail(f"{item_id}: no check for type {item.type}")


def test_every_part_c_number_is_computed_or_from_notes(bank: Bank) -> None:
    """A numeric item is either recomputed above or quotes a fact of the notes."""
    unchecked = [
        item.id
        for item in bank.items.values()
        if item.id.startswith(PART_C_PREFIXES)
        and item.type == "numeric"
        and item.id not in COMPUTED
        and "from-notes" not in item.tags
    ]
    assert unchecked == []


def test_beyond_scope_items_have_no_pages_and_a_topic(bank: Bank) -> None:
    beyond = [i for i in bank.items.values() if i.id.startswith(("x-", "fc-x-"))]
    assert beyond, "part C ships beyond-scope items"
    for item in beyond:
        assert item.pages is None, item.id
        assert item.topic, item.id
        assert "beyond-scope" in item.tags, item.id
