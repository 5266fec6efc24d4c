"""Series booking: the series and series_visits tables (a course booked in one decision) and
series_holds (RX-6: a reaction holding a patient's remaining series visits).

Revision ID: scheduling_0005_series
Revises: scheduling_0005_pharmacy
Create Date: 2026-12-06
"""
from alembic import op

from scheduling.adapters import series_orm
from scheduling.adapters.metadata import metadata

revision = "scheduling_0005_series"
down_revision = "scheduling_0005_pharmacy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    metadata.create_all(op.get_bind(), tables=series_orm.TABLES, checkfirst=True)


def downgrade() -> None:
    metadata.drop_all(op.get_bind(), tables=list(reversed(series_orm.TABLES)), checkfirst=True)
