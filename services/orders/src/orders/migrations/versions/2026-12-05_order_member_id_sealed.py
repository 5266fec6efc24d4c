"""An order's payer member id (PHI) is sealed like coverages: ``orders.payer`` keeps the payer
id and plan; the member id moves into ``member_key_id``/``member_data_key``/``member_sealed``
(envelope encryption, bound to the order id). Existing rows are sealed here with the keys of
the settings (``ORDERS_PHI_*``, read only when a row holds a member id in clear); the
downgrade opens them back into the clear column of the previous schema.

Revision ID: orders_0006
Revises: orders_0005
Create Date: 2026-12-05
"""
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "orders_0006"
down_revision = "orders_0005"
branch_labels = None
depends_on = None

BATCH = 500
JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ORDERS = sa.table(
    "orders", sa.column("id", sa.Uuid()), sa.column("payer", JSON_DOC),
    sa.column("member_key_id", sa.String(32)), sa.column("member_data_key", sa.LargeBinary()),
    sa.column("member_sealed", sa.LargeBinary()))


def _cipher() -> Any:
    """The runtime's cipher, from the same settings the service and `migrate` read."""
    from orders.bootstrap import build_cipher, settings_from_env
    return build_cipher(settings_from_env())


def _batches(where: Any) -> Any:
    """Rows of orders matching ``where``, in id order, BATCH at a time."""
    conn, last = op.get_bind(), None
    while True:
        query = sa.select(ORDERS).where(where)
        if last is not None:
            query = query.where(ORDERS.c.id > last)
        rows = conn.execute(query.order_by(ORDERS.c.id).limit(BATCH)).all()
        if not rows:
            return
        yield rows
        last = rows[-1].id


def upgrade() -> None:
    from orders.adapters.phi_crypto import order_payer_aad

    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("member_key_id", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("member_data_key", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("member_sealed", sa.LargeBinary(), nullable=True))
        batch.create_index(op.f("ix_orders_member_key_id"), ["member_key_id"], unique=False)
    conn, cipher = op.get_bind(), None
    for rows in _batches(ORDERS.c.payer.is_not(None) & ORDERS.c.member_sealed.is_(None)):
        for row in rows:
            payer = dict(row.payer or {})  # a JSON null reads as None
            if "member_id" not in payer:
                continue
            cipher = cipher or _cipher()
            sealed = cipher.seal({"member_id": payer.pop("member_id")}, order_payer_aad(row.id))
            conn.execute(ORDERS.update().where(ORDERS.c.id == row.id).values(
                payer=payer, member_key_id=sealed.key_id, member_data_key=sealed.data_key,
                member_sealed=sealed.payload))


def downgrade() -> None:
    from orders.adapters.phi_crypto import Sealed, order_payer_aad

    conn, cipher = op.get_bind(), None
    for rows in _batches(ORDERS.c.member_sealed.is_not(None)):
        for row in rows:
            cipher = cipher or _cipher()
            doc = cipher.open(Sealed(row.member_key_id, bytes(row.member_data_key),
                                     bytes(row.member_sealed)), order_payer_aad(row.id))
            conn.execute(ORDERS.update().where(ORDERS.c.id == row.id).values(
                payer={**(row.payer or {}), "member_id": doc["member_id"]}))
    with op.batch_alter_table("orders") as batch:
        batch.drop_index(op.f("ix_orders_member_key_id"))
        batch.drop_column("member_sealed")
        batch.drop_column("member_data_key")
        batch.drop_column("member_key_id")
