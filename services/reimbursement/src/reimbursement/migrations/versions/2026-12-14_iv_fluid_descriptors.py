"""IV fluids as billed items (clinical-loop.md §6): the lactated Ringer's descriptor J7120 joins
the normal-saline ones (J7030, J7040, J7050, reimbursement_0003), and those get the source the
descriptors were checked against. Every fluid is one unit per bag.

Revision ID: reimbursement_0012_fluids
Revises: reimbursement_0011_sub_trace
Create Date: 2026-12-14
"""
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

from reimbursement.adapters.types import Dec

revision = "reimbursement_0012_fluids"
down_revision = "reimbursement_0011_sub_trace"
branch_labels = None
depends_on = None

SOURCE = ("HCPCS level II descriptor (checked: pabau.com HCPCS J7120; CMS transmittal summary "
          "for J7040/J7050; cms1500claimbilling.com J7030); clinical-loop.md §6 R24, R27")
OLD_SOURCE = "HCPCS level II [general knowledge, verify]"
table = sa.table("hcpcs_descriptors", sa.column("code", sa.String),
                 sa.column("description", sa.String), sa.column("amount", Dec()),
                 sa.column("unit", sa.String), sa.column("up_to", sa.Boolean),
                 sa.column("unclassified", sa.Boolean), sa.column("source", sa.String))


def upgrade() -> None:
    conn = op.get_bind()
    if conn.execute(sa.select(table.c.code).where(table.c.code == "J7120")).first() is None:
        op.bulk_insert(table, [{
            "code": "J7120", "description": "Ringers lactate infusion, up to 1000 cc",
            "amount": Decimal("1000"), "unit": "ml", "up_to": True, "unclassified": False,
            "source": SOURCE}])
    op.execute(table.update().where(table.c.code.in_(("J7030", "J7040", "J7050")),
                                    table.c.source == OLD_SOURCE).values(source=SOURCE))


def downgrade() -> None:
    op.execute(table.update().where(table.c.code.in_(("J7030", "J7040", "J7050")),
                                    table.c.source == SOURCE).values(source=OLD_SOURCE))
    op.execute(table.delete().where(table.c.code == "J7120", table.c.source == SOURCE))
