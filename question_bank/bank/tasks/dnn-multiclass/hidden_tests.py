"""Hidden checks for dnn-multiclass: Linear(in,128)-ReLU-Dropout(0.2)-Linear(128,C), CrossEntropyLoss."""

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    MultiClassifier = p.cls("MultiClassifier")
    make_criterion = p.function("make_criterion")

    model = p.build(
        tr("MultiClassifier(20, 5) can be created", "모델 생성: MultiClassifier(20, 5)"),
        lambda: MultiClassifier(20, 5),
    )
    with p.check(
        tr(
            "parameter count, in_features=20, num_classes=5",
            "파라미터 수 (in_features=20, num_classes=5)",
        ),
        points=2,
    ):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(model), fmt="count")
    for batch in (1, 8):
        with p.check(tr(f"output shape, batch {batch}", f"출력 모양 (배치 {batch})")):
            model.eval()
            p.shape(tr("output shape", "출력 모양"), model(p.randn(batch, 20)))
    with p.check(
        tr(
            "eval mode: output values (logits) with the reference's weights",
            "평가 모드: 모범 답안과 같은 가중치로 계산한 출력 값 (로짓)",
        ),
        points=3,
    ):
        p.load_weights(model, "m20")
        model.eval()
        p.tensor(tr("output", "출력"), model(p.randn(6, 20)))
    with p.check(
        tr(
            "train mode: dropout p=0.2 after the ReLU (same random seed as the reference)",
            "학습 모드: ReLU 뒤의 드롭아웃 p=0.2 (모범 답안과 같은 난수 시드)",
        ),
        points=2,
    ):
        p.load_weights(model, "m20")
        model.train()
        x = p.randn(16, 20)
        with p.seeded(7):
            p.tensor(tr("train-mode output", "학습 모드 출력"), model(x))
    with p.check(tr("gradients reach every parameter", "모든 파라미터에 기울기가 전달됨")):
        model.train()
        p.gradients(model, "m20", lambda: model(p.randn(6, 20)).pow(2).mean())

    with p.check(
        tr(
            "MultiClassifier(in_features=7, num_classes=3) by keyword: parameter count and "
            "eval-mode output values",
            "키워드 인자로 만든 MultiClassifier(in_features=7, num_classes=3): 파라미터 수와 "
            "평가 모드 출력 값",
        ),
        points=2,
    ):
        keyword = MultiClassifier(in_features=7, num_classes=3)
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(keyword), fmt="count")
        p.load_weights(keyword, "kw7")
        keyword.eval()
        p.tensor(tr("output", "출력"), keyword(p.randn(4, 7)))

    with p.check(
        tr(
            "make_criterion() returns nn.CrossEntropyLoss()",
            "make_criterion()의 반환값: nn.CrossEntropyLoss()",
        ),
        points=2,
    ):
        criterion = make_criterion()
        p.kind(tr("make_criterion() type", "make_criterion()의 반환 타입"), criterion)
        p.tensor(tr("loss value", "손실 값"), criterion(p.randn(6, 5), p.randint(0, 5, 6)))
