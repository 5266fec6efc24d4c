"""PAS 2.2.1 checklist rules for the resources the Claim references: Patient (PASBeneficiary
and PASSubscriber), Practitioner and PractitionerRole, the requestor and insurer
Organizations, Coverage and MedicationRequest. One rule per checklist item."""

from __future__ import annotations

from collections.abc import Iterator

from ..domain.identity import npi_valid
from .pas_parties import (
    C4BB_ID_TYPE,
    COVERAGE_CLASS,
    NPI,
    RXNORM,
    SUBSCRIBER_REL,
    USEIN,
    V2_0203,
    X12_RELATIONSHIP,
)
from .pas_rules import FULL_DATE, Doc, Json, codes, rule

HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"


def _patients(d: Doc) -> Iterator[tuple[str, Json]]:
    """The beneficiary and, when present, the subscriber (both US Core Patients)."""
    beneficiary = d.get(d.claim.get("patient"), "Patient")
    if beneficiary is not None:
        yield "Patient", beneficiary
    for cov in d.of_type("Coverage"):
        sub = d.get(cov.get("subscriber"), "Patient")
        if sub is not None and sub is not beneficiary:
            yield "Patient(subscriber)", sub


@rule("patient.identifier")
def _p_identifier(d: Doc) -> Iterator[tuple[str, str]]:
    for path, p in _patients(d):
        ids = p.get("identifier") or []
        if not ids or not all(i.get("system") and i.get("value") for i in ids):
            yield f"{path}.identifier", "1..* identifiers with system and value are required"


@rule("patient.name")
def _p_name(d: Doc) -> Iterator[tuple[str, str]]:
    for path, p in _patients(d):
        names = p.get("name") or []
        if not names or not names[0].get("family") or not names[0].get("given"):
            yield f"{path}.name", "a name with family and given is required"


@rule("patient.gender")
def _p_gender(d: Doc) -> Iterator[tuple[str, str]]:
    for path, p in _patients(d):
        if p.get("gender") not in ("male", "female", "other", "unknown"):
            yield f"{path}.gender", "is required (1..1)"


@rule("patient.birthdate")
def _p_birth(d: Doc) -> Iterator[tuple[str, str]]:
    for path, p in _patients(d):
        if not FULL_DATE.match(str(p.get("birthDate", ""))):
            yield f"{path}.birthDate", "a full birth date is required"


@rule("patient.address")
def _p_address(d: Doc) -> Iterator[tuple[str, str]]:
    for path, p in _patients(d):
        a = (p.get("address") or [{}])[0]
        if not (a.get("line") and a.get("city") and a.get("state") and a.get("postalCode")):
            yield f"{path}.address", "line, city, state and postal code are required"


def _practitioners(d: Doc) -> Iterator[tuple[str, Json]]:
    for i, role in enumerate(d.of_type("PractitionerRole")):
        yield f"PractitionerRole[{i}]", role


@rule("practitionerrole.practitioner")
def _pr_role(d: Doc) -> Iterator[tuple[str, str]]:
    for path, role in _practitioners(d):
        if d.get(role.get("practitioner"), "Practitioner") is None:
            yield f"{path}.practitioner", "must reference the Practitioner (1..1)"


@rule("practitioner.npi")
def _pr_npi(d: Doc) -> Iterator[tuple[str, str]]:
    for i, p in enumerate(d.of_type("Practitioner")):
        npis = [x.get("value") for x in p.get("identifier") or [] if x.get("system") == NPI]
        if not npis or not npi_valid(npis[0]):
            yield f"Practitioner[{i}].identifier.where(system='{NPI}')", "a valid NPI is required"


@rule("practitioner.name")
def _pr_name(d: Doc) -> Iterator[tuple[str, str]]:
    for i, p in enumerate(d.of_type("Practitioner")):
        if not any(n.get("family") for n in p.get("name") or []):
            yield f"Practitioner[{i}].name.family", "a name with family is required"


def _orgs(d: Doc) -> Iterator[tuple[str, Json | None]]:
    yield "Organization(requestor)", d.get(d.claim.get("provider"), "Organization")
    yield "Organization(insurer)", d.get(d.claim.get("insurer"), "Organization")


@rule("organization.active")
def _o_active(d: Doc) -> Iterator[tuple[str, str]]:
    for path, org in _orgs(d):
        if org is not None and org.get("active") is not True:
            yield f"{path}.active", "must be true"


@rule("organization.name")
def _o_name(d: Doc) -> Iterator[tuple[str, str]]:
    for path, org in _orgs(d):
        if org is not None and not org.get("name"):
            yield f"{path}.name", "is required (1..1)"


@rule("requestor.identifiers")
def _o_requestor_ids(d: Doc) -> Iterator[tuple[str, str]]:
    org = d.get(d.claim.get("provider"), "Organization")
    if org is None:
        return
    ids = {x.get("system"): x.get("value") for x in org.get("identifier") or []}
    if not npi_valid(ids.get(NPI)):
        yield f"Organization(requestor).identifier.where(system='{NPI}')", "a valid NPI"
    if not ids.get(USEIN):
        yield f"Organization(requestor).identifier.where(system='{USEIN}')", "the TIN (EIN)"


