"""Shared by the store and study tests: a fake clock, a small bank with every item type,
database URLs for SQLite and (when configured) PostgreSQL, and ready answers."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import write_tree

PG_ENV = "QUIZAPP_TEST_PG_URL"
PG_SKIP = f"PostgreSQL: no server ({PG_ENV} unset)"

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning, 18:00 in Seoul


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment


SAMPLE_BANK: dict[str, str | bytes] = {
    "syllabus.yaml": """
        - title: 텐서
          pages: ["10-12"]
        - title: 손실함수
          pages: [50]
    """,
    "items/1-tensor.yaml": """
        topic: 텐서
        pages: ["10-12"]
        items:
          - id: sc
            type: single_choice
            prompt: 고르세요
            choices: [가, 나, 다]
            answer: 나
          - id: mc
            type: multiple_choice
            prompt: 모두 고르세요
            choices: [a, b, c]
            answers: [a, c]
          - id: tf
            type: true_false
            prompt: 참인가?
            answer: true
          - id: sa
            type: short_answer
            prompt: 은닉층에 흔히 쓰는 활성화 함수는?
            answers: [ReLU, 렐루]
          - id: num
            type: numeric
            prompt: Linear(13, 64)의 파라미터 수는?
            answer: 896
            tolerance: 0.5
          - id: cz
            type: cloze
            text: "{{c1::CrossEntropyLoss}}는 {{c2::logits::원시 출력}}을 받는다"
          - id: fc
            type: flashcard
            front: 텐서란?
            back: 다차원 배열
            reverse: true
    """,
    "items/2-loss.yaml": """
        topic: 손실함수
        pages: [50]
        items:
          - id: loss-card
            type: flashcard
            front: 회귀의 손실함수는?
            back: MSELoss
          - id: loss-sa
            type: short_answer
            prompt: 이진 분류의 손실함수는?
            answers: [BCELoss]
    """,
    "tasks/tk/task.yaml": """
        id: tk
        title: 손실함수 만들기
        pages: [50]
        topic: 손실함수
        prompt: make_criterion()을 정의하세요.
    """,
    "tasks/tk/starter.py": "def make_criterion():\n    pass\n",
    "tasks/tk/solution.py": "def make_criterion():\n    return None\n",
    "tasks/tk/hidden_tests.py": "def test_ok():\n    assert True\n",
}

# A right and a wrong response for each written item of SAMPLE_BANK.
RIGHT = {
    "sc": "나",
    "mc": ["c", "a"],
    "tf": True,
    "sa": "  relu ",
    "num": "896.4",
    "cz": ["crossentropyloss", "Logits"],
    "loss-sa": "bceloss",
}
WRONG = {
    "sc": "가",
    "mc": ["a"],
    "tf": False,
    "sa": "sigmoid",
    "num": "897",
    "cz": ["CrossEntropyLoss", "probs"],
    "loss-sa": "MSELoss",
}


def write_sample_bank(root: Path, changes: dict[str, str | bytes] | None = None) -> Path:
    return write_tree(root, {**SAMPLE_BANK, **(changes or {})})


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema on the test server, dropped afterwards; skips without a server."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    schema = f"quizapp_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on an SQLite file and on PostgreSQL (skipped without a server)."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "data" / "progress.db")
    return str(request.getfixturevalue("pg_url"))
