"""Hidden checks for evaluate-accuracy: eval mode, no gradients, correct / samples over the loader."""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from grader.probe import Probe
from grader.text import tr


class GradRecorder(nn.Module):
    """Passes its input through and remembers whether gradients were being tracked."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[bool] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.seen.append(torch.is_grad_enabled())
        return x


def _setup(p: Probe, samples: int, batch_size: int, wrong: list[int]):
    """A model with dropout and batch norm, data it gets right except at the `wrong` indices."""
    with p.seeded(samples):
        recorder = GradRecorder()
        model = nn.Sequential(
            recorder,
            nn.Linear(5, 12),
            nn.BatchNorm1d(12),
            nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(12, 3),
        )
        with torch.no_grad():
            model[2].running_mean.uniform_(-0.5, 0.5)
            model[2].running_var.uniform_(0.5, 1.5)
    x = p.randn(samples, 5)
    model.eval()
    with torch.no_grad():
        labels = model(x).argmax(dim=1)
    for i in wrong:
        labels[i] = (labels[i] + 1) % 3
    recorder.seen.clear()
    model.train()  # the function must switch it to evaluation mode
    return model, DataLoader(TensorDataset(x, labels), batch_size=batch_size), recorder


def probe(p: Probe) -> None:
    evaluate = p.function("evaluate")
    for samples, batch_size, wrong in ((10, 4, [0, 1, 2, 9]), (7, 3, [6]), (6, 1, [2])):
        setup = f"{samples} samples in batches of {batch_size}"
        setup_ko = f"샘플 {samples}개, 배치 크기 {batch_size}"
        with p.check(
            tr(
                f"returns correct / samples over the whole loader as a Python float ({setup})",
                f"로더 전체에서 맞힌 개수 / 샘플 수를 Python float로 반환함 ({setup_ko})",
            ),
            points=3,
        ):
            model, loader, _ = _setup(p, samples, batch_size, wrong)
            with p.seeded(3):
                p.close(tr("accuracy", "정확도"), evaluate(model, loader), atol=1e-6, rtol=1e-6)
        with p.check(
            tr(
                f"puts the model in evaluation mode ({setup})",
                f"모델을 평가 모드로 바꿈 ({setup_ko})",
            ),
            points=2,
        ):
            model, loader, _ = _setup(p, samples, batch_size, wrong)
            with p.seeded(3):
                evaluate(model, loader)
            p.observe(
                tr("model.training after the call", "호출 뒤의 model.training"), model.training
            )
        with p.check(
            tr(
                f"tracks no gradients while evaluating ({setup})",
                f"평가하는 동안 기울기를 추적하지 않음 ({setup_ko})",
            ),
            points=2,
        ):
            model, loader, recorder = _setup(p, samples, batch_size, wrong)
            with p.seeded(3):
                evaluate(model, loader)
            p.observe(
                tr("forward passes that tracked gradients", "기울기를 추적한 순전파 횟수"),
                sum(recorder.seen),
            )
    with p.check(
        tr(
            "called with keyword arguments, every prediction right: accuracy 1.0",
            "키워드 인자로 호출, 모든 예측이 맞음: 정확도 1.0",
        )
    ):
        model, loader, _ = _setup(p, 5, 2, [])
        with p.seeded(3):
            p.close(
                tr("accuracy", "정확도"), evaluate(model=model, loader=loader), atol=1e-6, rtol=1e-6
            )

    def given() -> dict[str, object]:
        model, loader, _ = _setup(p, 8, 3, [1, 4])
        return {"model": model, "loader": loader}

    # Every input class of task.yaml's contract, among them a caller that has gradients
    # disabled: gradient tracking must be as the caller had it when evaluate returns.
    p.contract_checks(evaluate, given)