@rule("insurer.payerid")
def _o_insurer_id(d: Doc) -> Iterator[tuple[str, str]]:
    org = d.get(d.claim.get("insurer"), "Organization")
    if org is None:
        return
    if not any(codes(x.get("type"), C4BB_ID_TYPE) == ["payerid"] and x.get("value")
               for x in org.get("identifier") or []):
        yield "Organization(insurer).identifier.where(type='payerid')", "the payer id"


def _coverages(d: Doc) -> Iterator[tuple[str, Json]]:
    for i, c in enumerate(d.of_type("Coverage")):
        yield f"Coverage[{i}]", c


@rule("coverage.status")
def _cv_status(d: Doc) -> Iterator[tuple[str, str]]:
    for path, c in _coverages(d):
        if c.get("status") != "active":
            yield f"{path}.status", "must be active"


@rule("coverage.memberid")
def _cv_member(d: Doc) -> Iterator[tuple[str, str]]:
    for path, c in _coverages(d):
        if not any(codes(x.get("type"), V2_0203) == ["MB"] and x.get("value")
                   for x in c.get("identifier") or []):
            yield f"{path}.identifier.where(type='MB')", "the member id is required (1..1)"


@rule("coverage.beneficiary")
def _cv_beneficiary(d: Doc) -> Iterator[tuple[str, str]]:
    for path, c in _coverages(d):
        if d.get(c.get("beneficiary"), "Patient") is None:
            yield f"{path}.beneficiary", "must reference the Patient"


@rule("coverage.relationship")
def _cv_relationship(d: Doc) -> Iterator[tuple[str, str]]:
    for path, c in _coverages(d):
        rel = c.get("relationship")
        if not codes(rel, SUBSCRIBER_REL) or not codes(rel, X12_RELATIONSHIP):
            yield f"{path}.relationship", "FHIR subscriber-relationship and X12 1069 codes"


@rule("coverage.subscriber")
def _cv_subscriber(d: Doc) -> Iterator[tuple[str, str]]:
    for path, c in _coverages(d):
        if codes(c.get("relationship"), X12_RELATIONSHIP) != ["18"] and \
                d.get(c.get("subscriber"), "Patient") is None:
            yield f"{path}.subscriber", "is required unless the patient is the subscriber (18)"


@rule("coverage.payor")
def _cv_payor(d: Doc) -> Iterator[tuple[str, str]]:
    for path, c in _coverages(d):
        payors = c.get("payor") or []
        if not payors or payors[0].get("reference") != (d.claim.get("insurer") or {}).get(
                "reference"):
            yield f"{path}.payor", "must reference the insurer"


@rule("coverage.class")
def _cv_class(d: Doc) -> Iterator[tuple[str, str]]:
    for path, c in _coverages(d):
        kinds = {k for x in c.get("class") or [] if x.get("value")
                 for k in codes(x.get("type"), COVERAGE_CLASS)}
        if not kinds & {"group", "plan"}:
            yield f"{path}.class", "a group or plan class is required"


def _mrs(d: Doc) -> Iterator[tuple[str, Json]]:
    for i, m in enumerate(d.of_type("MedicationRequest")):
        yield f"MedicationRequest[{i}]", m


@rule("medicationrequest.status-intent")
def _m_status(d: Doc) -> Iterator[tuple[str, str]]:
    for path, m in _mrs(d):
        if m.get("status") != "active":
            yield f"{path}.status", "must be active"
        if m.get("intent") != "order":
            yield f"{path}.intent", "must be order"


@rule("medicationrequest.subject-requester")
def _m_parties(d: Doc) -> Iterator[tuple[str, str]]:
    for path, m in _mrs(d):
        if d.get(m.get("subject"), "Patient") is None:
            yield f"{path}.subject", "must reference the Patient"
        if d.get(m.get("requester"), "Practitioner", "PractitionerRole") is None:
            yield f"{path}.requester", "must reference the ordering practitioner"


@rule("medicationrequest.timing")
def _m_timing(d: Doc) -> Iterator[tuple[str, str]]:
    for path, m in _mrs(d):
        dosage = (m.get("dosageInstruction") or [{}])[0]
        if not dosage.get("timing"):
            yield f"{path}.dosageInstruction.timing", "is required"


@rule("medicationrequest.quantity")
def _m_quantity(d: Doc) -> Iterator[tuple[str, str]]:
    for path, m in _mrs(d):
        if ((m.get("dispenseRequest") or {}).get("quantity") or {}).get("value") is None:
            yield f"{path}.dispenseRequest.quantity", "is required"


@rule("medicationrequest.rxnorm")
def _m_rxnorm(d: Doc) -> Iterator[tuple[str, str]]:
    for path, m in _mrs(d):
        coding = (m.get("medicationCodeableConcept") or {}).get("coding") or []
        if not coding or coding[0].get("system") != RXNORM or \
                not str(coding[0].get("code", "")).isdigit():
            yield f"{path}.medicationCodeableConcept.coding[0]", "the primary coding is RxNorm"
        if any(c.get("system") == HCPCS for c in coding):
            yield (f"{path}.medicationCodeableConcept",
                   "HCPCS belongs on Claim.item.productOrService, not the medication")
