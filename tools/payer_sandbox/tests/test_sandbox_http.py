"""The sandbox payer over real HTTP: outcomes, pend-then-decide, idempotency, errors."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from typing import Any

import httpx
import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.parameters import Parameters

from payer_sandbox.config import Rule, SandboxConfig
from payer_sandbox.fhir import EXT_ITEM_AUTHORIZED_DETAIL, EXT_ITEM_PREAUTH_PERIOD

from .conftest import pas_request

SUBMIT = "/fhir/Claim/$submit"
INQUIRE = "/fhir/Claim/$inquire"


def claim_response(doc: dict[str, Any]) -> dict[str, Any]:
    Bundle.model_validate(doc)  # a valid FHIR R4(B) Bundle
    cr = doc["entry"][0]["resource"]
    assert cr["resourceType"] == "ClaimResponse"
    return cr


def review(cr: dict[str, Any]) -> dict[str, Any]:
    ra = cr["item"][0]["adjudication"][0]["extension"][0]
    out = {}
    for sub in ra["extension"]:
        if sub["url"].endswith("reviewActionCode"):
            out["code"] = sub["valueCodeableConcept"]["coding"][0]["code"]
        elif sub["url"] == "number":
            out["number"] = sub["valueString"]
        elif sub["url"] == "reasonCode":
            out["reason"] = sub["valueCodeableConcept"]
    return out


def item_ext(cr: dict[str, Any], url: str) -> Any:
    return next((e for e in cr["item"][0].get("extension", []) if e["url"] == url), None)


def test_health(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200


def test_approve_in_total(client):
    req = pas_request()
    r = client.post(SUBMIT, json=req)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/fhir+json")
    cr = claim_response(r.json())
    assert cr["outcome"] == "complete" and cr["use"] == "preauthorization"
    rv = review(cr)
    assert rv["code"] == "A1" and rv["number"].startswith("SBX-")
    assert cr["preAuthRef"] == rv["number"]
    period = item_ext(cr, EXT_ITEM_PREAUTH_PERIOD)["valuePeriod"]
    assert period == {"start": "2026-03-02", "end": "2026-09-01"}  # as requested
    ident = req["entry"][0]["resource"]["identifier"][0]["value"]
    assert cr["request"]["identifier"]["value"] == ident


def test_deny_by_member_and_by_answer(client):
    cr = claim_response(client.post(SUBMIT, json=pas_request(member_id="DENY-7")).json())
    rv = review(cr)
    assert rv["code"] == "A3" and rv["reason"]["coding"][0]["code"] == "MN"
    assert cr["disposition"] == "Medical necessity criteria not met"
    req = pas_request(answers={"J3032.concurrent-cgrp-antibody": True})
    cr = claim_response(client.post(SUBMIT, json=req).json())
    assert review(cr)["code"] == "A3" and "Concurrent CGRP" in cr["disposition"]
    req = pas_request(answers={"J3032.concurrent-cgrp-antibody": False})
    assert review(claim_response(client.post(SUBMIT, json=req).json()))["code"] == "A1"


def test_pend_then_approve_on_the_second_inquiry(client):
    req = pas_request(member_id="PEND-1")
    cr = claim_response(client.post(SUBMIT, json=req).json())
    assert (cr["outcome"], review(cr)["code"]) == ("queued", "A4")
    codes = []
    for _ in range(3):
        r = client.post(INQUIRE, json=req)
        params = Parameters.model_validate(r.json())
        [p] = params.parameter
        codes.append(review(claim_response(r.json()["parameter"][0]["resource"]))["code"])
        assert p.name == "return"
    assert codes == ["A4", "A1", "A1"]
    claims = {c["identifier"]: c for c in client.get("/admin/claims").json()["items"]}
    rec = claims[req["entry"][0]["resource"]["identifier"][0]["value"]]
    assert rec["inquiries"] == 3 and rec["state"] == "approve"


def test_pend_by_time_then_deny(client, configure):
    configure(SandboxConfig(rules=[Rule(name="t", outcome="pend", pend_seconds=0.3,
                                        pend_then="deny", deny_reason="Step therapy not met")]))
    req = pas_request()
    client.post(SUBMIT, json=req)
    first = client.post(INQUIRE, json=req).json()["parameter"][0]["resource"]
    assert review(claim_response(first))["code"] == "A4"
    time.sleep(0.35)
    later = client.post(INQUIRE, json=req).json()["parameter"][0]["resource"]
    cr = claim_response(later)
    assert review(cr)["code"] == "A3" and cr["disposition"] == "Step therapy not met"


def test_resubmission_is_idempotent(client):
    req = pas_request()
    a = review(claim_response(client.post(SUBMIT, json=req).json()))
    b = review(claim_response(client.post(SUBMIT, json=req).json()))
    assert a == b
    ident = req["entry"][0]["resource"]["identifier"][0]["value"]
    rec = next(c for c in client.get("/admin/claims").json()["items"]
               if c["identifier"] == ident)
    assert rec["submissions"] == 2


def test_error_outcome_is_not_stored(client, configure):
    configure(SandboxConfig(rules=[Rule(name="down", outcome="error", error_status=503)]))
    req = pas_request()
    r = client.post(SUBMIT, json=req)
    assert r.status_code == 503
    assert r.json()["resourceType"] == "OperationOutcome"
    configure(SandboxConfig())
    assert review(claim_response(client.post(SUBMIT, json=req).json()))["code"] == "A1"


@pytest.mark.parametrize(
    "body, message",
    [
        (b"not json", "not JSON"),
        (b"[1, 2]", "not a FHIR resource"),
        (b'{"resourceType": "Patient"}', "expected a Bundle"),
    ],
)
def test_unreadable_bodies(client, body, message):
    r = client.post(SUBMIT, content=body, headers={"content-type": "application/fhir+json"})
    assert r.status_code == 400 and message in r.json()["issue"][0]["diagnostics"]


def test_bad_bundles(client):
    req = pas_request()
    req["entry"][0]["resource"]["use"] = "claim"
    assert "preauthorization" in client.post(SUBMIT, json=req).json()["issue"][0]["diagnostics"]
    req = pas_request()
    req["entry"] = req["entry"][1:]
    assert "first entry" in client.post(SUBMIT, json=req).json()["issue"][0]["diagnostics"]
    req = pas_request()
    req["entry"][0]["resource"]["traceNumber"] = [{"value": "x"}]  # an R5-only element
    r = client.post(SUBMIT, json=req)
    assert r.status_code == 400 and "FHIR R4" in r.json()["issue"][0]["diagnostics"]
    req = pas_request()
    del req["entry"][0]["resource"]["identifier"]
    assert client.post(SUBMIT, json=req).status_code == 400


def test_inquiry_for_unknown_claim_returns_no_bundles(client):
    r = client.post(INQUIRE, json=pas_request())
    assert r.status_code == 200 and r.json() == {"resourceType": "Parameters"}


def test_admin_decides_a_pended_claim(client, configure):
    configure(SandboxConfig(rules=[Rule(name="hold", outcome="pend", pend_inquiries=99)]))
    req = pas_request()
    client.post(SUBMIT, json=req)
    ident = req["entry"][0]["resource"]["identifier"][0]["value"]
    r = client.post(f"/admin/claims/{ident}/decide", json={"outcome": "deny", "reason": "No"})
    assert r.status_code == 200 and r.json()["state"] == "deny"
    assert (
        client.post(f"/admin/claims/{ident}/decide", json={"outcome": "approve"}).status_code == 409
    )
    assert client.post("/admin/claims/nope/decide", json={"outcome": "approve"}).status_code == 404
    cr = claim_response(client.post(INQUIRE, json=req).json()["parameter"][0]["resource"])
    assert cr["disposition"] == "No"


def test_modified_units_and_bad_data_drills(client, configure):
    configure(SandboxConfig(rules=[Rule(name="m", review_code="A6", approved_units=50,
                                        auth_days=90)]))
    cr = claim_response(client.post(SUBMIT, json=pas_request()).json())
    assert review(cr)["code"] == "A6"
    detail = item_ext(cr, EXT_ITEM_AUTHORIZED_DETAIL)["extension"][0]["valueQuantity"]["value"]
    assert detail == 50
    period = item_ext(cr, EXT_ITEM_PREAUTH_PERIOD)["valuePeriod"]
    assert period == {"start": "2026-03-02", "end": "2026-05-30"}
    configure(SandboxConfig(rules=[Rule(name="bad", approved_units=-5, reverse_period=True)]))
    cr = claim_response(client.post(SUBMIT, json=pas_request()).json())
    period = item_ext(cr, EXT_ITEM_PREAUTH_PERIOD)["valuePeriod"]
    assert period["end"] < period["start"]
    assert item_ext(cr, EXT_ITEM_AUTHORIZED_DETAIL)["extension"][0]["valueQuantity"]["value"] == -5


def test_latency_is_applied(client, configure):
    configure(SandboxConfig(latency_ms=250))
    t0 = time.monotonic()
    client.post(SUBMIT, json=pas_request())
    assert time.monotonic() - t0 >= 0.25


def test_rules_match_payer_hcpcs_priority(client, configure):
    configure(SandboxConfig(rules=[
        Rule(name="other-payer", payer_id="harbor-health", outcome="deny"),
        Rule(name="stat", priority="stat", outcome="pend"),
        Rule(name="j1885", hcpcs="J1885", outcome="deny"),
    ]))
    assert review(claim_response(client.post(SUBMIT, json=pas_request()).json()))["code"] == "A1"
    req = pas_request(payer_id="harbor-health")
    assert review(claim_response(client.post(SUBMIT, json=req).json()))["code"] == "A3"
    req = pas_request(priority="stat")
    assert review(claim_response(client.post(SUBMIT, json=req).json()))["code"] == "A4"
    req = pas_request(hcpcs="J1885")
    assert review(claim_response(client.post(SUBMIT, json=req).json()))["code"] == "A3"


def test_config_via_admin_api(client):
    new = {"rules": [{"name": "all-deny", "outcome": "deny"}], "auth_number_prefix": "X"}
    assert client.put("/admin/config", json=new).status_code == 200
    assert client.get("/admin/config").json()["rules"][0]["name"] == "all-deny"
    assert review(claim_response(client.post(SUBMIT, json=pas_request()).json()))["code"] == "A3"
    assert client.put("/admin/config", json={"rules": [{"outcome": "maybe"}]}).status_code == 422


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_command_line_server(tmp_path):
    port = _free_port()
    env = {**os.environ, "PAYER_SANDBOX_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-m", "payer_sandbox"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        assert r.json() == {"status": "ok"}
        r = httpx.post(f"http://127.0.0.1:{port}{SUBMIT}", json=pas_request(member_id="DENY"))
        assert review(claim_response(r.json()))["code"] == "A3"
    finally:
        proc.terminate()
        proc.wait(10)
    bad = tmp_path / "rules.json"
    bad.write_text('{"rules": [{"outcome": "maybe"}]}')
    done = subprocess.run([sys.executable, "-m", "payer_sandbox", "--config", str(bad)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "PAYER_SANDBOX_CONFIG" in done.stderr


def test_bearer_token_when_required(client, configure):
    configure(SandboxConfig(required_token="s3cret"))
    r = client.post(SUBMIT, json=pas_request())
    assert r.status_code == 401 and r.json()["resourceType"] == "OperationOutcome"
    r = client.post(SUBMIT, json=pas_request(), headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200
    assert client.post(INQUIRE, json=pas_request()).status_code == 401
