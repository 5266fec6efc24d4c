"""FHIR R4B Claim view of a claim draft (same content as the 837P), validated by fhir.resources.

R4B (not the library's R5 default) because US payer IGs, Da Vinci included, are on R4.
Drug lines carry the NDC as an item.detail with the NDC quantity and unit; a claim billed under
coverage with evidence development carries its registry number as a supportingInfo. Money
stays Decimal up to the JSON writer (FHIR decimals are JSON numbers).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from fhir.resources.R4B.claim import Claim

from reimbursement.domain.claim import ClaimDraft, ClaimLine

CPT = "http://www.ama-assn.org/go/cpt"
HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
NDC = "http://hl7.org/fhir/sid/ndc"
POS = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"
NPI = "http://hl7.org/fhir/sid/us-npi"
CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type"
PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority"
UCUM = "http://unitsofmeasure.org"
INFO_CATEGORY = "http://terminology.hl7.org/CodeSystem/claiminformationcategory"
_NDC_UNITS = {"ML": ("mL", "mL"), "GR": ("g", "g"), "ME": ("mg", "mg"), "F2": ("IU", "[iU]"),
              "UN": ("unit", "{unit}")}
_STATUS = {"needs_review": "draft", "held": "draft", "ready": "draft", "reversed": "cancelled"}


def claim_resource(claim: ClaimDraft, *, claim_id: UUID, created: datetime,
                   billing_npi: str | None = None) -> Claim:
    """The claim as a validated FHIR R4B Claim (``.model_dump_json()`` for the wire)."""
    resource: dict[str, Any] = {
        "resourceType": "Claim",
        "id": str(claim_id),
        "identifier": [{"system": "urn:chairside:claim", "value": str(claim_id)}],
        "status": _STATUS.get(claim.status, "active"),
        "type": {"coding": [{"system": CLAIM_TYPE, "code": "professional"}]},
        "use": "claim",
        "patient": {"reference": f"Patient/{claim.patient_id}"},
        "billablePeriod": {"start": claim.service_date.isoformat(),
                           "end": claim.service_date.isoformat()},
        "created": created.isoformat(),
        "provider": {"identifier": {"system": NPI,
                                    "value": billing_npi or claim.rendering_npi or ""}},
        "priority": {"coding": [{"system": PRIORITY, "code": "normal"}]},
        "diagnosis": [
            {"sequence": i, "diagnosisCodeableConcept": {"coding": [
                {"system": ICD10CM, "code": _dotted(code)}]}}
            for i, code in enumerate(claim.diagnoses, start=1)],
        "insurance": [{
            "sequence": 1, "focal": True,
            "coverage": {"display":
                         claim.payer_id or "self-pay"},  # no member id (PHI) here
            **({"preAuthRef": [claim.auth_number]} if claim.auth_number else {}),
        }],
        "item": [_item(line, claim) for line in claim.lines],
        "total": {"value": claim.total_charge, "currency": "USD"},
    }
    if claim.registry_number:  # the 837P's 2300 REF*P4 (a CED study, NCD 200.3)
        resource["supportingInfo"] = [{
            "sequence": 1, "category": {"coding": [{"system": INFO_CATEGORY, "code": "info"}]},
            "code": {"text": "clinical study registry number (837P REF*P4, demonstration "
                             "project identifier)"},
            "valueString": claim.registry_number}]
    if claim.rendering_npi:
        resource["careTeam"] = [{"sequence": 1, "provider": {"identifier": {
            "system": NPI, "value": claim.rendering_npi}}, "role": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/claimcareteamrole",
                "code": "primary"}]}}]
    return Claim.model_validate(resource)  # raises if the view drifted from the spec


def _item(line: ClaimLine, claim: ClaimDraft) -> dict[str, Any]:
    item: dict[str, Any] = {
        "sequence": line.number,
        "diagnosisSequence": list(line.dx_pointers),
        "productOrService": {"coding": [{"system": CPT if line.kind == "admin" else HCPCS,
                                         "code": line.code}]},
        "servicedDate": claim.service_date.isoformat(),
        "locationCodeableConcept": {"coding": [{"system": POS, "code": claim.place_of_service}]},
        "quantity": {"value": line.units},
        "net": {"value": line.charge, "currency": "USD"},
    }
    if line.modifiers:
        item["modifier"] = [{"coding": [{"system": HCPCS, "code": m}]} for m in line.modifiers]
    if line.ndc and line.ndc_qty is not None and line.ndc_unit:
        unit, code = _NDC_UNITS[line.ndc_unit]
        item["detail"] = [{"sequence": 1, "productOrService": {"coding": [
            {"system": NDC, "code": f"{line.ndc[:5]}-{line.ndc[5:9]}-{line.ndc[9:]}"}]},
            "quantity": {"value": line.ndc_qty, "unit": unit, "system": UCUM,
                         "code": code}}]
    if line.description:
        item.setdefault("productOrService", {})["text"] = line.description
    return item


def _dotted(code: str) -> str:
    """ICD-10-CM in FHIR keeps its decimal point: G43709 -> G43.709."""
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"

