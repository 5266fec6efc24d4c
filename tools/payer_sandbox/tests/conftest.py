"""Fixtures: a real sandbox server per module and a hand-built PAS request Bundle."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import httpx
import pytest

from payer_sandbox.config import SandboxConfig, demo_config
from payer_sandbox.testing import running_sandbox


def pas_request(
    identifier: str | None = None,
    *,
    payer_id: str = "summit-health",
    member_id: str = "M-1",
    hcpcs: str = "J3032",
    units: int = 100,
    answers: dict[str, Any] | None = None,
    priority: str = "normal",
    start: str = "2026-03-02",
    end: str = "2026-09-01",
) -> dict[str, Any]:
    ident = identifier or f"PA-{uuid4().hex[:12]}"
    ids = {k: str(uuid4()) for k in ("claim", "patient", "insurer", "provider", "coverage", "qr")}

    def ref(k):
        return {"reference": f"urn:uuid:{ids[k]}"}

    qr_items = []
    for link, value in (answers or {}).items():
        key = "valueBoolean" if isinstance(value, bool) else (
            "valueInteger" if isinstance(value, int) else "valueString")
        qr_items.append({"linkId": link, "answer": [{key: value}]})
    resources = [
        {"resourceType": "Claim", "id": ids["claim"],
         "identifier": [{"system": "urn:test:pa-request", "value": ident}],
         "status": "active", "type": {"coding": [{"code": "professional"}]},
         "use": "preauthorization", "patient": ref("patient"),
         "created": "2026-03-02T15:00:00Z", "insurer": ref("insurer"),
         "provider": ref("provider"), "priority": {"coding": [{"code": priority}]},
         "insurance": [{"sequence": 1, "focal": True, "coverage": ref("coverage")}],
         "item": [{"sequence": 1,
                   "productOrService": {"coding": [{"system": "http://www.cms.gov/Medicare/"
                                                    "Coding/HCPCSReleaseCodeSets",
                                                    "code": hcpcs}]},
                   "quantity": {"value": units}, "servicedPeriod": {"start": start, "end": end}}]},
        {"resourceType": "Patient", "id": ids["patient"]},
        {"resourceType": "Organization", "id": ids["insurer"],
         "identifier": [{"system": "urn:chairside:payer", "value": payer_id}]},
        {"resourceType": "Organization", "id": ids["provider"]},
        {"resourceType": "Coverage", "id": ids["coverage"], "status": "active",
         "subscriberId": member_id, "beneficiary": ref("patient"), "payor": [ref("insurer")]},
        {"resourceType": "QuestionnaireResponse", "id": ids["qr"], "status": "completed",
         "item": qr_items},
    ]
    return {"resourceType": "Bundle", "type": "collection", "timestamp": "2026-03-02T15:00:00Z",
            "identifier": {"system": "urn:test", "value": str(uuid4())},
            "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources]}


@pytest.fixture(scope="module")
def sandbox():
    with running_sandbox(demo_config()) as sb:
        yield sb


@pytest.fixture
def client(sandbox):
    sandbox.set_config(demo_config())
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as c:
        yield c


@pytest.fixture
def configure(sandbox):
    def _set(config: SandboxConfig) -> None:
        sandbox.set_config(config)
    return _set
