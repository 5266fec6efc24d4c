"""Da Vinci PAS request Bundles (FHIR R4) built from a PA case.

Shape (PAS IG, input/fsh/Claim.fsh and Bundle.fsh): a ``collection`` Bundle with an identifier
and timestamp whose first entry is the Claim (``use=preauthorization``), followed by what it
references: Patient, Coverage, the insurer and requesting Organizations, the prescriber,
one MedicationRequest per requested drug and the DTR QuestionnaireResponse, which rides as
``supportingInfo`` of category ``additionalInformation``.

FHIR version: PAS is an R4 (4.0.1) IG. fhir.resources 8 defaults to R5, so every resource is
validated with the ``fhir.resources.R4B`` models (4.3.0), which share R4's JSON shape for the
resources used here and forbid unknown (e.g. R5-only) elements; ``r5_only_elements`` adds an
explicit guard for the R5 renames most likely to slip in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

from fhir.resources.R4B.bundle import Bundle

from ..domain.case import PACase
from ..domain.questions import Question, effective_answers

PAS = "http://hl7.org/fhir/us/davinci-pas"
EXT_REQUESTED_SERVICE = f"{PAS}/StructureDefinition/extension-requestedService"
EXT_CERTIFICATION_TYPE = f"{PAS}/StructureDefinition/extension-certificationType"
PAS_TEMP_CODES = f"{PAS}/CodeSystem/PASTempCodes"
X12_CERTIFICATION_TYPE = "https://codesystem.x12.org/005010/1322"  # UM02: I initial, R renewal
X12_SERVICE_TYPE = "https://codesystem.x12.org/005010/1365"
HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
POS = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"
CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type"
PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority"
COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class"
NPI = "http://hl7.org/fhir/sid/us-npi"
ID_SYSTEM = "urn:chairside"
REQUEST_ID_SYSTEM = f"{ID_SYSTEM}:pa-request"


def _uid(case: PACase, kind: str, key: str = "") -> str:
    """Stable ids per case so a resubmission carries the same resources."""
    return str(uuid5(NAMESPACE_URL, f"{ID_SYSTEM}:{case.id}:{kind}:{key}"))


def _ref(rid: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{rid}"}


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def _coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    c: dict[str, str] = {"system": system, "code": code}
    if display:
        c["display"] = display
    return {"coding": [c]}


def _answer(q: Question, value: Any) -> list[dict[str, Any]]:
    values = value if isinstance(value, list) else [value]
    if q.key == "diagnosis":
        return [{"valueCoding": {"system": ICD10CM, "code": v}} for v in values]
    if q.type == "boolean":
        return [{"valueBoolean": v} for v in values]
    if q.type == "integer":
        return [{"valueInteger": v} for v in values]
    if q.type == "choice":
        return [{"valueCoding": {"system": f"{ID_SYSTEM}:dtr:{q.key}", "code": v}}
                for v in values]
    return [{"valueString": v} for v in values]


def questionnaire_response(case: PACase, now: datetime, patient_id: str) -> dict[str, Any]:
    answers = effective_answers(case.questions, case.answers)
    hcpcs = "-".join(ln.hcpcs for ln in case.lines)
    return {
        "resourceType": "QuestionnaireResponse",
        "id": _uid(case, "qr"),
        "questionnaire": f"{ID_SYSTEM}:questionnaire:{case.payer_id}:{hcpcs}:"
                         f"v{case.policy_version or 0}",
        "status": "completed",
        "subject": _ref(patient_id),
        "authored": now.isoformat(),
        "item": [
            {"linkId": q.link_id, "text": q.text, "answer": _answer(q, answers[q.link_id])}
            for q in case.questions if q.link_id in answers
        ],
    }


def _parties(case: PACase, practice_npi: str | None) -> dict[str, dict[str, Any]]:
    patient: dict[str, Any] = {
        "resourceType": "Patient", "id": _uid(case, "patient"),
        # ids only: the member id is what a payer matches on; no names leave this service.
        "identifier": [{"system": f"{ID_SYSTEM}:patient", "value": str(case.patient_id)},
                       {"system": f"{ID_SYSTEM}:payer:{case.payer_id}:member",
                        "value": case.member_id}],
    }
    insurer: dict[str, Any] = {"resourceType": "Organization", "id": _uid(case, "insurer"),
               "identifier": [{"system": f"{ID_SYSTEM}:payer", "value": case.payer_id}],
               "name": case.payer_id}
    provider_ids = [{"system": f"{ID_SYSTEM}:practice", "value": case.practice_id}]
    if practice_npi:
        provider_ids.append({"system": NPI, "value": practice_npi})
    provider: dict[str, Any] = {"resourceType": "Organization", "id": _uid(case, "provider"),
                "identifier": provider_ids, "name": case.practice_id}
    coverage: dict[str, Any] = {
        "resourceType": "Coverage", "id": _uid(case, "coverage"), "status": "active",
        "subscriberId": case.member_id, "beneficiary": _ref(patient["id"]),
        "payor": [_ref(insurer["id"])],
    }
    if case.plan_id:
        coverage["class"] = [{"type": _coding(COVERAGE_CLASS, "plan"), "value": case.plan_id}]
    out = {"patient": patient, "insurer": insurer, "provider": provider, "coverage": coverage}
    if case.prescriber_id:
        out["prescriber"] = {"resourceType": "Practitioner", "id": _uid(case, "prescriber"),
                             "identifier": [{"system": f"{ID_SYSTEM}:prescriber",
                                             "value": case.prescriber_id}]}
    return out


def _medication_request(case: PACase, hcpcs: str, units: int,
                        parties: dict[str, dict[str, Any]]) -> dict[str, Any]:
    mr: dict[str, Any] = {
        "resourceType": "MedicationRequest", "id": _uid(case, "mr", hcpcs),
        "status": "active", "intent": "order",
        "medicationCodeableConcept": _coding(HCPCS, hcpcs),
        "subject": _ref(parties["patient"]["id"]),
        "authoredOn": case.created_at.isoformat(),
        "dispenseRequest": {"quantity": {"value": units, "unit": "UN"}},
    }
    if "prescriber" in parties:
        mr["requester"] = _ref(parties["prescriber"]["id"])
    return mr


def _requested_period(case: PACase) -> dict[str, str]:
    period: dict[str, str] = {}
    if case.requested_from:
        period["start"] = case.requested_from.isoformat()
    if case.requested_to:
        period["end"] = case.requested_to.isoformat()
    return period


def _items(case: PACase, mrs: list[dict[str, Any]], qr: dict[str, Any] | None,
           inquiry: bool) -> list[dict[str, Any]]:
    period = _requested_period(case)
    cert = "R" if case.kind == "renewal" else "I"
    items = []
    for i, (ln, mr) in enumerate(zip(case.lines, mrs, strict=True), start=1):
        item: dict[str, Any] = {
            "sequence": i,
            "category": _coding(X12_SERVICE_TYPE, "1"),  # medical care
            "productOrService": _coding(HCPCS, ln.hcpcs),
            "quantity": {"value": ln.requested_units or 0, "unit": "UN"},
            "locationCodeableConcept": _coding(POS, "11"),  # office
        }
        if not inquiry:
            item["extension"] = [
                {"url": EXT_REQUESTED_SERVICE, "valueReference": _ref(mr["id"])},
                {"url": EXT_CERTIFICATION_TYPE,
                 "valueCodeableConcept": _coding(X12_CERTIFICATION_TYPE, cert)},
            ]
            if case.diagnoses:
                item["diagnosisSequence"] = list(range(1, len(case.diagnoses) + 1))
            if qr:
                item["informationSequence"] = [1]
        if period:
            item["servicedPeriod"] = period
        items.append(item)
    return items


def _claim(case: PACase, now: datetime, parties: dict[str, dict[str, Any]],
           mrs: list[dict[str, Any]], qr: dict[str, Any] | None,
           inquiry: bool) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "resourceType": "Claim",
        "id": _uid(case, "claim-inquiry" if inquiry else "claim"),
        "identifier": [{"system": REQUEST_ID_SYSTEM, "value": case.request_identifier}],
        "status": "active",
        "type": _coding(CLAIM_TYPE, "professional"),
        "use": "preauthorization",
        "patient": _ref(parties["patient"]["id"]),
        "created": now.isoformat(),
        "insurer": _ref(parties["insurer"]["id"]),
        "provider": _ref(parties["provider"]["id"]),
        "priority": _coding(PRIORITY, "stat" if case.expedited else "normal"),
        "insurance": [{"sequence": 1, "focal": True, "coverage": _ref(parties["coverage"]["id"])}],
        "item": _items(case, mrs, qr, inquiry),
    }
    if case.diagnoses:
        claim["diagnosis"] = [
            {"sequence": i, "diagnosisCodeableConcept": _coding(ICD10CM, d.upper())}
            for i, d in enumerate(case.diagnoses, start=1)
        ]
    if qr and not inquiry:
        claim["supportingInfo"] = [{
            "sequence": 1, "category": _coding(PAS_TEMP_CODES, "additionalInformation"),
            "valueReference": _ref(qr["id"]),
        }]
    return claim


def build_bundle(case: PACase, now: datetime, *, practice_npi: str | None = None,
                 inquiry: bool = False, bundle_id: UUID | None = None) -> dict[str, Any]:
    """The PAS request (or inquiry) Bundle as FHIR JSON, validated with the R4B models."""
    parties = _parties(case, practice_npi)
    mrs = [_medication_request(case, ln.hcpcs, ln.requested_units or 0, parties)
           for ln in case.lines]
    qr = None if inquiry or not case.questions else questionnaire_response(
        case, now, parties["patient"]["id"])
    claim = _claim(case, now, parties, mrs, qr, inquiry)
    resources = [claim, parties["patient"], parties["coverage"], parties["insurer"],
                 parties["provider"]]
    if "prescriber" in parties:
        resources.append(parties["prescriber"])
    if not inquiry:
        resources += mrs
        if qr:
            resources.append(qr)
    bid = str(bundle_id or uuid4())
    doc = {
        "resourceType": "Bundle",
        "id": bid,
        "identifier": {"system": f"{ID_SYSTEM}:pas-bundle", "value": bid},
        "type": "collection",
        "timestamp": now.isoformat(),
        "entry": [_entry(r) for r in resources],
    }
    problems = r5_only_elements(doc)
    if problems:
        raise ValueError(f"R5-only elements in an R4 bundle: {problems}")
    # Raises pydantic.ValidationError when the shape is not valid FHIR R4(B).
    return Bundle.model_validate(doc).model_dump(mode="json", exclude_none=True)


# R5 renamed or added these on resources we send; R4 receivers reject them.
_R5_ONLY = {
    "Claim": {"traceNumber", "diagnosisRelatedGroup", "encounter", "event"},
    "MedicationRequest": {"medication", "informationSource", "renderedDosageInstruction"},
    "Coverage": {"kind", "paymentBy", "insurer", "insurancePlan"},
}


def r5_only_elements(bundle: dict[str, Any]) -> list[str]:
    found = []
    for entry in bundle.get("entry", []):
        res = entry.get("resource", {})
        rtype = res.get("resourceType", "")
        found += [f"{rtype}.{k}" for k in _R5_ONLY.get(rtype, ()) if k in res]
    return found
