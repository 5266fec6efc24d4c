"""The PAS 2.2.1 request checklist (payer-exchange.md section 7), one rule per item.

Plain code over the Bundle's JSON: ``check(bundle)`` returns an ``Issue`` per broken rule, with
the FHIRPath of the element. The connector refuses to send a Bundle with issues, and the tests
run every rule against every Bundle shape the builder can make (and each rule against a Bundle
missing its element). Rules for the Bundle and the Claim are here; for the other resources in
pas_conformance_parties.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import pas_conformance_parties  # noqa: F401 - registers the party rules
from .pas_parties import NUCC
from .pas_rules import FULL_DATE, RULES, Doc, Issue, Json, codes, ext, rule

HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
POS_SUFFIX = "Place_of_Service_Code_Set"
X12_SERVICE_TYPE = "https://codesystem.x12.org/005010/1365"
X12_REQUEST_TYPE = "https://codesystem.x12.org/005010/1525"
X12_CERTIFICATION_TYPE = "https://codesystem.x12.org/005010/1322"

__all__ = ["RULES", "Issue", "check"]


# ------------------------------------------------------------------ Bundle
@rule("bundle.type")
def _b_type(d: Doc) -> Iterator[tuple[str, str]]:
    if d.bundle.get("type") != "collection":
        yield "Bundle.type", "must be collection"


@rule("bundle.identifier")
def _b_identifier(d: Doc) -> Iterator[tuple[str, str]]:
    ident = d.bundle.get("identifier") or {}
    if not (ident.get("system") and ident.get("value")):
        yield "Bundle.identifier", "is required (1..1, with system and value)"


@rule("bundle.timestamp")
def _b_timestamp(d: Doc) -> Iterator[tuple[str, str]]:
    if not d.bundle.get("timestamp"):
        yield "Bundle.timestamp", "is required (1..1)"


@rule("bundle.claim-first")
def _b_claim_first(d: Doc) -> Iterator[tuple[str, str]]:
    if d.claim.get("resourceType") != "Claim":
        yield "Bundle.entry[0].resource", "the first entry must be the Claim"


@rule("bundle.fullurl")
def _b_fullurl(d: Doc) -> Iterator[tuple[str, str]]:
    urls = [e.get("fullUrl") for e in d.entries]
    for i, url in enumerate(urls):
        if not isinstance(url, str) or not url.startswith("urn:uuid:"):
            yield f"Bundle.entry[{i}].fullUrl", "is required and must be a urn:uuid"
        elif urls.count(url) > 1:
            yield f"Bundle.entry[{i}].fullUrl", f"{url} is not unique"
        if d.entries[i].get("request") or d.entries[i].get("response"):
            yield f"Bundle.entry[{i}]", "entry.request and entry.response are not allowed"


def _references(node: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            yield path, node["reference"]
        for k, v in node.items():
            yield from _references(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _references(v, f"{path}[{i}]")


@rule("bundle.references")
def _b_references(d: Doc) -> Iterator[tuple[str, str]]:
    """Every reference resolves inside the Bundle and every resource is referenced."""
    referenced: set[str] = set()
    for i, e in enumerate(d.entries):
        res = e.get("resource") or {}
        for path, target in _references(res, f"Bundle.entry[{i}].resource"):
            referenced.add(target)
            if target not in d.by_url:
                yield path, f"{target} is not in the Bundle"
    for i, e in enumerate(d.entries[1:], start=1):
        if e.get("fullUrl") not in referenced:
            yield f"Bundle.entry[{i}]", "is not referenced by the request"
    keys = [(r.get("resourceType"), r.get("id")) for r in d.by_url.values()]
    for k in {k for k in keys if keys.count(k) > 1}:
        yield "Bundle.entry", f"{k[0]}/{k[1]} appears more than once"


# ------------------------------------------------------------------ Claim
@rule("claim.status")
def _c_status(d: Doc) -> Iterator[tuple[str, str]]:
    if d.claim.get("status") != "active":
        yield "Claim.status", "must be active"


@rule("claim.use")
def _c_use(d: Doc) -> Iterator[tuple[str, str]]:
    if d.claim.get("use") != "preauthorization":
        yield "Claim.use", "must be preauthorization"


@rule("claim.identifier")
def _c_identifier(d: Doc) -> Iterator[tuple[str, str]]:
    idents = d.claim.get("identifier") or []
    if not 1 <= len(idents) <= 2 or not all(i.get("system") and i.get("value") for i in idents):
        yield "Claim.identifier", "1..2 identifiers with system and value are required"


@rule("claim.patient")
def _c_patient(d: Doc) -> Iterator[tuple[str, str]]:
    if d.get(d.claim.get("patient"), "Patient") is None:
        yield "Claim.patient", "must reference the Patient in the Bundle"


@rule("claim.insurer")
def _c_insurer(d: Doc) -> Iterator[tuple[str, str]]:
    if d.get(d.claim.get("insurer"), "Organization") is None:
        yield "Claim.insurer", "must reference the insurer Organization (1..1)"


@rule("claim.provider")
def _c_provider(d: Doc) -> Iterator[tuple[str, str]]:
    if d.get(d.claim.get("provider"), "Organization", "PractitionerRole") is None:
        yield "Claim.provider", "must reference the requestor Organization or PractitionerRole"


@rule("claim.careteam")
def _c_care_team(d: Doc) -> Iterator[tuple[str, str]]:
    team = d.claim.get("careTeam") or []
    if not team:
        yield "Claim.careTeam", "the ordering practitioner is required"
    for i, m in enumerate(team):
        path = f"Claim.careTeam[{i}]"
        if d.get(m.get("provider"), "PractitionerRole", "Organization") is None:
            yield f"{path}.provider", "must reference a PractitionerRole or Organization"
        if not (m.get("role") or {}).get("coding"):
            yield f"{path}.role", "is required"
        if not codes(m.get("qualification"), NUCC):
            yield f"{path}.qualification", "a NUCC provider taxonomy code is required"
        scope = ext(m, "extension-careTeamClaimScope")
        if scope is None or not isinstance(scope.get("valueBoolean"), bool):
            yield f"{path}.extension('careTeamClaimScope')", "is required"


@rule("claim.diagnosis")
def _c_diagnosis(d: Doc) -> Iterator[tuple[str, str]]:
    dx = d.claim.get("diagnosis") or []
    if not dx:
        yield "Claim.diagnosis", "an ICD-10-CM diagnosis is required"
    for i, x in enumerate(dx):
        if not codes(x.get("diagnosisCodeableConcept"), ICD10CM):
            yield f"Claim.diagnosis[{i}].diagnosisCodeableConcept", "must be ICD-10-CM"


@rule("claim.insurance")
def _c_insurance(d: Doc) -> Iterator[tuple[str, str]]:
    ins = d.claim.get("insurance") or []
    focal = [x for x in ins if x.get("focal") is True]
    if not focal:
        yield "Claim.insurance.focal", "one insurance must be focal"
    elif d.get(focal[0].get("coverage"), "Coverage") is None:
        yield "Claim.insurance.coverage", "must reference the Coverage in the Bundle"


@rule("claim.item")
def _c_item(d: Doc) -> Iterator[tuple[str, str]]:
    if not d.claim.get("item"):
        yield "Claim.item", "at least one item is required"


def _items(d: Doc) -> Iterator[tuple[str, Json]]:
    for i, item in enumerate(d.claim.get("item") or []):
        yield f"Claim.item[{i}]", item


@rule("item.category")
def _i_category(d: Doc) -> Iterator[tuple[str, str]]:
    for path, item in _items(d):
        if not codes(item.get("category"), X12_SERVICE_TYPE):
            yield f"{path}.category", "an X12 1365 service type is required"


@rule("item.productorservice")
def _i_product(d: Doc) -> Iterator[tuple[str, str]]:
    for path, item in _items(d):
        if not codes(item.get("productOrService"), HCPCS):
            yield f"{path}.productOrService", f"a HCPCS code ({HCPCS}) is required"


@rule("item.location")
def _i_location(d: Doc) -> Iterator[tuple[str, str]]:
    for path, item in _items(d):
        loc = [c for c in (item.get("locationCodeableConcept") or {}).get("coding") or []
               if str(c.get("system", "")).endswith(POS_SUFFIX)]
        if not loc or loc[0].get("code") != "11":
            yield f"{path}.locationCodeableConcept", "CMS place of service 11 is required"


@rule("item.quantity")
def _i_quantity(d: Doc) -> Iterator[tuple[str, str]]:
    for path, item in _items(d):
        value = (item.get("quantity") or {}).get("value")
        if not isinstance(value, int | float) or value <= 0:
            yield f"{path}.quantity.value", "a positive quantity is required"


@rule("item.serviced")
def _i_serviced(d: Doc) -> Iterator[tuple[str, str]]:
    for path, item in _items(d):
        period: Any = item.get("servicedPeriod") or {}
        day = item.get("servicedDate")
        if not (day and FULL_DATE.match(day)) and not (
                FULL_DATE.match(str(period.get("start", ""))[:10]) and period.get("end")):
            yield f"{path}.serviced[x]", "a service date or period is required"


@rule("item.requesttype")
def _i_request_type(d: Doc) -> Iterator[tuple[str, str]]:
    for path, item in _items(d):
        e = ext(item, "extension-serviceItemRequestType")
        if e is None or not codes(e.get("valueCodeableConcept"), X12_REQUEST_TYPE):
            yield f"{path}.extension('requestType')", "an X12 1525 request type is required"


@rule("item.certificationtype")
def _i_certification(d: Doc) -> Iterator[tuple[str, str]]:
    for path, item in _items(d):
        e = ext(item, "extension-certificationType")
        if e is None or not codes(e.get("valueCodeableConcept"), X12_CERTIFICATION_TYPE):
            yield (f"{path}.extension('certificationType')",
                   "an X12 1322 certification type is required")


@rule("item.requestedservice")
def _i_requested(d: Doc) -> Iterator[tuple[str, str]]:
    for path, item in _items(d):
        e = ext(item, "extension-requestedService")
        if e is None or d.get(e.get("valueReference"), "MedicationRequest") is None:
            yield (f"{path}.extension('requestedService')",
                   "must reference the MedicationRequest in the Bundle")


def check(bundle: Json) -> list[Issue]:
    """Every broken rule of the checklist (empty: conformant)."""
    doc = Doc(bundle)
    return [Issue(rule_id, expression, message)
            for rule_id, fn in RULES.items() for expression, message in fn(doc)]
