"""Pharmacy as a resource: hoods and pharmacists' shifts; each order and appointment carries
its pharmacy preparation minutes (order.signed ``prep_minutes``).

Revision 0002 builds the tables it lists from the current definitions, so on a new database
the appointment and order columns are already there: they are added only where missing.

Revision ID: scheduling_0005_pharmacy
Revises: scheduling_0005_triage
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

from scheduling.adapters import orm
from scheduling.adapters.metadata import metadata

revision = "scheduling_0005_pharmacy"
down_revision = "scheduling_0005_triage"
branch_labels = None
depends_on = None

TABLES = [orm.pharmacy_settings, orm.pharmacist_shifts]


def _present(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    metadata.create_all(op.get_bind(), tables=TABLES, checkfirst=True)
    if "prep_minutes" not in _present("order_requests"):
        with op.batch_alter_table("order_requests") as batch:
            batch.add_column(sa.Column("prep_minutes", sa.Integer(), nullable=True))
    if "prep_minutes" not in _present("appointments"):
        with op.batch_alter_table("appointments") as batch:
            batch.add_column(sa.Column("prep_minutes", sa.Integer(), nullable=False,
                                       server_default="0"))


def downgrade() -> None:
    for table in ("appointments", "order_requests"):
        if "prep_minutes" in _present(table):
            with op.batch_alter_table(table) as batch:
                batch.drop_column("prep_minutes")
    metadata.drop_all(op.get_bind(), tables=list(reversed(TABLES)), checkfirst=True)
