"""Demographics and coverages never reach a log, a span or an event, and rest as ciphertext.

A real orders process (``python -m orders serve``) on its own PostgreSQL database, exporting
its spans over OTLP to a collector in the test and logging at DEBUG to a file. Patients are
created, read, changed, looked up (names in the query string too), billed and refused (422,
404, 409) through real HTTP with recognisable marker values. Then the log file and every
span (names and attributes) are searched for the markers, and so are the database's tables
(the sealed ones must hold ciphertext), the outbox (events carry ids only) and the metrics.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa

from chairside_shared import db
from chairside_shared.processes import ServiceProcess
from chairside_shared.testing.plugin import eventually

from .otlp import Collector
from .stack import ADMIN_URL, pick_port

pytestmark = pytest.mark.e2e
STAFF = {"x-chairside-client-id": "demo-admin", "x-chairside-user-id": "dr-phi",
         "x-chairside-scopes": "admin patients:read patients:write orders:read orders:write "
                               "orders:sign"}
BIRTH = "1967-03-19"
MARKERS = {
    "family_name": "Phifamilyqx", "given_name": "Phigivenqx", "middle_name": "Phimiddleqx",
    "line1": "91 Phistreetqx", "line2": "Apt Phiaptqx", "city": "Phicityqx",
    "phone": "6175550917", "member_id": "PHIMEMBER4471", "group_number": "PHIGROUP88",
    "sub_family": "Phisubfamqx", "sub_given": "Phisubgivqx", "postal_code": "021299981",
}


def person(**kw):
    m = MARKERS
    return {"family_name": m["family_name"], "given_name": m["given_name"],
            "middle_name": m["middle_name"], "birth_date": BIRTH, "sex": "female",
            "address": {"line1": m["line1"], "line2": m["line2"], "city": m["city"],
                        "state": "MA", "postal_code": m["postal_code"]},
            "phone": m["phone"], **kw}


def subscriber():
    return person(family_name=MARKERS["sub_family"], given_name=MARKERS["sub_given"],
                  birth_date="1961-08-02", sex="male")


@pytest.fixture(scope="module")
def collector():
    c = Collector().start()
    try:
        yield c
    finally:
        c.stop()


@pytest.fixture
async def orders_process(tmp_path, collector, broker):
    name = f"cs_e2e_phi_{uuid.uuid4().hex[:8]}"
    url = await db.create_database(ADMIN_URL, name)
    port = pick_port()
    proc = ServiceProcess("orders", "orders", port, log_path=tmp_path / "orders.log", env={
        "ORDERS_PORT": str(port), "ORDERS_DATABASE_URL": url, "ORDERS_ENVIRONMENT": "test",
        "ORDERS_SEED_DEMO_DATA": "false", "ORDERS_LOG_LEVEL": "DEBUG",
        "ORDERS_OUTBOX_POLL_INTERVAL_S": "0.2", "ORDERS_OUTBOX_IDLE_POLL_S": "0.2",
        "ORDERS_BROKER_CHECK_INTERVAL_S": "0.5",
        "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "OTEL_EXPORTER_OTLP_ENDPOINT": collector.endpoint, "PYTHONUNBUFFERED": "1"})
    proc.start()
    try:
        await asyncio.to_thread(proc.wait_ready, 90)
        yield proc, url
    finally:
        proc.stop()
        await db.drop_database(ADMIN_URL, name)


async def exercise(c: httpx.AsyncClient) -> dict[str, int]:
    """Every identity operation, with markers; returns the status of each call."""
    seen: dict[str, int] = {}

    async def call(what, method, path, **kw):
        r = await c.request(method, path, **kw)
        seen[what] = r.status_code
        return r

    r = await call("create", "POST", "/v1/patients", json={
        "practice_id": "demo-clinic", "mrn": "E2E-PHI-1", "birth_date": BIRTH, "sex": "female",
        "weight_kg": "61", "demographics": person(),
        "coverages": [{"payer_id": "summit-health", "member_id": MARKERS["member_id"],
                       "group_number": MARKERS["group_number"], "relationship": "spouse",
                       "subscriber": subscriber()}]})
    assert r.status_code == 201, r.text
    pid = r.json()["id"]
    base = f"/v1/patients/{pid}"
    await call("put", "PUT", f"{base}/demographics", json=person())
    await call("get", "GET", f"{base}/demographics", params={"purpose": "payment"})
    covs = (await call("coverages", "GET", f"{base}/coverages")).json()["items"]
    cid = covs[0]["id"]
    await call("patch", "PATCH", f"{base}/coverages/{cid}",
               json={"member_id": MARKERS["member_id"] + "B", "subscriber": subscriber()})
    await call("history", "GET", f"{base}/coverages/{cid}/history")
    await call("lookup-get", "GET", "/v1/patients/lookup", params={
        "family_name": MARKERS["family_name"], "given_name": MARKERS["given_name"],
        "birth_date": BIRTH})
    await call("lookup-member", "GET", "/v1/patients/lookup",
               params={"member_id": MARKERS["member_id"] + "B"})
    await call("lookup-post", "POST", "/v1/patients/lookup", json={
        "family_name": MARKERS["family_name"], "given_name": MARKERS["given_name"],
        "birth_date": BIRTH})
    doc = (await call("practitioner", "POST", "/v1/practitioners", json={
        "npi": "1234567893", "family_name": "Carter", "given_name": "John",
        "taxonomy": "2084N0402X", "roles": ["ordering", "supervising"]})).json()
    order = (await call("order", "POST", "/v1/orders", json={
        "patient_id": pid, "urgency": "same_day", "diagnosis": ["G43.909"],
        "lines": [{"sequence": 1, "drug_code": "ketorolac", "dose": "15", "dose_unit": "mg",
                   "mode": "push", "minutes": 2}],
        "payer": {"payer_id": "summit-health", "member_id": "ORDER-PAYER-REF"},
        "ordering_practitioner_id": doc["id"]})).json()
    await call("sign", "POST", f"/v1/orders/{order['id']}/sign")
    now = datetime.now(UTC)
    await call("give", "POST", f"/v1/orders/{order['id']}/administrations", json={
        "line_sequence": 1, "started_at": now.isoformat(), "dose_given": "15",
        "stopped_at": (now + timedelta(minutes=2)).isoformat(), "dose_unit": "mg",
        "supervising_practitioner_id": doc["id"]})
    await call("complete", "POST", f"/v1/orders/{order['id']}/complete",
               json={"discharge_override_reason": "discharge is not what this test checks"})
    await call("payer-identity", "GET", f"/v1/orders/{order['id']}/payer-identity",
               params={"purpose": "payment"})
    # refusals carrying markers: bad input, unknown patient, stale version, bad subscriber
    await call("bad-422", "PUT", f"{base}/demographics",
               json=person(phone=MARKERS["family_name"], address={"line1": MARKERS["line1"]}))
    await call("unknown-404", "PUT", f"/v1/patients/{uuid.uuid4()}/demographics",
               json=person())
    await call("stale-409", "PATCH", f"{base}/coverages/{cid}",
               json={"group_number": MARKERS["group_number"], "version": 1})
    await call("no-subscriber-422", "POST", f"{base}/coverages", json={
        "payer_id": "summit-health", "member_id": MARKERS["member_id"], "relationship": "child"})
    await call("access-log", "GET", f"{base}/access-log")
    return seen


async def test_no_demographic_reaches_logs_spans_events_or_plaintext_columns(
        orders_process, collector):
    proc, url = orders_process
    async with httpx.AsyncClient(base_url=proc.url, headers=STAFF, timeout=30) as c:
        seen = await exercise(c)
        metrics = (await c.get("/metrics")).text
    assert seen == {
        "create": 201, "put": 200, "get": 200, "coverages": 200, "patch": 200, "history": 200,
        "lookup-get": 200, "lookup-member": 200, "lookup-post": 200, "practitioner": 201,
        "order": 201, "sign": 200, "give": 201, "complete": 200, "payer-identity": 200,
        "bad-422": 422, "unknown-404": 404, "stale-409": 409, "no-subscriber-422": 422,
        "access-log": 200}

    # spans: the lookup's server span is there (its query string is not)
    def lookup_spans():
        return [s for s in collector.snapshot() if s.service == "orders"
                and s.kind == "server" and "/v1/patients/lookup" in s.name]
    await eventually(lambda: asyncio.sleep(0, lookup_spans()), timeout_s=30)
    await asyncio.to_thread(proc.stop)  # flushes the span exporter, closes the log
    spans = [s for s in collector.snapshot() if s.service == "orders"]
    assert len(spans) > 30 and any(s.kind == "server" for s in spans)
    span_text = "\n".join(f"{s.name} {s.attributes}" for s in spans)
    log_text = proc.log_path.read_text(errors="replace")
    assert '"level": "debug"' in log_text or '"level": "info"' in log_text

    async def database_text() -> str:
        engine = db.create_engine(url)
        try:
            async with engine.connect() as conn:
                names = await conn.run_sync(lambda s: sa.inspect(s).get_table_names())
                parts = []
                for name in names:
                    rows = (await conn.execute(sa.text(f'SELECT * FROM "{name}"'))).all()
                    for row in rows:
                        parts += [v.decode("latin-1") if isinstance(v, bytes) else str(v)
                                  for v in row]
                return "\n".join(parts)
        finally:
            await engine.dispose()

    stored = await database_text()
    leaks = [(where, key) for where, text in (("log", log_text), ("spans", span_text),
                                               ("metrics", metrics), ("database", stored))
             for key, marker in MARKERS.items()
             if marker.lower() in text.lower()]
    assert not leaks, leaks
    # the birth date is a clinical fact (patients.birth_date, used by the safety checks): it
    # is in the database by design, but never in a log line, a span or a metric
    assert BIRTH in stored
    assert not [w for w, t in (("log", log_text), ("spans", span_text), ("metrics", metrics))
                if BIRTH in t]
    assert "G43.909" in stored  # the search reads every table (the test can fail)
    # the order's own member id is sealed too, and no event (outbox) carries it
    assert "ORDER-PAYER-REF" not in stored
    assert "ORDER-PAYER-REF" not in log_text and "ORDER-PAYER-REF" not in span_text
