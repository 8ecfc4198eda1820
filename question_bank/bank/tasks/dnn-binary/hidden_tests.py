"""Hidden checks for dnn-binary: Linear(in,32)-ReLU-Linear(32,1)-Sigmoid, BCELoss."""

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    BinaryClassifier = p.cls("BinaryClassifier")
    make_criterion = p.function("make_criterion")

    model = p.build(
        tr("BinaryClassifier(10) can be created", "모델 생성: BinaryClassifier(10)"),
        lambda: BinaryClassifier(10),
    )
    with p.check(tr("parameter count, in_features=10", "파라미터 수 (in_features=10)"), points=2):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(model), fmt="count")
    for batch in (1, 6):
        with p.check(tr(f"output shape, batch {batch}", f"출력 모양 (배치 {batch})")):
            model.eval()
            p.shape(tr("output shape", "출력 모양"), model(p.randn(batch, 10)))
    with p.check(
        tr(
            "output values (probabilities) with the reference's weights",
            "모범 답안과 같은 가중치로 계산한 출력 값 (확률)",
        ),
        points=3,
    ):
        p.load_weights(model, "in10")
        model.eval()
        p.tensor(tr("output", "출력"), model(p.randn(8, 10) * 2))
    p.train_mode_output(model, "in10", lambda: model(p.randn(6, 10)))
    with p.check(tr("gradients reach every parameter", "모든 파라미터에 기울기가 전달됨")):
        p.gradients(model, "in10", lambda: model(p.randn(5, 10)).sum())

    other = p.build(
        tr("BinaryClassifier(3) can be created", "모델 생성: BinaryClassifier(3)"),
        lambda: BinaryClassifier(3),
    )
    with p.check(
        tr(
            "output values with the reference's weights, in_features=3",
            "모범 답안과 같은 가중치로 계산한 출력 값 (in_features=3)",
        ),
        points=2,
    ):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(other), fmt="count")
        p.load_weights(other, "in3")
        other.eval()
        p.tensor(tr("output", "출력"), other(p.randn(4, 3)))

    with p.check(
        tr(
            "BinaryClassifier(in_features=6) by keyword: parameter count and output shape",
            "키워드 인자로 만든 BinaryClassifier(in_features=6): 파라미터 수와 출력 모양",
        )
    ):
        keyword = BinaryClassifier(in_features=6)
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(keyword), fmt="count")
        keyword.eval()
        p.shape(tr("output shape", "출력 모양"), keyword(p.randn(2, 6)))

    with p.check(
        tr("make_criterion() returns nn.BCELoss()", "make_criterion()의 반환값: nn.BCELoss()"),
        points=2,
    ):
        criterion = make_criterion()
        p.kind(tr("make_criterion() type", "make_criterion()의 반환 타입"), criterion)
        probabilities = p.rand(6, 1) * 0.9 + 0.05
        targets = p.randint(0, 2, 6, 1).float()
        p.tensor(tr("loss value", "손실 값"), criterion(probabilities, targets))
