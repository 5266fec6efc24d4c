"""The sandbox refuses a PAS request missing a required element the way a payer would: HTTP 400
with an OperationOutcome whose issue names the element (FHIRPath in issue.expression)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fhir.resources.R4B.operationoutcome import OperationOutcome

from payer_sandbox.config import SandboxConfig

from .conftest import pas_request

SUBMIT = "/fhir/Claim/$submit"
J = dict[str, Any]


def res(b: J, rtype: str, n: int = 0) -> J:
    return [e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == rtype][n]


def claim(b: J) -> J:
    return b["entry"][0]["resource"]


def org(b: J, name: str) -> J:
    ref = claim(b)[name]["reference"]
    return next(e["resource"] for e in b["entry"] if e["fullUrl"] == ref)


def drop_ext(suffix: str) -> Callable[[J], Any]:
    def run(b: J) -> None:
        item = claim(b)["item"][0]
        item["extension"] = [e for e in item["extension"] if not e["url"].endswith(suffix)]
    return run


# what is removed or broken -> the expression the payer names
REFUSALS: list[tuple[str, Callable[[J], Any], str]] = [
    ("bundle identifier", lambda b: b.pop("identifier"), "Bundle.identifier"),
    ("bundle timestamp", lambda b: b.pop("timestamp"), "Bundle.timestamp"),
    ("unreferenced entry", lambda b: b["entry"].append({
        "fullUrl": "urn:uuid:7b7c6f58-9b0e-4a51-9d42-3f0e2f4a9e11",
        "resource": {"resourceType": "Organization", "id": "x", "name": "x"}}),
     "Bundle.entry[9]"),
    ("claim status", lambda b: claim(b).update(status="draft"), "Claim.status"),
    ("care team", lambda b: claim(b).pop("careTeam"), "Claim.careTeam"),
    ("taxonomy", lambda b: claim(b)["careTeam"][0].pop("qualification"),
     "Claim.careTeam[0].qualification"),
    ("diagnosis", lambda b: claim(b).pop("diagnosis"), "Claim.diagnosis"),
    ("item category", lambda b: claim(b)["item"][0].pop("category"), "Claim.item[0].category"),
    ("place of service", lambda b: claim(b)["item"][0].pop("locationCodeableConcept"),
     "Claim.item[0].locationCodeableConcept"),
    ("request type", drop_ext("serviceItemRequestType"),
     "Claim.item[0].extension('serviceItemRequestType')"),
    ("certification type", drop_ext("certificationType"),
     "Claim.item[0].extension('certificationType')"),
    ("requested service", drop_ext("requestedService"),
     "Claim.item[0].extension('requestedService')"),
    ("patient name", lambda b: res(b, "Patient").pop("name"), "Patient.name"),
    ("patient gender", lambda b: res(b, "Patient").pop("gender"), "Patient.gender"),
    ("patient birth date", lambda b: res(b, "Patient").update(birthDate="1980"),
     "Patient.birthDate"),
    ("patient identifier", lambda b: res(b, "Patient").pop("identifier"),
     "Patient.identifier"),
    ("practitioner NPI", lambda b: res(b, "Practitioner")["identifier"][0].update(
        value="1234567890"), "Practitioner[0].identifier"),
    ("practitioner name", lambda b: res(b, "Practitioner").pop("name"), "Practitioner[0].name"),
    ("requestor active", lambda b: org(b, "provider").pop("active"),
     "Organization(requestor).active"),
    ("insurer name", lambda b: org(b, "insurer").pop("name"), "Organization(insurer).name"),
    ("requestor TIN", lambda b: org(b, "provider")["identifier"].pop(),
     "Organization(requestor).identifier"),
    ("member id", lambda b: res(b, "Coverage").pop("identifier"), "Coverage[0].identifier"),
    ("relationship", lambda b: res(b, "Coverage").pop("relationship"),
     "Coverage[0].relationship"),
    ("medication RxNorm", lambda b: res(b, "MedicationRequest").update(
        medicationCodeableConcept={"coding": [{"system": "http://www.cms.gov/Medicare/Coding/"
                                                         "HCPCSReleaseCodeSets",
                                               "code": "J3032"}]}),
     "MedicationRequest[0].medicationCodeableConcept"),
    ("medication timing", lambda b: res(b, "MedicationRequest").pop("dosageInstruction"),
     "MedicationRequest[0].dosageInstruction.timing"),
]


@pytest.mark.parametrize("relationship", ["self", "spouse", "child"])
def test_conformant_requests_are_accepted(client, relationship):
    r = client.post(SUBMIT, json=pas_request(relationship=relationship))
    assert r.status_code == 200, r.json()
    assert r.json()["entry"][0]["resource"]["resourceType"] == "ClaimResponse"


@pytest.mark.parametrize("what, mutate, expression", REFUSALS, ids=[w for w, _, _ in REFUSALS])
def test_missing_element_is_refused_naming_it(client, sandbox, what, mutate, expression):
    req = pas_request()
    mutate(req)
    r = client.post(SUBMIT, json=req)
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/fhir+json")
    outcome = OperationOutcome.model_validate(r.json())
    expressions = [e for issue in outcome.issue for e in issue.expression or []]
    assert expression in expressions, expressions
    assert all(i.severity == "error" and i.diagnostics for i in outcome.issue)
    ident = req["entry"][0]["resource"]["identifier"][0]["value"]
    assert ident not in sandbox.app.state.store.claims  # nothing adjudicated or stored


def test_dependent_needs_the_subscriber(client):
    req = pas_request(relationship="spouse")
    res(req, "Coverage").pop("subscriber")
    req["entry"] = [e for e in req["entry"] if e["resource"].get("name") != [
        {"family": "Doe", "given": ["John"]}]]
    r = client.post(SUBMIT, json=req)
    assert r.status_code == 400
    assert ["Coverage[0].subscriber"] in [i["expression"] for i in r.json()["issue"]]
    req = pas_request(relationship="spouse")
    res(req, "Patient", 1).pop("birthDate")  # the subscriber's own demographics count too
    r = client.post(SUBMIT, json=req)
    assert ["Patient(subscriber).birthDate"] in [i["expression"] for i in r.json()["issue"]]


def test_every_problem_is_listed_and_a_corrected_request_is_accepted(client):
    req = pas_request()
    res(req, "Patient").pop("gender")
    res(req, "Patient").pop("address")
    r = client.post(SUBMIT, json=req)
    assert sorted(i["expression"][0] for i in r.json()["issue"]) == ["Patient.address",
                                                                     "Patient.gender"]
    fixed = pas_request(req["entry"][0]["resource"]["identifier"][0]["value"])
    assert client.post(SUBMIT, json=fixed).status_code == 200


def test_profile_checks_can_be_turned_off_for_drills(client, configure):
    configure(SandboxConfig(enforce_pas_profiles=False))
    req = pas_request()
    res(req, "Patient").pop("name")
    assert client.post(SUBMIT, json=req).status_code == 200
