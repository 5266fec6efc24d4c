"""One current appointment per order: a partial unique index on appointments(order_id) over
the queued and live statuses (a queued same-day request is the order's appointment-to-be).

Concurrent bookings of one order could leave several live appointments (issue 11). Rows left
by that bug would make the index fail to build: the upgrade stops first and names the orders,
so staff cancel the extra appointments through the API (which tells the other services) and
run the migration again.

Revision ID: scheduling_0003
Revises: scheduling_0002
Create Date: 2026-12-05
"""
from uuid import UUID

from alembic import op
from sqlalchemy import text

revision = "scheduling_0003"
down_revision = "scheduling_0002"
branch_labels = None
depends_on = None

INDEX = "ux_appointments_order_current"
CURRENT = "status IN ('queued', 'held', 'booked', 'checked_in', 'in_chair')"


def upgrade() -> None:
    bind = op.get_bind()
    duplicated = [str(UUID(str(r[0]))) for r in bind.execute(text(  # SQLite keeps bare hex
        f"SELECT order_id FROM appointments WHERE order_id IS NOT NULL AND {CURRENT} "
        "GROUP BY order_id HAVING count(*) > 1 ORDER BY order_id"))]
    if duplicated:
        shown = ", ".join(duplicated[:20]) + (" ..." if len(duplicated) > 20 else "")
        raise RuntimeError(
            f"{len(duplicated)} order(s) have more than one queued or live appointment "
            f"({shown}); cancel the extra ones (POST /v1/appointments/{{id}}/cancel) and "
            "migrate again")
    # Revision 0002 builds the tables from the current table definitions, so a new database
    # already has the index at this point.
    op.create_index(INDEX, "appointments", ["order_id"], unique=True, if_not_exists=True,
                    postgresql_where=text(CURRENT), sqlite_where=text(CURRENT))


def downgrade() -> None:
    op.drop_index(INDEX, table_name="appointments", if_exists=True)
