"""Fixtures: a real sandbox server per module and a hand-built PAS request Bundle."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import httpx
import pytest

from payer_sandbox.config import SandboxConfig, demo_config
from payer_sandbox.testing import running_sandbox

PAS_SD = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-"
X12 = "https://codesystem.x12.org/005010/"


def _cc(system: str, code: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}]}


def _person(rid: str, member_id: str, family: str, given: str, born: str, sex: str):
    return {"resourceType": "Patient", "id": rid,
            "identifier": [{"type": _cc("http://terminology.hl7.org/CodeSystem/v2-0203", "MB"),
                            "system": "urn:test:member", "value": member_id}],
            "name": [{"family": family, "given": [given]}], "gender": sex, "birthDate": born,
            "address": [{"line": ["1 Test St"], "city": "Boston", "state": "MA",
                         "postalCode": "02110"}]}


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
    relationship: str = "self",
) -> dict[str, Any]:
    """A PAS 2.2.1 request Bundle with every required element (a dependent brings the
    subscriber)."""
    ident = identifier or f"PA-{uuid4().hex[:12]}"
    ids = {k: str(uuid4()) for k in ("claim", "patient", "subscriber", "insurer", "provider",
                                     "coverage", "practitioner", "role", "mr", "qr")}

    def ref(k):
        return {"reference": f"urn:uuid:{ids[k]}"}

    qr_items = []
    for link, value in (answers or {}).items():
        key = "valueBoolean" if isinstance(value, bool) else (
            "valueInteger" if isinstance(value, int) else "valueString")
        qr_items.append({"linkId": link, "answer": [{key: value}]})
    x12_rel = {"self": "18", "spouse": "01", "child": "19"}[relationship]
    coverage = {
        "resourceType": "Coverage", "id": ids["coverage"], "status": "active",
        "identifier": [{"type": _cc("http://terminology.hl7.org/CodeSystem/v2-0203", "MB"),
                        "system": "urn:test:member", "value": member_id}],
        "subscriberId": member_id, "beneficiary": ref("patient"), "payor": [ref("insurer")],
        "relationship": {"coding": [
            {"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship",
             "code": relationship}, {"system": X12 + "1069", "code": x12_rel}]},
        "class": [{"type": _cc("http://terminology.hl7.org/CodeSystem/coverage-class", "plan"),
                   "value": "ppo"}]}
    if relationship != "self":
        coverage["subscriber"] = ref("subscriber")
    resources = [
        {"resourceType": "Claim", "id": ids["claim"],
         "identifier": [{"system": "urn:test:pa-request", "value": ident}],
         "status": "active", "type": {"coding": [{"code": "professional"}]},
         "use": "preauthorization", "patient": ref("patient"),
         "created": "2026-03-02T15:00:00Z", "insurer": ref("insurer"),
         "provider": ref("provider"), "priority": {"coding": [{"code": priority}]},
         "careTeam": [{"sequence": 1, "provider": ref("role"),
                       "extension": [{"url": PAS_SD + "careTeamClaimScope",
                                      "valueBoolean": True}],
                       "role": _cc(X12 + "98", "DK"),
                       "qualification": _cc("http://nucc.org/provider-taxonomy", "2084N0402X")}],
         "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": _cc(
             "http://hl7.org/fhir/sid/icd-10-cm", "G43.709")}],
         "insurance": [{"sequence": 1, "focal": True, "coverage": ref("coverage")}],
         "supportingInfo": [{"sequence": 1, "category": _cc("urn:test", "additionalInformation"),
                             "valueReference": ref("qr")}],
         "item": [{"sequence": 1, "careTeamSequence": [1],
                   "extension": [
                       {"url": PAS_SD + "serviceItemRequestType",
                        "valueCodeableConcept": _cc(X12 + "1525", "HS")},
                       {"url": PAS_SD + "certificationType",
                        "valueCodeableConcept": _cc(X12 + "1322", "I")},
                       {"url": PAS_SD + "requestedService", "valueReference": ref("mr")}],
                   "category": _cc(X12 + "1365", "1"),
                   "productOrService": {"coding": [{"system": "http://www.cms.gov/Medicare/"
                                                    "Coding/HCPCSReleaseCodeSets",
                                                    "code": hcpcs}]},
                   "locationCodeableConcept": _cc("https://www.cms.gov/Medicare/Coding/"
                                                  "place-of-service-codes/"
                                                  "Place_of_Service_Code_Set", "11"),
                   "quantity": {"value": units}, "servicedPeriod": {"start": start, "end": end}}]},
        _person(ids["patient"], member_id, "Doe", "Jane", "1980-02-03", "female"),
        {"resourceType": "Organization", "id": ids["insurer"], "active": True,
         "name": "Test Payer",
         "identifier": [{"system": "urn:chairside:payer", "value": payer_id}]},
        {"resourceType": "Organization", "id": ids["provider"], "active": True,
         "name": "Test Clinic",
         "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1548392608"},
                        {"system": "http://terminology.hl7.org/NamingSystem/USEIN",
                         "value": "041234567"}]},
        {"resourceType": "Practitioner", "id": ids["practitioner"],
         "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
         "name": [{"family": "Okafor", "given": ["Grace"]}]},
        {"resourceType": "PractitionerRole", "id": ids["role"],
         "practitioner": ref("practitioner"), "organization": ref("provider")},
        coverage,
        {"resourceType": "MedicationRequest", "id": ids["mr"], "status": "active",
         "intent": "order",
         "medicationCodeableConcept": _cc("http://www.nlm.nih.gov/research/umls/rxnorm",
                                          "1665461"),
         "subject": ref("patient"), "requester": ref("practitioner"),
         "dosageInstruction": [{"timing": {"repeat": {"count": 1}}}],
         "dispenseRequest": {"quantity": {"value": units}}},
        {"resourceType": "QuestionnaireResponse", "id": ids["qr"], "status": "completed",
         "item": qr_items},
    ]
    if relationship != "self":
        resources.append(_person(ids["subscriber"], member_id, "Doe", "John", "1978-07-01",
                                 "male"))
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
