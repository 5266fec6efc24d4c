"""The embedded default (SQLite keeps no UTC offset): a window given in clinic time is stored
and shown as the same instant, and the order.signed event carries that instant."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import sqlalchemy as sa

from chairside_shared.migrations import upgrade_async
from orders.bootstrap import MIGRATIONS
from orders.main import create_app
from orders.settings import OrdersSettings

STAFF = {"x-chairside-client-id": "demo-admin", "x-chairside-user-id": "dr-house",
         "x-chairside-scopes": "patients:read patients:write orders:read orders:write "
                               "orders:sign"}


async def test_a_window_in_clinic_time_keeps_its_instant_on_sqlite(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/orders.db"
    app = create_app(OrdersSettings(database_url=url, environment="test", seed_demo_data=False))
    runtime = app.state.runtime
    await upgrade_async(MIGRATIONS, url)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://orders", headers=STAFF) as client:
            r = await client.post("/v1/patients", json={
                "practice_id": "demo-clinic", "mrn": "TZ-1", "birth_date": "1984-02-02",
                "weight_kg": "60"})
            assert r.status_code == 201, r.text
            r = await client.post("/v1/orders", json={
                "patient_id": r.json()["id"], "urgency": "planned", "diagnosis": ["G43.109"],
                "requested_window": {"from": "2027-01-05T12:30:00-05:00",
                                     "to": "2027-01-05T17:30:00-05:00"},
                "lines": [{"drug_code": "magnesium", "dose": "1000", "dose_unit": "mg",
                           "mode": "infusion", "minutes": 30, "sequence": 1}],
                "payer": {"payer_id": "medicare", "member_id": "M-1"}})
            assert r.status_code == 201, r.text
            oid = r.json()["id"]
            assert (await client.post(f"/v1/orders/{oid}/sign")).status_code == 200
            window = (await client.get(f"/v1/orders/{oid}")).json()["requested_window"]
        got = {k: datetime.fromisoformat(v.replace("Z", "+00:00")) for k, v in window.items()}
        assert got == {"from": datetime(2027, 1, 5, 17, 30, tzinfo=UTC),
                       "to": datetime(2027, 1, 5, 22, 30, tzinfo=UTC)}
        outbox = runtime.spec.tables.outbox
        async with runtime.engine.connect() as conn:
            [payload] = (await conn.execute(sa.select(outbox.c.payload).where(
                outbox.c.event_type == "order.signed"))).scalars().all()
        assert json.loads(payload)["requested_window"] == {"from": "2027-01-05T17:30:00Z",
                                               "to": "2027-01-05T22:30:00Z"}
    finally:
        await runtime.engine.dispose()
