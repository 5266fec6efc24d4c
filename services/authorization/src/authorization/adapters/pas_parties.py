"""The parties of a PAS request as FHIR R4 resources (Da Vinci PAS 2.2.1 profiles).

Patient (PASBeneficiary), the subscriber when the patient is a dependent (PASSubscriber),
Coverage (PASCoverage), the insurer and requestor Organizations, the ordering Practitioner and
its PractitionerRole, and one MedicationRequest (PASMedicationRequest) per requested drug.
Only what the profiles require or payers match on is sent (minimum necessary for a payment
disclosure): no phone, no internal patient id.
"""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, uuid5

from ..domain.case import PACase
from ..domain.identity import Medication, PasParties, Person

ID_SYSTEM = "urn:chairside"
NPI = "http://hl7.org/fhir/sid/us-npi"
USEIN = "http://terminology.hl7.org/NamingSystem/USEIN"
NUCC = "http://nucc.org/provider-taxonomy"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
NDC = "http://hl7.org/fhir/sid/ndc"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
C4BB_ID_TYPE = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType"
SUBSCRIBER_REL = "http://terminology.hl7.org/CodeSystem/subscriber-relationship"
X12_RELATIONSHIP = "https://codesystem.x12.org/005010/1069"  # INS02
X12_ENTITY = "https://codesystem.x12.org/005010/98"  # NM101 entity identifier
COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class"
# Our relationship -> X12 1069 (18 self, 01 spouse, 19 child, G8 other relationship).
X12_REL_CODES = {"self": "18", "spouse": "01", "child": "19", "other": "G8"}


def uid(case: PACase, kind: str, key: str = "") -> str:
    """Stable ids per case so a resubmission carries the same resources."""
    return str(uuid5(NAMESPACE_URL, f"{ID_SYSTEM}:{case.id}:{kind}:{key}"))


def ref(rid: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{rid}"}


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    c: dict[str, str] = {"system": system, "code": code}
    if display:
        c["display"] = display
    return {"coding": [c]}


def member_identifier(case: PACase, member_id: str) -> dict[str, Any]:
    return {"type": coding(V2_0203, "MB", "Member Number"),
            "system": f"{ID_SYSTEM}:payer:{case.payer_id}:member", "value": member_id}


def _person(resource_id: str, person: Person, identifiers: list[dict[str, Any]]
            ) -> dict[str, Any]:
    given = [person.given_name] + ([person.middle_name] if person.middle_name else [])
    out: dict[str, Any] = {
        "resourceType": "Patient", "id": resource_id, "identifier": identifiers,
        "name": [{"family": person.family_name, "given": given}],
        "gender": person.sex,
    }
    if person.birth_date:
        out["birthDate"] = person.birth_date.isoformat()
    a = person.address
    if a is not None:
        out["address"] = [{"line": [a.line1] + ([a.line2] if a.line2 else []), "city": a.city,
                           "state": a.state, "postalCode": a.postal_code, "country": "US"}]
    return out


def parties(case: PACase, p: PasParties) -> dict[str, dict[str, Any]]:
    """Resources by role: patient, [subscriber], coverage, insurer, requestor, practitioner,
    practitioner_role."""
    cov = p.coverage
    patient = _person(uid(case, "patient"), p.patient, [member_identifier(case, cov.member_id)])
    insurer: dict[str, Any] = {
        "resourceType": "Organization", "id": uid(case, "insurer"), "active": True,
        "type": [coding(X12_ENTITY, "PR", "Payer")],
        "identifier": [{"type": coding(C4BB_ID_TYPE, "payerid", "Payer ID"),
                        "system": f"{ID_SYSTEM}:payer", "value": case.payer_id}],
        "name": p.insurer_name}
    r = p.requestor
    requestor: dict[str, Any] = {
        "resourceType": "Organization", "id": uid(case, "requestor"), "active": True,
        "identifier": [{"system": NPI, "value": r.npi}, {"system": USEIN, "value": r.ein}],
        "name": r.name}
    o = p.ordering
    practitioner: dict[str, Any] = {
        "resourceType": "Practitioner", "id": uid(case, "practitioner", o.npi),
        "identifier": [{"system": NPI, "value": o.npi}],
        "name": [{"family": o.family_name, "given": [o.given_name]}]}
    role: dict[str, Any] = {
        "resourceType": "PractitionerRole", "id": uid(case, "practitioner-role", o.npi),
        "practitioner": ref(practitioner["id"]), "organization": ref(requestor["id"]),
        "specialty": [coding(NUCC, o.taxonomy or "")]}
    rel = cov.relationship
    coverage: dict[str, Any] = {
        "resourceType": "Coverage", "id": uid(case, "coverage"), "status": "active",
        "identifier": [member_identifier(case, cov.member_id)],
        "subscriberId": cov.member_id, "beneficiary": ref(patient["id"]),
        "relationship": {"coding": [{"system": SUBSCRIBER_REL, "code": rel},
                                    {"system": X12_RELATIONSHIP, "code": X12_REL_CODES[rel]}]},
        "payor": [ref(insurer["id"])],
        "class": ([{"type": coding(COVERAGE_CLASS, "group"), "value": cov.group_number}]
                  if cov.group_number else [])
        + ([{"type": coding(COVERAGE_CLASS, "plan"), "value": cov.plan_id or case.plan_id}]
           if (cov.plan_id or case.plan_id) else []),
    }
    out = {"patient": patient}
    if rel != "self" and cov.subscriber is not None:
        sub = _person(uid(case, "subscriber"), cov.subscriber,
                      [member_identifier(case, cov.member_id)])
        coverage["subscriber"] = ref(sub["id"])
        out["subscriber"] = sub
    return {**out, "coverage": coverage, "insurer": insurer, "requestor": requestor,
            "practitioner": practitioner, "practitioner_role": role}


def medication_request(case: PACase, med: Medication, units: int,
                       res: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A PASMedicationRequest: RxNorm first (NDC may follow); the HCPCS code stays on the
    Claim item."""
    code = med.code
    codings: list[dict[str, str]] = []
    if code is not None and code.rxcui:
        c = {"system": RXNORM, "code": code.rxcui}
        if code.rxnorm_name:
            c["display"] = code.rxnorm_name
        codings.append(c)
    if code is not None and code.ndc:
        codings.append({"system": NDC, "code": code.ndc})
    return {
        "resourceType": "MedicationRequest", "id": uid(case, "mr", med.hcpcs),
        "status": "active", "intent": "order",
        "medicationCodeableConcept": {"coding": codings},
        "subject": ref(res["patient"]["id"]),
        "authoredOn": case.created_at.isoformat(),
        "requester": ref(res["practitioner"]["id"]),
        "dosageInstruction": [{
            "timing": {"repeat": {"count": 1}},  # one administration per requested visit
            "doseAndRate": [{"doseQuantity": {"value": float(med.dose),
                                              "unit": med.dose_unit}}],
        }],
        "dispenseRequest": {"quantity": {"value": units, "unit": "UN"}},
    }
