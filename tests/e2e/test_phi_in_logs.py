"""No patient value reaches a log, even when the database fails every write.

On PostgreSQL, each service's database is made read-only (``default_transaction_read_only``),
then every write operation of the public API, and of each service directly, is sent with
recognisable patient values (MRN, birth date, allergies, home medications, free-text reasons,
and demographics: names, home address, phone, member and group ids).
Every one of them now fails inside the database. The logs of every process are then searched
for those values: an engine that logged its statement parameters (the defect this guards
against) would have written them, twice per incident.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from .badinput import Base, operations, url_of
from .stack import ADMIN_URL
from .world import bases, service_headers

pytestmark = pytest.mark.e2e

# It plans days or forecasts staffing (valid requests): the scheduling service preloads
# OR-Tools and statsmodels, as in production.
STACK_ENV = {"SCHEDULING_PRELOAD_MODELS": "true"}

WRITES = ("POST", "PUT", "PATCH", "DELETE")
MRN, BIRTH = "PHIMRN88231", "1971-11-23"
MARKERS = {
    "mrn": MRN, "birth_date": BIRTH, "substance": "PHIsubstancewalnut",
    "reaction": "PHIreactionhives", "severity": "PHIseverityhigh",
    "source": "PHIsourcestmarys", "reason": "PHIreasonpatientasked",
    # demographics and coverages (issue 13): names, home address, phone, member and group ids
    "family_name": "PHIfamilyvanterpool", "given_name": "PHIgivenoctavia",
    "middle_name": "PHImiddlewren", "line1": "PHIline1 Elm Street", "line2": "PHIline2 Apt9",
    "city": "PHIcitylowell", "postal_code": "021997341", "phone": "6175559317",
    "member_id": "PHIMEMBER77120", "group_number": "PHIGROUP5521",
}
MED_NAME = "PHImednamezolmi"
ESCORT_NAME = "PHIescortmarisol"  # the escort of a sedating visit is a person too (issue 15)


def with_markers(body: Any) -> Any:
    """The body with every patient-identifying or free-text field set to a marker."""
    if isinstance(body, list):
        return [with_markers(x) for x in body]
    if not isinstance(body, dict):
        return body
    out = {k: MARKERS.get(k, with_markers(v)) if not isinstance(v, dict | list)
           else with_markers(v) for k, v in body.items()}
    if {"name", "phone"} <= set(out):  # an escort: a person's name beside a phone number
        out["name"] = ESCORT_NAME
    if "medications" in out:
        out["medications"] = [{**m, "name": MED_NAME} for m in out["medications"]]
    return out


async def read_only(stack, names: list[str], on: bool) -> None:
    engine = create_async_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            for service in names:
                db = stack.db_names[service]
                setting = "on" if on else "off"
                await conn.execute(text(
                    f'ALTER DATABASE "{db}" SET default_transaction_read_only = {setting}'))
                # connections pick the setting up when they are made: drop the pooled ones
                await conn.execute(text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :db AND pid <> pg_backend_pid()"), {"db": db})
    finally:
        await engine.dispose()


async def send_writes(client: httpx.AsyncClient, doc: dict, w: dict, headers: dict
                      ) -> list[tuple[str, int]]:
    table = bases(w)
    outcomes = []
    for op in operations(doc):
        if op.method not in WRITES or op.template.startswith(("/v1/oauth", "/admin/")):
            continue
        base = table.get((op.method, op.template), Base())
        url = url_of(op, {**w["ids"], **base.path}, base.query)
        h = dict(headers)
        content = None
        if isinstance(base.body, dict | list):
            content = json.dumps(with_markers(base.body)).encode()
            h["content-type"] = "application/json"
        elif isinstance(base.body, str):
            content = base.body.encode()
            h["content-type"] = op.body_type or "text/plain"
        try:
            r = await client.request(op.method, url, content=content, headers=h)
            status = r.status_code
        except httpx.TransportError:  # a server that drops the connection on an error
            status = 599
        outcomes.append((f"{op.method} {op.template}", status))
    return outcomes


async def test_database_errors_on_every_write_log_no_patient_value(stack, api, world):
    domain = ["orders", "scheduling", "authorization", "reimbursement"]
    token = await api.token("demo-admin")
    outcomes: list[tuple[str, int]] = []
    await read_only(stack, domain, True)
    try:
        async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=60) as client:
            doc = (await client.get("/openapi.json")).json()
            outcomes += await send_writes(client, doc, world,
                                          {"authorization": f"Bearer {token}"})
        for service in domain:
            async with httpx.AsyncClient(base_url=stack.url(service), timeout=60) as client:
                doc = (await client.get("/openapi.json")).json()
                outcomes += await send_writes(client, doc, world, service_headers())
        # the gateway's own store too: idempotency records hold whole responses
        await read_only(stack, ["gateway"], True)
        async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=60) as client:
            doc = (await client.get("/openapi.json")).json()
            for key in ("k1", "k2"):
                outcomes += await send_writes(client, doc, world, {
                    "authorization": f"Bearer {token}", "idempotency-key": f"phi-{key}"})
    finally:
        await read_only(stack, [*domain, "gateway"], False)

    failed = [what for what, status in outcomes if status >= 500]
    # the database really failed the writes (patients, orders, schedules, PA, billing)
    for route in ("POST /v1/patients", "PATCH /v1/patients/{patient_id}", "POST /v1/orders",
                  "POST /v1/patients/{patient_id}/outside-doses",
                  "POST /v1/orders/{order_id}/cancel"):
        assert route in failed, (route, outcomes)
    # ... and the identities: demographics and coverages (the lookup, with marker names,
    # finds nobody and writes nothing: its markers are still searched for below)
    for route in ("PUT /v1/patients/{patient_id}/demographics",
                  "POST /v1/patients/{patient_id}/coverages",
                  "PATCH /v1/patients/{patient_id}/coverages/{coverage_id}"):
        assert route in failed, (route, outcomes)
    assert "POST /v1/orders/{order_id}/escort" in failed, outcomes  # sent, and failed
    assert len(set(failed)) >= 20, outcomes

    logs = {name: stack.log_tail(name, 50_000_000) for name in stack.processes}
    assert any("unhandled error" in text_ for text_ in logs.values())
    leaks = [(name, marker) for name, text_ in logs.items()
             for marker in (*MARKERS.values(), MED_NAME, ESCORT_NAME) if marker in text_]
    assert not leaks, leaks
