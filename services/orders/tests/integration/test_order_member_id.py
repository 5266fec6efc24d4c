"""Issue 13: an order's payer member id (PHI) is sealed at rest and never leaves in an event.
The order API still answers with it; the migration seals the member ids stored in clear."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
import sqlalchemy as sa

from chairside_shared import db
from chairside_shared.migrations import alembic_config, upgrade_async
from orders.adapters.order_payer import payer_of
from orders.adapters.orm import orders, patients
from orders.bootstrap import MIGRATIONS, build_cipher
from orders.settings import OrdersSettings

from .test_api import new_order, new_patient, outbox_events

pytestmark = pytest.mark.integration
MARKER, EDITED = "ZQ4471MBRX", "WK2208MBRY"
KETOROLAC = {"drug_code": "ketorolac", "dose": "15", "dose_unit": "mg", "mode": "push",
             "minutes": 2, "sequence": 1}


async def _raw_orders(svc) -> list[str]:
    """Every orders row as PostgreSQL prints it (JSON and bytea included)."""
    async with svc.runtime.session_factory() as session:
        return list((await session.execute(sa.text("SELECT CAST(o AS text) FROM orders o"))
                     ).scalars())


async def test_member_id_is_sealed_at_rest_absent_from_events_and_answered_by_the_api(svc):
    c = svc.client
    pt = await new_patient(c, mrn="MID-1")
    order = await new_order(c, pt["id"], payer={"payer_id": "demo-payer", "member_id": EDITED},
                            lines=[KETOROLAC])
    r = await c.patch(f"/v1/orders/{order['id']}", json={
        "payer": {"payer_id": "demo-payer", "member_id": MARKER, "plan_id": "ppo"}})
    assert r.status_code == 200, r.text
    signed = (await c.post(f"/v1/orders/{order['id']}/sign")).json()
    assert signed["payer"] == {"payer_id": "demo-payer", "member_id": MARKER, "plan_id": "ppo"}
    start = datetime.now(UTC)
    r = await c.post(f"/v1/orders/{order['id']}/administrations", json={
        "line_sequence": 1, "started_at": start.isoformat(),
        "stopped_at": (start + timedelta(minutes=2)).isoformat(), "dose_given": "15",
        "dose_unit": "mg", "ndc": "00409-3795-01", "lot": "LOT7", "wasted_amount": "0"})
    assert r.status_code == 201, r.text
    done = await c.post(f"/v1/orders/{order['id']}/complete",
                        json={"rendering_provider_npi": "1234567893",
                              "discharge_override_reason": "discharge is not the subject here"})
    assert done.json()["status"] == "administered", done.text

    # at rest: neither the marker nor the earlier member id, anywhere in the row
    [row_text] = await _raw_orders(svc)
    assert order["id"] in row_text
    assert MARKER not in row_text and EDITED not in row_text
    async with svc.runtime.session_factory() as session:
        row = (await session.execute(sa.select(orders))).one()
    assert row.payer == {"payer_id": "demo-payer", "plan_id": "ppo"}
    assert row.member_key_id == "dev-1" and MARKER.encode() not in bytes(row.member_sealed)

    # in the outbox: ids only
    events = await outbox_events(svc)
    assert [e[0] for e in events] == ["order.signed", "order.administered"]
    for _, _, payload in events:
        assert payload["payer"] == {"payer_id": "demo-payer", "member_id": None,
                                    "plan_id": "ppo"}
        assert MARKER not in json.dumps(payload) and EDITED not in json.dumps(payload)
    outbox = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        stored = " ".join((await session.execute(sa.text(
            f"SELECT CAST(o AS text) FROM {outbox.name} o"))).scalars())
    assert order["id"] in stored and MARKER not in stored

    # the API still answers with it
    got = (await c.get(f"/v1/orders/{order['id']}")).json()
    assert got["payer"]["member_id"] == MARKER
    listed = (await c.get("/v1/orders", params={"patient_id": pt["id"]})).json()["items"]
    assert [o["payer"]["member_id"] for o in listed] == [MARKER]


async def test_an_order_without_a_payer_stores_no_sealed_member(svc):
    c = svc.client
    pt = await new_patient(c, mrn="MID-2")
    order = await new_order(c, pt["id"], payer=None, lines=[KETOROLAC])
    assert order["payer"] is None
    async with svc.runtime.session_factory() as session:
        row = (await session.execute(sa.select(orders))).one()
    assert (row.payer, row.member_key_id, row.member_sealed) == (None, None, None)


def _patient_row(pid) -> dict:
    now = datetime.now(UTC)
    return {"id": pid, "practice_id": "demo-clinic", "mrn": f"MIG-{pid.hex[:6]}",
            "birth_date": now.date() - timedelta(days=40 * 365), "sex": "female",
            "allergies": [], "conditions": [], "medications": [], "created_at": now,
            "updated_at": now, "version": 0}


def _order_row(oid, pid, payer) -> dict:
    now = datetime.now(UTC)
    return {"id": oid, "practice_id": "demo-clinic", "patient_id": pid, "status": "signed",
            "authorization_status": "pending", "urgency": "planned", "diagnoses": ["G43.909"],
            "payer": payer, "lines": [], "findings": [], "overrides": [], "history": [],
            "catalog_version": 1, "estimated_chair_minutes": 30, "acuity_class": "standard",
            "requires_driver": False, "created_at": now, "updated_at": now, "version": 0}


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
async def test_the_migration_seals_member_ids_stored_in_clear(backend, make_database,
                                                              tmp_path):
    from alembic import command

    url = (await make_database("orders_mig") if backend == "postgresql"
           else f"sqlite+aiosqlite:///{tmp_path}/orders.db")
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.upgrade, cfg, "orders_0005")
    pid, with_payer, without = uuid4(), uuid4(), uuid4()
    old_columns = [c for c in orders.c if not c.name.startswith("member_")]
    old_orders = sa.table("orders", *(sa.column(c.name, c.type) for c in old_columns))
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:  # as the service stored them before
            await conn.execute(patients.insert().values(_patient_row(pid)))
            await conn.execute(old_orders.insert(), [
                _order_row(with_payer, pid, {"payer_id": "medicare", "member_id": MARKER,
                                             "plan_id": "part-b"}),
                _order_row(without, pid, None)])
        await upgrade_async(MIGRATIONS, url)
        async with engine.connect() as conn:
            rows = {r.id: r for r in await conn.execute(sa.select(orders))}
        sealed = rows[with_payer]
        assert sealed.payer == {"payer_id": "medicare", "plan_id": "part-b"}
        assert MARKER.encode() not in bytes(sealed.member_sealed)
        cipher = build_cipher(OrdersSettings())
        assert payer_of(cipher, sealed) == {"payer_id": "medicare", "member_id": MARKER,
                                            "plan_id": "part-b"}
        assert (rows[without].payer, rows[without].member_sealed) == (None, None)

        await asyncio.to_thread(command.downgrade, cfg, "orders_0005")
        async with engine.connect() as conn:
            back = (await conn.execute(sa.select(old_orders.c.payer).where(
                old_orders.c.id == with_payer))).scalar_one()
        assert back == {"payer_id": "medicare", "member_id": MARKER, "plan_id": "part-b"}
    finally:
        await engine.dispose()
