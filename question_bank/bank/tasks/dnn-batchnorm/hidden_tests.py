"""Hidden checks for dnn-batchnorm: Linear(in,64)-BatchNorm1d(64)-ReLU-Linear(64,C), train vs eval."""

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    BNNet = p.cls("BNNet")
    model = p.build(tr("BNNet(12, 4) can be created", "모델 생성: BNNet(12, 4)"), lambda: BNNet(12, 4))
    with p.check(
        tr("parameter count, in_features=12, num_classes=4", "파라미터 수 (in_features=12, num_classes=4)"),
        points=2,
    ):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(model), fmt="count")
    with p.check(tr("output shape, train mode, batch 8", "출력 모양 (학습 모드, 배치 8)")):
        model.train()
        p.shape(tr("output shape", "출력 모양"), model(p.randn(8, 12)))
    with p.check(tr("output shape, eval mode, batch 1", "출력 모양 (평가 모드, 배치 1)")):
        model.eval()
        p.shape(tr("output shape", "출력 모양"), model(p.randn(1, 12)))
    with p.check(
        tr(
            "train mode: output values with the reference's weights (batch statistics)",
            "학습 모드: 모범 답안과 같은 가중치로 계산한 출력 값 (배치 통계 사용)",
        ),
        points=3,
    ):
        p.load_weights(model, "bn")
        model.train()
        with p.seeded(1):  # the same dropout masks, should there be any
            p.tensor(tr("train-mode output", "학습 모드 출력"), model(p.randn(8, 12) * 2 + 1))
    with p.check(
        tr("eval mode: output values use the running statistics", "평가 모드: 출력 값에 이동 통계를 사용함"),
        points=3,
    ):
        p.load_weights(model, "bn")
        model.eval()
        p.tensor(tr("eval-mode output", "평가 모드 출력"), model(p.randn(5, 12)))
    with p.check(
        tr(
            "eval mode after a training batch: running statistics were updated",
            "학습 배치를 한 번 거친 뒤의 평가 모드: 이동 통계가 갱신됨",
        ),
        points=2,
    ):
        p.load_weights(model, "bn")
        model.train()
        with p.seeded(2):  # the same dropout masks, should there be any
            model(p.randn(10, 12) * 3 - 1)
        model.eval()
        p.tensor(
            tr("eval-mode output after one training batch", "학습 배치 한 번 뒤의 평가 모드 출력"),
            model(p.randn(4, 12)),
        )
    with p.check(tr("gradients reach every parameter", "모든 파라미터에 기울기가 전달됨")):
        model.train()
        with p.seeded(3):  # the same dropout masks, should there be any
            p.gradients(model, "bn", lambda: model(p.randn(6, 12)).pow(2).mean())
