"""How long `quizapp bank check` takes on a correct bank of 10,000 generated items.

Target: under 1 s for the whole command on the course machine (2 cores).
Run: `python bench/bench_bank_check.py [--items N]`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEMPLATES = [
    """  - id: gen-{n}
    type: single_choice
    prompt: "생성된 문제 {n}: 다중 분류의 손실 함수는?"
    choices: [CrossEntropyLoss, MSELoss, L1Loss, "HuberLoss {n}"]
    answer: CrossEntropyLoss
    explanation: 로짓과 정수 레이블을 받는 손실입니다.
""",
    """  - id: gen-{n}
    type: multiple_choice
    prompt: "생성된 문제 {n}: 활성화 함수를 모두 고르세요."
    choices: [ReLU, Sigmoid, Adam, SGD]
    answers: [ReLU, Sigmoid]
""",
    """  - id: gen-{n}
    type: true_false
    prompt: "생성된 문제 {n}: 드롭아웃은 평가 모드에서 꺼진다."
    answer: true
""",
    """  - id: gen-{n}
    type: short_answer
    prompt: "생성된 문제 {n}: 최대값의 위치를 주는 함수는?"
    answers: [argmax, torch.argmax]
""",
    """  - id: gen-{n}
    type: numeric
    prompt: "생성된 문제 {n}: 28x28 입력에 3x3 합성곱(padding=1)의 출력 크기는?"
    answer: 28
""",
    """  - id: gen-{n}
    type: cloze
    text: "생성된 문제 {n}: 새 차원으로 쌓는 함수는 torch.{{{{c1::stack}}}}이다."
""",
    """  - id: gen-{n}
    type: flashcard
    front: "생성된 카드 {n}: 배치 정규화"
    back: 미니배치의 평균과 분산으로 정규화한다.
    reverse: true
""",
]


def generate(root: Path, count: int, per_file: int = 500) -> None:
    items = root / "items"
    items.mkdir(parents=True)
    for start in range(0, count, per_file):
        body = "".join(
            TEMPLATES[n % len(TEMPLATES)].format(n=n)
            for n in range(start, min(count, start + per_file))
        )
        text = f'topic: 생성\npages: [50, "83-88"]\nitems:\n{body}'
        (items / f"gen-{start // per_file:03d}.yaml").write_text(text, encoding="utf-8")
    exams = root / "exams"
    exams.mkdir()
    (exams / "gen.yaml").write_text(
        "id: gen-exam\ntitle: 생성 시험\nminutes: 60\nsections:\n"
        "  - title: 필기\n    kind: written\n    count: 100\n    pages: [50]\n    points_each: 1\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "bank"
        generate(root, args.items)
        size = sum(p.stat().st_size for p in root.rglob("*.yaml"))
        print(
            f"generated bank: {args.items} items in {len(list(root.rglob('*.yaml')))} files, {size / 1e6:.1f} MB"
        )

        from question_bank import load_banks

        loads = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            bank, problems = load_banks([root])
            loads.append(time.perf_counter() - started)
        assert not problems, problems[:3]
        print(
            f"load + validate in process: median {statistics.median(loads) * 1000:.0f} ms "
            f"(min {min(loads) * 1000:.0f} ms) for {len(bank.items)} items"
        )

        commands = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            run = subprocess.run(
                [sys.executable, "-m", "quizapp", "bank", "check", str(root)],
                capture_output=True,
                text=True,
            )
            commands.append(time.perf_counter() - started)
            assert run.returncode == 0, run.stdout + run.stderr
        print(
            f"`quizapp bank check` (whole command, new interpreter): median "
            f"{statistics.median(commands) * 1000:.0f} ms (min {min(commands) * 1000:.0f} ms); target < 1000 ms"
        )
        print(f"  its output: {run.stdout.strip()}")


if __name__ == "__main__":
    main()
