"""Visit truth: scheduling's record of an order learns when its escort was confirmed
(``order.escort_confirmed``, for the check-in warning) and when the visit was completed in
orders (``order.administered``, which completes the appointment and lets staff complete it).

Revision 0002 builds the tables from the current table definitions, so on a new database the
columns are already there: they are added only where missing.

Revision ID: scheduling_0004
Revises: scheduling_0003
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "scheduling_0004"
down_revision = "scheduling_0003"
branch_labels = None
depends_on = None

COLUMNS = ("escort_confirmed_at", "administered_at")


def _present() -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns("order_requests")}


def upgrade() -> None:
    missing = [c for c in COLUMNS if c not in _present()]
    if missing:
        with op.batch_alter_table("order_requests") as batch:
            for name in missing:
                batch.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    present = [c for c in COLUMNS if c in _present()]
    if present:
        with op.batch_alter_table("order_requests") as batch:
            for name in present:
                batch.drop_column(name)
