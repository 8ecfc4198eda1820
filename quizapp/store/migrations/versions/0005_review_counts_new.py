"""Review log: whether a card's first answer counts against the day's new-card limit.

A quiz answers cards the student has not studied yet without choosing to learn new
cards; those first answers are marked ``counts_new = false`` so that the daily limit
stays for the review session. Every entry written before this revision counts (as it
did).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a plain ADD COLUMN (SQLite has it for a NOT NULL column with a default): the log is
    # the largest table, and copying it would also drop its AUTOINCREMENT (ids are never
    # reused, so an undone entry cannot be mistaken for a later one)
    op.add_column(
        "review_logs",
        sa.Column("counts_new", sa.Boolean(), nullable=False, server_default=sa.true()),
    )


def downgrade() -> None:
    with op.batch_alter_table("review_logs", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("counts_new")
