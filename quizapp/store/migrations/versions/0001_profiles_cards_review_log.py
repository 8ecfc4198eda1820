"""Profiles, FSRS card states and the review log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("exam_date", sa.Date(), nullable=True),
        sa.Column("daily_new_limit", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_profiles_name")),
    )
    op.create_table(
        "cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.SmallInteger(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.Column("introduced_at", sa.DateTime(), nullable=False),
        sa.Column("last_correct", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_cards_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cards")),
        sa.UniqueConstraint("profile_id", "card_id", name=op.f("uq_cards_profile_id_card_id")),
    )
    op.create_index(op.f("ix_cards_profile_id_due"), "cards", ["profile_id", "due"])
    op.create_table(
        "review_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("rating", sa.SmallInteger(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("correct", sa.Boolean(), nullable=True),
        sa.Column("prev_state", sa.SmallInteger(), nullable=True),
        sa.Column("prev_step", sa.Integer(), nullable=True),
        sa.Column("prev_stability", sa.Float(), nullable=True),
        sa.Column("prev_difficulty", sa.Float(), nullable=True),
        sa.Column("prev_due", sa.DateTime(), nullable=True),
        sa.Column("prev_last_review", sa.DateTime(), nullable=True),
        sa.Column("prev_last_correct", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_review_logs_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_logs")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_review_logs_profile_id_reviewed_at"), "review_logs", ["profile_id", "reviewed_at"]
    )
    op.create_index(
        op.f("ix_review_logs_profile_id_card_id_id"), "review_logs", ["profile_id", "card_id", "id"]
    )


def downgrade() -> None:
    op.drop_table("review_logs")
    op.drop_table("cards")
    op.drop_table("profiles")
