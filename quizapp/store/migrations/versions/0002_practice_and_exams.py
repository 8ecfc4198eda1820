"""Practice history, drafts and mock-exam attempts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _profile_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["profile_id"],
        ["profiles.id"],
        name=op.f(f"fk_{table}_profile_id_profiles"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "task_submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.String(length=200), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=True),
        _profile_fk("task_submissions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_submissions")),
    )
    op.create_index(
        op.f("ix_task_submissions_profile_id_task_id_submitted_at"),
        "task_submissions",
        ["profile_id", "task_id", "submitted_at"],
    )
    op.create_table(
        "drafts",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.String(length=200), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _profile_fk("drafts"),
        sa.PrimaryKeyConstraint("profile_id", "task_id", name=op.f("pk_drafts")),
    )
    op.create_table(
        "exam_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("blueprint", sa.String(length=200), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("max_score", sa.Float(), nullable=True),
        sa.Column("score_percent", sa.Float(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        _profile_fk("exam_attempts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exam_attempts")),
    )
    op.create_index(
        op.f("ix_exam_attempts_profile_id_started_at"),
        "exam_attempts",
        ["profile_id", "started_at"],
    )
    op.create_table(
        "exam_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("question_index", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("correct", sa.Boolean(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["exam_attempts.id"],
            name=op.f("fk_exam_answers_attempt_id_exam_attempts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exam_answers")),
        sa.UniqueConstraint(
            "attempt_id", "question_index", name=op.f("uq_exam_answers_attempt_id_question_index")
        ),
    )


def downgrade() -> None:
    op.drop_table("exam_answers")
    op.drop_table("exam_attempts")
    op.drop_table("drafts")
    op.drop_table("task_submissions")
