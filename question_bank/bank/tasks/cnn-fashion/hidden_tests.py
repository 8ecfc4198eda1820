"""Hidden checks for cnn-fashion: two conv blocks, flatten, Linear(3136,128)-ReLU-Linear(128,C)."""

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    CNN = p.cls("CNN")
    model = p.build(tr("CNN() can be created", "모델 생성: CNN()"), lambda: CNN())
    with p.check(tr("parameter count, num_classes=10", "파라미터 수 (num_classes=10)"), points=2):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(model), fmt="count")
    for batch in (1, 5):
        with p.check(tr(f"output shape, batch {batch}", f"출력 모양 (배치 {batch})")):
            model.eval()
            p.shape(tr("output shape", "출력 모양"), model(p.randn(batch, 1, 28, 28)))
    with p.check(
        tr(
            "output values (logits) with the reference's weights",
            "모범 답안과 같은 가중치로 계산한 출력 값 (로짓)",
        ),
        points=3,
    ):
        p.load_weights(model, "cnn10")
        model.eval()
        p.tensor(tr("output", "출력"), model(p.randn(3, 1, 28, 28)))
    p.train_mode_output(model, "cnn10", lambda: model(p.randn(2, 1, 28, 28)))
    with p.check(
        tr(
            "output values for a non-contiguous input (transposed images)",
            "메모리가 연속적이지 않은 입력 (전치된 이미지)의 출력 값",
        )
    ):
        p.load_weights(model, "cnn10")
        model.eval()
        p.tensor(tr("output", "출력"), model(p.randn(2, 1, 28, 28).transpose(2, 3)))
    with p.check(
        tr("gradients reach every parameter", "모든 파라미터에 기울기가 전달됨"), points=2
    ):
        model.train()
        p.gradients(model, "cnn10", lambda: model(p.randn(2, 1, 28, 28)).pow(2).mean())

    five = p.build(
        tr("CNN(num_classes=5) can be created", "모델 생성: CNN(num_classes=5)"),
        lambda: CNN(num_classes=5),
    )
    with p.check(
        tr(
            "parameter count and output shape, num_classes=5",
            "파라미터 수와 출력 모양 (num_classes=5)",
        )
    ):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(five), fmt="count")
        five.eval()
        p.shape(tr("output shape", "출력 모양"), five(p.randn(2, 1, 28, 28)))
