"""What this payer requires of a PAS request Bundle before it adjudicates anything: the
Da Vinci PAS 2.2.1 required elements (Bundle, Claim, Patient, Practitioner, Organization,
Coverage, MedicationRequest). A request missing one is refused with HTTP 400 and an
OperationOutcome whose issues name each element by FHIRPath (``issue.expression``), as a
payer's intake would. Written for the sandbox alone: an outside party shares no code with the
submitter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
NPI = "http://hl7.org/fhir/sid/us-npi"
USEIN = "http://terminology.hl7.org/NamingSystem/USEIN"
NUCC = "http://nucc.org/provider-taxonomy"
REL_FHIR = "http://terminology.hl7.org/CodeSystem/subscriber-relationship"
REL_X12 = "https://codesystem.x12.org/005010/1069"
EXT = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

Issue = tuple[str, str]  # (FHIRPath expression, what is wrong)
J = dict[str, Any]


def _npi_ok(value: Any) -> bool:
    s = str(value or "")
    if not re.fullmatch(r"[12]\d{9}", s):
        return False
    digits = [int(c) for c in "80840" + s[:9]]
    total = sum(d if i % 2 else (d * 2 - 9 if d * 2 > 9 else d * 2)
                for i, d in enumerate(reversed(digits)))
    return (total + int(s[9])) % 10 == 0


def _has_code(cc: Any, system: str, code: str | None = None) -> bool:
    return any(c.get("system") == system and c.get("code") and (code is None or
                                                                c.get("code") == code)
               for c in (cc or {}).get("coding") or [])


def _ext(el: J, name: str) -> J | None:
    return next((e for e in el.get("extension") or [] if e.get("url") == EXT + name), None)


class _Request:
    def __init__(self, bundle: J) -> None:
        self.bundle = bundle
        self.entries = bundle.get("entry") or []
        self.urls = {e.get("fullUrl"): e.get("resource") or {} for e in self.entries}
        self.claim: J = (self.entries[0].get("resource") or {}) if self.entries else {}

    def res(self, ref: Any, *types: str) -> J | None:
        r = self.urls.get((ref or {}).get("reference"))
        return r if r is not None and (not types or r.get("resourceType") in types) else None


def _bundle(q: _Request) -> Iterator[Issue]:
    b = q.bundle
    if b.get("type") != "collection":
        yield "Bundle.type", "must be collection"
    if not (b.get("identifier") or {}).get("value"):
        yield "Bundle.identifier", "required"
    if not b.get("timestamp"):
        yield "Bundle.timestamp", "required"
    urls = [e.get("fullUrl") for e in q.entries]
    for i, u in enumerate(urls):
        if not str(u or "").startswith("urn:uuid:") or urls.count(u) > 1:
            yield f"Bundle.entry[{i}].fullUrl", "a unique urn:uuid is required"
    refs: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("reference"), str):
                refs.append(node["reference"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk([e.get("resource") for e in q.entries])
    for r in refs:
        if r not in q.urls:
            yield "Bundle.entry", f"reference {r} does not resolve in the Bundle"
    for i, u in enumerate(urls[1:], start=1):
        if u not in refs:
            yield f"Bundle.entry[{i}]", "resource not referenced by the request"


def _claim(q: _Request) -> Iterator[Issue]:
    c = q.claim
    if c.get("status") != "active":
        yield "Claim.status", "must be active"
    if not any(i.get("value") for i in c.get("identifier") or []):
        yield "Claim.identifier", "required"
    for name, types in (("patient", ("Patient",)), ("insurer", ("Organization",)),
                        ("provider", ("Organization", "PractitionerRole"))):
        if q.res(c.get(name), *types) is None:
            yield f"Claim.{name}", "required, and must resolve in the Bundle"
    team = c.get("careTeam") or []
    if not team:
        yield "Claim.careTeam", "required"
    for i, m in enumerate(team):
        if not (m.get("role") or {}).get("coding"):
            yield f"Claim.careTeam[{i}].role", "required"
        if not _has_code(m.get("qualification"), NUCC):
            yield f"Claim.careTeam[{i}].qualification", "NUCC taxonomy required"
    dx = c.get("diagnosis") or []
    if not dx or not all(_has_code(d.get("diagnosisCodeableConcept"), ICD10CM) for d in dx):
        yield "Claim.diagnosis", "ICD-10-CM diagnosis required"
    focal = [x for x in c.get("insurance") or [] if x.get("focal") is True]
    if not focal or q.res(focal[0].get("coverage"), "Coverage") is None:
        yield "Claim.insurance.where(focal=true).coverage", "focal Coverage required"
    items = c.get("item") or []
    if not items:
        yield "Claim.item", "required"
    for i, it in enumerate(items):
        p = f"Claim.item[{i}]"
        if not (it.get("category") or {}).get("coding"):
            yield f"{p}.category", "required"
        if not _has_code(it.get("productOrService"), HCPCS):
            yield f"{p}.productOrService", "HCPCS code required"
        if not any(str(x.get("code")) == "11" for x in
                   (it.get("locationCodeableConcept") or {}).get("coding") or []):
            yield f"{p}.locationCodeableConcept", "place of service 11 required"
        if not (it.get("quantity") or {}).get("value"):
            yield f"{p}.quantity", "required"
        if not (it.get("servicedDate") or (it.get("servicedPeriod") or {}).get("start")):
            yield f"{p}.serviced[x]", "required"
        for ext in ("serviceItemRequestType", "certificationType"):
            if not (_ext(it, ext) or {}).get("valueCodeableConcept"):
                yield f"{p}.extension('{ext}')", "required"
        svc = _ext(it, "requestedService") or {}
        if q.res(svc.get("valueReference"), "MedicationRequest") is None:
            yield f"{p}.extension('requestedService')", "MedicationRequest required"


def _person(path: str, p: J) -> Iterator[Issue]:
    if not any(i.get("system") and i.get("value") for i in p.get("identifier") or []):
        yield f"{path}.identifier", "required"
    if not any(n.get("family") for n in p.get("name") or []):
        yield f"{path}.name", "required"
    if not p.get("gender"):
        yield f"{path}.gender", "required"
    if not DATE.match(str(p.get("birthDate", ""))) or len(str(p.get("birthDate"))) != 10:
        yield f"{path}.birthDate", "full date required"
    if not any(a.get("line") and a.get("postalCode") for a in p.get("address") or []):
        yield f"{path}.address", "required"


def _parties(q: _Request) -> Iterator[Issue]:
    patient = q.res(q.claim.get("patient"), "Patient")
    if patient is not None:
        yield from _person("Patient", patient)
    for name in ("provider", "insurer"):
        org = q.res(q.claim.get(name), "Organization")
        if org is None:
            continue
        path = "Organization(requestor)" if name == "provider" else "Organization(insurer)"
        if org.get("active") is not True:
            yield f"{path}.active", "must be true"
        if not org.get("name"):
            yield f"{path}.name", "required"
        ids = {i.get("system"): i.get("value") for i in org.get("identifier") or []}
        if name == "provider" and (not _npi_ok(ids.get(NPI)) or not ids.get(USEIN)):
            yield f"{path}.identifier", "NPI and TIN (USEIN) required"
    for i, pr in enumerate(r for r in q.urls.values() if r.get("resourceType") == "Practitioner"):
        npi = [x.get("value") for x in pr.get("identifier") or [] if x.get("system") == NPI]
        if not npi or not _npi_ok(npi[0]):
            yield f"Practitioner[{i}].identifier", "valid NPI required"
        if not any(n.get("family") for n in pr.get("name") or []):
            yield f"Practitioner[{i}].name", "family name required"
    for i, role in enumerate(r for r in q.urls.values()
                             if r.get("resourceType") == "PractitionerRole"):
        if q.res(role.get("practitioner"), "Practitioner") is None:
            yield f"PractitionerRole[{i}].practitioner", "required"


def _coverage(q: _Request) -> Iterator[Issue]:
    for i, c in enumerate(r for r in q.urls.values() if r.get("resourceType") == "Coverage"):
        p = f"Coverage[{i}]"
        if c.get("status") != "active":
            yield f"{p}.status", "must be active"
        if not any(_has_code(x.get("type"), "http://terminology.hl7.org/CodeSystem/v2-0203",
                             "MB") and x.get("value") for x in c.get("identifier") or []):
            yield f"{p}.identifier", "member id (type MB) required"
        if q.res(c.get("beneficiary"), "Patient") is None:
            yield f"{p}.beneficiary", "required"
        rel = c.get("relationship")
        if not (_has_code(rel, REL_FHIR) and _has_code(rel, REL_X12)):
            yield f"{p}.relationship", "FHIR and X12 relationship codes required"
        if not _has_code(rel, REL_X12, "18"):
            sub = q.res(c.get("subscriber"), "Patient")
            if sub is None:
                yield f"{p}.subscriber", "required unless the patient is the subscriber"
            else:
                yield from _person("Patient(subscriber)", sub)
        if not c.get("payor"):
            yield f"{p}.payor", "required"
        if not any(x.get("value") for x in c.get("class") or []):
            yield f"{p}.class", "group or plan required"


def _medication(q: _Request) -> Iterator[Issue]:
    for i, m in enumerate(r for r in q.urls.values()
                          if r.get("resourceType") == "MedicationRequest"):
        p = f"MedicationRequest[{i}]"
        if m.get("status") != "active" or m.get("intent") != "order":
            yield f"{p}.status", "status active and intent order required"
        for name in ("subject", "requester"):
            if q.res(m.get(name)) is None:
                yield f"{p}.{name}", "required"
        if not any(d.get("timing") for d in m.get("dosageInstruction") or []):
            yield f"{p}.dosageInstruction.timing", "required"
        if not ((m.get("dispenseRequest") or {}).get("quantity") or {}).get("value"):
            yield f"{p}.dispenseRequest.quantity", "required"
        coding = (m.get("medicationCodeableConcept") or {}).get("coding") or [{}]
        if coding[0].get("system") != RXNORM or not coding[0].get("code"):
            yield f"{p}.medicationCodeableConcept", "RxNorm primary coding required"


def pas_issues(bundle: J) -> list[Issue]:
    """Every required element the request lacks (empty: acceptable)."""
    q = _Request(bundle)
    return [*_bundle(q), *_claim(q), *_parties(q), *_coverage(q), *_medication(q)]
