"""Claims keep no member id (PHI, issue 13): events no longer carry it and the 837P reads it
from orders' payer identity. Clears ``claims.member_id`` (the column stays, always null, for
the claim's public document) and the ``payer.member_id`` of the visit kept in
``claims.visit``. Nothing to restore on downgrade (both were optional before).

Revision ID: reimbursement_0005
Revises: reimbursement_0004
Create Date: 2026-12-11
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "reimbursement_0005"
down_revision = "reimbursement_0004"
branch_labels = None
depends_on = None

BATCH = 500
JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
CLAIMS = sa.table("claims", sa.column("id", sa.Uuid()), sa.column("member_id", sa.String(80)),
                  sa.column("visit", JSON_DOC))


def upgrade() -> None:
    conn, last = op.get_bind(), None
    conn.execute(CLAIMS.update().where(CLAIMS.c.member_id.is_not(None)).values(member_id=None))
    while True:
        query = sa.select(CLAIMS.c.id, CLAIMS.c.visit).order_by(CLAIMS.c.id).limit(BATCH)
        if last is not None:
            query = query.where(CLAIMS.c.id > last)
        rows = conn.execute(query).all()
        if not rows:
            return
        for row in rows:
            payer = (row.visit or {}).get("payer") or {}
            if payer.get("member_id") is not None:
                visit = {**row.visit, "payer": {**payer, "member_id": None}}
                conn.execute(CLAIMS.update().where(CLAIMS.c.id == row.id).values(visit=visit))
        last = rows[-1].id


def downgrade() -> None:
    pass
