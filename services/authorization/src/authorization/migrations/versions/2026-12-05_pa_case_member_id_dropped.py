"""PA cases keep no member id (PHI, issue 13): events no longer carry it and a request reads
it from orders' payer identity. Removes the member ids stored in ``pa_cases.body``; the
downgrade writes an empty one back (the earlier code requires the key, the value is gone).

Revision ID: authorization_0004_no_member_id
Revises: authorization_0003_eligibility
Create Date: 2026-12-05
"""
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "authorization_0004_no_member_id"
down_revision = "authorization_0003_eligibility"
branch_labels = None
depends_on = None

BATCH = 500
CASES = sa.table("pa_cases", sa.column("id", sa.Uuid()), sa.column("body", sa.JSON()))


def _rewrite(change: Any) -> None:
    """Every case body through ``change`` (None: unchanged), BATCH rows at a time."""
    conn, last = op.get_bind(), None
    while True:
        query = sa.select(CASES).order_by(CASES.c.id).limit(BATCH)
        if last is not None:
            query = query.where(CASES.c.id > last)
        rows = conn.execute(query).all()
        if not rows:
            return
        for row in rows:
            body = change(dict(row.body))
            if body is not None:
                conn.execute(CASES.update().where(CASES.c.id == row.id).values(body=body))
        last = rows[-1].id


def upgrade() -> None:
    def drop(body: dict[str, Any]) -> dict[str, Any] | None:
        if "member_id" not in body:
            return None
        body.pop("member_id")
        return body
    _rewrite(drop)


def downgrade() -> None:
    _rewrite(lambda body: None if "member_id" in body else {**body, "member_id": ""})
