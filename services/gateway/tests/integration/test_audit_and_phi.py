"""The audit trail of patient-data access, and no PHI in any log line."""

import asyncio
import logging
import uuid
from datetime import UTC, datetime

import pytest
from gateway_testkit.walk import seed_practice
from sqlalchemy import select

from chairside_shared.testing.plugin import eventually
from gateway.adapters.orm import audit_log
from gateway.domain.audit import AuditEntry
from gateway.service.audit import AuditWriter

pytestmark = pytest.mark.integration
MRN, BIRTH = "MRN-990417", "1961-12-03"


async def test_reads_and_writes_of_patient_data_are_audited_and_queryable_by_admin(g, fakes):
    data = seed_practice(fakes, "demo-partner", MRN)
    partner = await g.auth("demo-partner")
    r = await g.client.get(f"/v1/patients/{data.patient['id']}", headers=partner)
    trace_id = r.headers["traceparent"].split("-")[1]
    await g.client.patch(f"/v1/patients/{data.patient['id']}", json={"weight_kg": 71},
                         headers=partner)
    await g.client.get("/v1/orders", headers=partner)
    await g.client.get(f"/v1/claims/{data.claim['id']}/x12", headers=partner)
    admin = await g.auth("demo-admin")
    page = await g.client.get("/v1/audit", params={"resource_id": data.patient["id"]},
                              headers=admin)
    assert page.status_code == 200
    rows = page.json()["items"]
    assert [(row["action"], row["status"]) for row in rows] == [
        ("PATCH /v1/patients/{patient_id}", 200), ("GET /v1/patients/{patient_id}", 200)]
    read = rows[1]
    assert read["client_id"] == "demo-partner" and read["practice_id"] == "demo-partner"
    assert read["resource_type"] == "patient" and read["trace_id"] == trace_id
    # A list is audited item by item, so "who saw this order" finds list reads too.
    listed = await g.client.get("/v1/audit", params={"resource_id": data.order["id"]},
                                headers=admin)
    assert [r["action"] for r in listed.json()["items"]] == ["GET /v1/orders"]
    x12 = await g.client.get("/v1/audit", params={"resource_id": data.claim["id"]}, headers=admin)
    assert x12.json()["items"][0]["action"] == "GET /v1/claims/{claim_id}/x12"


async def test_denied_attempts_are_audited_too(g, fakes):
    other = seed_practice(fakes, "practice-b", "MRN-OTHER")
    partner = await g.auth("demo-partner")
    r = await g.client.get(f"/v1/orders/{other.order['id']}", headers=partner)
    assert r.status_code == 404
    rows = (await g.client.get("/v1/audit", params={"resource_id": other.order["id"]},
                               headers=await g.auth())).json()["items"]
    assert [(x["client_id"], x["status"]) for x in rows] == [("demo-partner", 404)]


async def test_audit_is_admin_only_and_paginates(g, fakes):
    data = seed_practice(fakes, "demo-partner", MRN)
    partner = await g.auth("demo-partner")
    for _ in range(3):
        await g.client.get(f"/v1/orders/{data.order['id']}", headers=partner)
    assert (await g.client.get("/v1/audit", headers=partner)).status_code == 403
    admin = await g.auth()
    first = (await g.client.get("/v1/audit", params={"client_id": "demo-partner", "limit": 2},
                                headers=admin)).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = (await g.client.get("/v1/audit", params={
        "client_id": "demo-partner", "limit": 2, "cursor": first["next_cursor"]},
        headers=admin)).json()
    assert len(second["items"]) == 1 and second["next_cursor"] is None
    ids = [i["id"] for i in first["items"] + second["items"]]
    assert ids == sorted(ids, reverse=True)


async def test_no_mrn_or_birth_date_in_any_log_line_or_audit_row(g, fakes, caplog):
    caplog.set_level(logging.DEBUG)
    data = seed_practice(fakes, "demo-partner", MRN)
    partner, admin = await g.auth("demo-partner"), await g.auth()
    patient = {"practice_id": "demo-partner", "mrn": MRN, "birth_date": BIRTH, "sex": "female",
               "weight_kg": 60}
    await g.client.post("/v1/patients", json=patient, headers=partner)
    await g.client.post("/v1/patients", json={**patient, "birth_date": f"{BIRTH}x"},
                        headers=partner)  # invalid: echoed nowhere
    await g.client.post("/v1/patients", json={**patient, "practice_id": "practice-b"},
                        headers=partner)
    await g.client.get(f"/v1/patients/{data.patient['id']}", headers=partner)
    fakes["orders"].fail_with = [500]
    await g.client.patch(f"/v1/patients/{data.patient['id']}",
                         json={"weight_kg": 61}, headers=admin)
    await g.client.get("/v1/patients", headers=admin)
    await g.gw.audit.flush()
    text = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert caplog.records, "the run should have logged something to check"
    assert MRN not in text and BIRTH not in text
    async with g.gw.sessions() as s:
        rows = (await s.execute(select(audit_log))).mappings().all()
    assert rows and all(MRN not in str(dict(r)) and BIRTH not in str(dict(r)) for r in rows)


async def test_a_write_is_audited_before_its_answer_returns(g, fakes):
    data = seed_practice(fakes, "demo-partner", MRN)
    await g.gw.audit.stop()  # no background writer: only the write path itself can flush
    r = await g.client.patch(f"/v1/patients/{data.patient['id']}", json={"weight_kg": 70},
                             headers=await g.auth("demo-partner"))
    assert r.status_code == 200
    async with g.gw.sessions() as s:
        rows = (await s.execute(select(audit_log).where(
            audit_log.c.resource_id == data.patient["id"]))).mappings().all()
    assert [row["action"] for row in rows] == ["PATCH /v1/patients/{patient_id}"]
    # A read is batched: with the writer stopped it is still waiting in memory.
    await g.client.get(f"/v1/patients/{data.patient['id']}", headers=await g.auth("demo-partner"))
    assert len(g.gw.audit._pending) == 1


class CountingWriter(AuditWriter):
    """The real writer on the gateway's database, counting its rounds."""

    rounds = 0

    async def flush(self) -> None:
        self.rounds += 1
        await super().flush()


async def test_an_idle_audit_writer_sleeps_until_an_entry_arrives(g):
    writer = CountingWriter(g.gw.sessions, interval=0.02, batch=500)
    resource_id = str(uuid.uuid4())
    writer.start()
    try:
        await asyncio.sleep(0.5)
        assert writer.rounds == 0  # was a round per interval, entries or not (23 of 25 here)
        writer.record(AuditEntry(at=datetime.now(UTC), client_id="demo-admin", user_id=None,
                                 practice_id=None, action="GET /v1/patients/{patient_id}",
                                 resource_type="patient", resource_id=resource_id,
                                 status=200, trace_id=None))

        async def written() -> bool:
            return writer.written == 1

        await eventually(written, timeout_s=5)  # within about the interval
        rounds = writer.rounds
        await asyncio.sleep(0.5)
        assert writer.rounds == rounds  # asleep again
    finally:
        await writer.stop()
    async with g.gw.sessions() as s:
        assert (await s.execute(select(audit_log.c.client_id).where(
            audit_log.c.resource_id == resource_id))).scalars().all() == ["demo-admin"]
