"""Da Vinci PAS request Bundles (FHIR R4) built from a PA case and its parties.

Shape (PAS IG 2.2.1, input/fsh/Claim.fsh and Bundle.fsh): a ``collection`` Bundle with an
identifier and timestamp whose first entry is the Claim (``use=preauthorization``), followed by
every resource it references, each once (adapters/pas_parties.py): Patient (and the subscriber
when the patient is a dependent), Coverage, the insurer and requestor Organizations, the
ordering Practitioner and its PractitionerRole (the care team), one MedicationRequest per
requested drug and the DTR QuestionnaireResponse, which rides as ``supportingInfo`` of category
``additionalInformation``. ``pas_conformance.check`` holds the checklist it must meet.

FHIR version: PAS is an R4 (4.0.1) IG. fhir.resources 8 defaults to R5, so every resource is
validated with the ``fhir.resources.R4B`` models (4.3.0), which share R4's JSON shape for the
resources used here and forbid unknown (e.g. R5-only) elements; ``r5_only_elements`` adds an
explicit guard for the R5 renames most likely to slip in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from fhir.resources.R4B.bundle import Bundle

from ..domain.case import PACase
from ..domain.identity import PasParties
from ..domain.questions import Question, effective_answers
from .pas_parties import ID_SYSTEM, NUCC, X12_ENTITY, coding, medication_request, parties, ref
from .pas_parties import uid as _uid

PAS = "http://hl7.org/fhir/us/davinci-pas"
EXT_REQUESTED_SERVICE = f"{PAS}/StructureDefinition/extension-requestedService"
EXT_CERTIFICATION_TYPE = f"{PAS}/StructureDefinition/extension-certificationType"
EXT_REQUEST_TYPE = f"{PAS}/StructureDefinition/extension-serviceItemRequestType"
EXT_CARE_TEAM_SCOPE = f"{PAS}/StructureDefinition/extension-careTeamClaimScope"
X12_REQUEST_TYPE = "https://codesystem.x12.org/005010/1525"  # UM01: HS health services review
PAS_TEMP_CODES = f"{PAS}/CodeSystem/PASTempCodes"
X12_CERTIFICATION_TYPE = "https://codesystem.x12.org/005010/1322"  # UM02: I initial, R renewal
X12_SERVICE_TYPE = "https://codesystem.x12.org/005010/1365"
HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
POS = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"
CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type"
PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority"
REQUEST_ID_SYSTEM = f"{ID_SYSTEM}:pa-request"


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


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
        "subject": ref(patient_id),
        "authored": now.isoformat(),
        "item": [
            {"linkId": q.link_id, "text": q.text, "answer": _answer(q, answers[q.link_id])}
            for q in case.questions if q.link_id in answers
        ],
    }


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
            "careTeamSequence": [1],
            "category": coding(X12_SERVICE_TYPE, "1", "Medical Care"),
            "productOrService": coding(HCPCS, ln.hcpcs),
            "quantity": {"value": ln.requested_units or 0, "unit": "UN"},
            "locationCodeableConcept": coding(POS, "11", "Office"),
        }
        if not inquiry:
            item["extension"] = [
                {"url": EXT_REQUEST_TYPE, "valueCodeableConcept": coding(
                    X12_REQUEST_TYPE, "HS", "Health Services Review")},
                {"url": EXT_CERTIFICATION_TYPE,
                 "valueCodeableConcept": coding(X12_CERTIFICATION_TYPE, cert)},
                {"url": EXT_REQUESTED_SERVICE, "valueReference": ref(mr["id"])},
            ]
            if case.diagnoses:
                item["diagnosisSequence"] = list(range(1, len(case.diagnoses) + 1))
            if qr:
                item["informationSequence"] = [1]
        if period.get("start") and period.get("end"):
            item["servicedPeriod"] = period
        elif case.requested_from:
            item["servicedDate"] = case.requested_from.isoformat()
        items.append(item)
    return items


def _care_team(res: dict[str, dict[str, Any]], taxonomy: str) -> list[dict[str, Any]]:
    """The ordering physician, for the whole request, qualified by their NUCC taxonomy."""
    return [{
        "extension": [{"url": EXT_CARE_TEAM_SCOPE, "valueBoolean": True}],
        "sequence": 1, "provider": ref(res["practitioner_role"]["id"]),
        "role": coding(X12_ENTITY, "DK", "Ordering Physician"),
        "qualification": coding(NUCC, taxonomy),
    }]


def _claim(case: PACase, now: datetime, res: dict[str, dict[str, Any]], taxonomy: str,
           mrs: list[dict[str, Any]], qr: dict[str, Any] | None,
           inquiry: bool) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "resourceType": "Claim",
        "id": _uid(case, "claim-inquiry" if inquiry else "claim"),
        "identifier": [{"system": REQUEST_ID_SYSTEM, "value": case.request_identifier}],
        "status": "active",
        "type": coding(CLAIM_TYPE, "professional"),
        "use": "preauthorization",
        "patient": ref(res["patient"]["id"]),
        "created": now.isoformat(),
        "insurer": ref(res["insurer"]["id"]),
        "provider": ref(res["requestor"]["id"]),
        "priority": coding(PRIORITY, "stat" if case.expedited else "normal"),
        "careTeam": _care_team(res, taxonomy),
        "insurance": [{"sequence": 1, "focal": True, "coverage": ref(res["coverage"]["id"])}],
        "item": _items(case, mrs, qr, inquiry),
    }
    if case.diagnoses:
        claim["diagnosis"] = [
            {"sequence": i, "diagnosisCodeableConcept": coding(ICD10CM, d.upper())}
            for i, d in enumerate(case.diagnoses, start=1)
        ]
    if qr and not inquiry:
        claim["supportingInfo"] = [{
            "sequence": 1, "category": coding(PAS_TEMP_CODES, "additionalInformation"),
            "valueReference": ref(qr["id"]),
        }]
    return claim


def build_bundle(case: PACase, pas: PasParties, now: datetime, *, inquiry: bool = False,
                 bundle_id: UUID | None = None) -> dict[str, Any]:
    """The PAS request (or inquiry) Bundle as FHIR JSON, validated with the R4B models."""
    res = parties(case, pas)
    meds = {m.hcpcs: m for m in pas.medications}
    mrs = [medication_request(case, meds[ln.hcpcs], ln.requested_units or 0, res)
           for ln in case.lines]
    qr = None if inquiry or not case.questions else questionnaire_response(
        case, now, res["patient"]["id"])
    claim = _claim(case, now, res, pas.ordering.taxonomy or "", mrs, qr, inquiry)
    resources = [claim, *res.values()]
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
