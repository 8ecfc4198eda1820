"""Training-task attempts: the metric, training CPU time and parameter count of a submission,
so that the leaderboard can rank them without reading every stored verdict.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("task_submissions") as batch:
        batch.add_column(sa.Column("metric", sa.Float(), nullable=True))
        batch.add_column(sa.Column("cpu_s", sa.Float(), nullable=True))
        batch.add_column(sa.Column("parameters", sa.Integer(), nullable=True))
    op.create_index(
        op.f("ix_task_submissions_task_id_metric"), "task_submissions", ["task_id", "metric"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_task_submissions_task_id_metric"), table_name="task_submissions")
    with op.batch_alter_table("task_submissions") as batch:
        batch.drop_column("parameters")
        batch.drop_column("cpu_s")
        batch.drop_column("metric")
