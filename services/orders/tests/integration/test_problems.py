"""The problem+json body of every kind of refusal the orders API answers, pinned whole: status,
type, title, detail, errors and the extra members (findings, current_status). Clients and the
gateway read these; a refactoring must not change a byte of them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from .conftest import CLERK

pytestmark = pytest.mark.integration
PROBLEM = "urn:chairside:problem:"
BIRTH = (datetime.now(UTC) - timedelta(days=365 * 40)).date().isoformat()


def ketorolac(dose: int) -> dict[str, object]:
    return {"drug_code": "ketorolac", "dose": str(dose), "dose_unit": "mg", "mode": "push",
            "minutes": 2, "sequence": 1}


async def refused(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return response.json()


async def test_every_refusal_kind_has_its_exact_problem_body(svc):
    c = svc.client
    r = await c.post("/v1/patients", json={"practice_id": "demo-clinic", "mrn": "PB-1",
                                           "birth_date": BIRTH, "weight_kg": "70"})
    pid = r.json()["id"]
    r = await c.post("/v1/orders", json={"patient_id": pid, "urgency": "same_day",
                                         "lines": [ketorolac(45)]})
    order = r.json()
    oid = order["id"]
    [block] = [f for f in order["findings"] if f["severity"] == "block"]

    # 409 sign-blocked: the blocking findings travel with the problem
    path = f"/v1/orders/{oid}/sign"
    assert await refused(await c.post(path), 409) == {
        "type": PROBLEM + "sign-blocked", "title": "Blocked by safety findings", "status": 409,
        "detail": "un-overridden block findings: dose_above_max", "instance": path,
        "findings": [{"code": "dose_above_max", "severity": "block",
                      "message": block["message"], "line": 1}]}

    # 422 validation-failed (a domain rule): one entry per field
    path = f"/v1/orders/{oid}/overrides"
    body = {"finding_code": "qt_stacking", "reason": "ok"}
    assert await refused(await c.post(path, json=body), 422) == {
        "type": PROBLEM + "validation-failed", "title": "Validation failed", "status": 422,
        "detail": "reason: give a reason of at least 10 characters; finding_code: no current "
                  "finding with this code",
        "instance": path,
        "errors": [{"field": "reason", "message": "give a reason of at least 10 characters"},
                   {"field": "finding_code", "message": "no current finding with this code"}]}

    # 403 forbidden: the caller lacks the scope
    assert await refused(await c.post(path, json=body, headers=CLERK), 403) == {
        "type": PROBLEM + "forbidden", "title": "Forbidden", "status": 403,
        "detail": "this needs the orders:sign scope", "instance": path}

    # 404 not-found
    missing = uuid.UUID(int=7)
    path = f"/v1/orders/{missing}"
    assert await refused(await c.get(path), 404) == {
        "type": PROBLEM + "not-found", "title": "Not found", "status": 404,
        "detail": f"order {missing} not found", "instance": path}

    # 409 illegal-transition: the order's current status travels with the problem
    path = f"/v1/orders/{oid}/complete"
    assert await refused(await c.post(path, json={}), 409) == {
        "type": PROBLEM + "illegal-transition", "title": "Illegal status transition",
        "status": 409, "detail": "cannot complete an order in status draft", "instance": path,
        "current_status": "draft"}

    # 409 conflict
    path = "/v1/patients"
    again = {"practice_id": "demo-clinic", "mrn": "PB-1", "birth_date": BIRTH}
    assert await refused(await c.post(path, json=again), 409) == {
        "type": PROBLEM + "conflict", "title": "Conflict", "status": 409,
        "detail": "a patient with this MRN already exists in the practice", "instance": path}
