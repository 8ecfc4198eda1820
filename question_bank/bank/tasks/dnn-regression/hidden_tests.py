"""Hidden checks for dnn-regression: Linear(in,64)-ReLU-Linear(64,32)-ReLU-Linear(32,1), MSELoss."""

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    Regressor = p.cls("Regressor")
    make_criterion = p.function("make_criterion")

    model = p.build(
        tr("Regressor(13) can be created", "모델 생성: Regressor(13)"), lambda: Regressor(13)
    )
    with p.check(tr("parameter count, in_features=13", "파라미터 수 (in_features=13)"), points=2):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(model), fmt="count")
    for batch in (1, 7):
        with p.check(tr(f"output shape, batch {batch}", f"출력 모양 (배치 {batch})")):
            model.eval()
            p.shape(tr("output shape", "출력 모양"), model(p.randn(batch, 13)))
    with p.check(
        tr(
            "output values with the reference's weights", "모범 답안과 같은 가중치로 계산한 출력 값"
        ),
        points=3,
    ):
        p.load_weights(model, "in13")
        model.eval()
        p.tensor(tr("output", "출력"), model(p.randn(6, 13) * 2))
    p.train_mode_output(model, "in13", lambda: model(p.randn(6, 13)))
    with p.check(tr("gradients reach every parameter", "모든 파라미터에 기울기가 전달됨")):
        p.gradients(model, "in13", lambda: model(p.randn(5, 13)).pow(2).mean())

    small = p.build(
        tr("Regressor(5) can be created", "모델 생성: Regressor(5)"), lambda: Regressor(5)
    )
    with p.check(tr("parameter count, in_features=5", "파라미터 수 (in_features=5)")):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(small), fmt="count")
    with p.check(
        tr(
            "output values with the reference's weights, in_features=5",
            "모범 답안과 같은 가중치로 계산한 출력 값 (in_features=5)",
        ),
        points=2,
    ):
        p.load_weights(small, "in5")
        small.eval()
        p.tensor(tr("output", "출력"), small(p.randn(4, 5)))

    with p.check(
        tr(
            "Regressor(in_features=8) by keyword: parameter count and output shape",
            "키워드 인자로 만든 Regressor(in_features=8): 파라미터 수와 출력 모양",
        )
    ):
        keyword = Regressor(in_features=8)
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(keyword), fmt="count")
        keyword.eval()
        p.shape(tr("output shape", "출력 모양"), keyword(p.randn(2, 8)))

    with p.check(
        tr("make_criterion() returns nn.MSELoss()", "make_criterion()의 반환값: nn.MSELoss()"),
        points=2,
    ):
        criterion = make_criterion()
        p.kind(tr("make_criterion() type", "make_criterion()의 반환 타입"), criterion)
        p.tensor(tr("loss value", "손실 값"), criterion(p.randn(6, 1), p.randn(6, 1)))
