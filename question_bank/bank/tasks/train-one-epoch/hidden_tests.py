"""Hidden checks for train-one-epoch: train mode, zero_grad/forward/backward/step per batch, mean loss."""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from grader.probe import Probe
from grader.text import tr


def _classification(p: Probe):
    with p.seeded(1):
        model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Dropout(0.3), nn.Linear(16, 3))
    data = TensorDataset(p.randn(10, 6), p.randint(0, 3, 10))
    loader = DataLoader(data, batch_size=4)  # batches of 4, 4 and 2
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    model.eval()  # the function must switch it to training mode
    return model, loader, nn.CrossEntropyLoss(), optimizer


def _regression(p: Probe):
    with p.seeded(2):
        model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
    data = TensorDataset(p.randn(7, 3), p.randn(7, 1))
    loader = DataLoader(data, batch_size=3)  # batches of 3, 3 and 1
    return model, loader, nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.05)


def _one_batch(p: Probe):
    with p.seeded(3):
        model = nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 2))
    data = TensorDataset(p.randn(6, 4), p.randint(0, 2, 6))
    loader = DataLoader(data, batch_size=8)  # a single batch of 6
    return model, loader, nn.CrossEntropyLoss(), torch.optim.Adam(model.parameters(), lr=0.01)


def probe(p: Probe) -> None:
    train_one_epoch = p.function("train_one_epoch")
    cases = (
        ("classification with dropout", "드롭아웃이 있는 분류", _classification),
        ("regression", "회귀", _regression),
    )
    for name, name_ko, setup in cases:
        with p.check(
            tr(
                f"returns the mean of the batch losses as a Python float ({name})",
                f"배치 손실의 평균을 Python float로 반환함 ({name_ko})",
            ),
            points=3,
        ):
            model, loader, criterion, optimizer = setup(p)
            with p.seeded(5):
                p.close(
                    tr("mean batch loss", "배치 손실의 평균"),
                    train_one_epoch(model, loader, criterion, optimizer),
                    atol=1e-6,
                    rtol=1e-5,
                )
        with p.check(
            tr(
                f"parameters after one epoch: one update per batch ({name})",
                f"한 에포크 뒤의 파라미터: 배치마다 한 번씩 갱신 ({name_ko})",
            ),
            points=3,
        ):
            model, loader, criterion, optimizer = setup(p)
            with p.seeded(5):
                train_one_epoch(model, loader, criterion, optimizer)
            for i, param in enumerate(model.parameters()):
                p.tensor(
                    tr(f"parameter {i} after the epoch", f"에포크 뒤의 파라미터 {i}"),
                    param.detach(),
                    atol=1e-5,
                    rtol=1e-4,
                )
        with p.check(
            tr(f"leaves the model in training mode ({name})", f"모델을 학습 모드로 둠 ({name_ko})")
        ):
            model, loader, criterion, optimizer = setup(p)
            with p.seeded(5):
                train_one_epoch(model, loader, criterion, optimizer)
            p.observe(
                tr("model.training after the call", "호출 뒤의 model.training"), model.training
            )
    with p.check(
        tr(
            "called with keyword arguments, a loader of a single batch: its loss and the update",
            "키워드 인자로 호출, 배치가 하나뿐인 로더: 그 손실과 파라미터 갱신",
        ),
        points=2,
    ):
        model, loader, criterion, optimizer = _one_batch(p)
        with p.seeded(5):
            mean_loss = train_one_epoch(
                model=model, loader=loader, criterion=criterion, optimizer=optimizer
            )
        p.close(tr("mean batch loss", "배치 손실의 평균"), mean_loss, atol=1e-6, rtol=1e-5)
        for i, param in enumerate(model.parameters()):
            p.tensor(
                tr(f"parameter {i} after the epoch", f"에포크 뒤의 파라미터 {i}"),
                param.detach(),
                atol=1e-5,
                rtol=1e-4,
            )

    def given() -> dict[str, object]:
        model, loader, criterion, optimizer = _classification(p)
        return {"model": model, "loader": loader, "criterion": criterion, "optimizer": optimizer}

    # Every input class of task.yaml's contract: the model handed over in train mode, in eval
    # mode and already holding gradients (they must not leak into the first step).
    p.contract_checks(train_one_epoch, given)
