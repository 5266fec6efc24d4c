"""FHIR R4 in and out for the sandbox payer (validated with fhir.resources.R4B models).

In: a PAS request Bundle (Claim first, use=preauthorization) or an inquiry Bundle.
Out: a PAS response Bundle (ClaimResponse first) for $submit; a Parameters with 0..* response
Bundles for $inquire; an OperationOutcome for errors.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.parameters import Parameters
from pydantic import ValidationError

PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition"
EXT_REVIEW_ACTION = f"{PAS}/extension-reviewAction"
EXT_REVIEW_ACTION_CODE = f"{PAS}/extension-reviewActionCode"
EXT_ITEM_PREAUTH_PERIOD = f"{PAS}/extension-itemPreAuthPeriod"
EXT_ITEM_AUTHORIZED_DETAIL = f"{PAS}/extension-itemAuthorizedDetail"
X12_REVIEW_ACTION = "https://codesystem.x12.org/005010/306"
X12_REVIEW_REASON = "https://codesystem.x12.org/005010/886"
ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication"
DISPLAY = {"A1": "Certified in total", "A2": "Certified - partial", "A3": "Not certified",
           "A4": "Pended", "A6": "Modified", "CT": "Contact payer"}


class BadRequest(Exception):
    """The request is not a PAS Bundle we can read (HTTP 400 with an OperationOutcome)."""

    def __init__(self, text: str, expression: str | None = None) -> None:
        super().__init__(text)
        self.expression = expression


def operation_outcome(text: str, code: str = "invalid", severity: str = "error",
                      expression: str | None = None) -> dict:
    issue: dict[str, Any] = {"severity": severity, "code": code, "diagnostics": text}
    if expression:
        issue["expression"] = [expression]
    doc = {"resourceType": "OperationOutcome", "issue": [issue]}
    return OperationOutcome.model_validate(doc).model_dump(mode="json", exclude_none=True)


def refusal(issues: list[tuple[str, str]]) -> dict:
    """One issue per missing or wrong element, each naming it by FHIRPath."""
    doc = {"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": "required", "expression": [expr],
         "diagnostics": f"{expr}: {text}"} for expr, text in issues]}
    return OperationOutcome.model_validate(doc).model_dump(mode="json", exclude_none=True)


def _first_ident(items: list[dict] | None, suffix: str = "") -> str | None:
    for ident in items or []:
        if str(ident.get("system", "")).endswith(suffix):
            return ident.get("value")
    return None


def _answer_value(ans: dict[str, Any]) -> Any:
    for key in ("valueBoolean", "valueInteger", "valueString", "valueDecimal", "valueDate"):
        if key in ans:
            return ans[key]
    if "valueCoding" in ans:
        return ans["valueCoding"].get("code")
    return None


def read_request(doc: dict[str, Any]) -> dict[str, Any]:
    """Validate a request Bundle and pull out the facts the rules look at."""
    if doc.get("resourceType") != "Bundle":
        raise BadRequest("expected a Bundle")
    try:
        Bundle.model_validate(doc)
    except ValidationError as exc:
        raise BadRequest(f"not a valid FHIR R4 Bundle ({exc.error_count()} problems)") from exc
    if doc.get("type") != "collection":
        raise BadRequest("PAS request Bundles are of type collection", "Bundle.type")
    entries = doc.get("entry") or []
    claim = entries[0].get("resource", {}) if entries else {}
    if claim.get("resourceType") != "Claim":
        raise BadRequest("the first entry must be the Claim", "Bundle.entry[0].resource")
    if claim.get("use") != "preauthorization":
        raise BadRequest("Claim.use must be preauthorization", "Claim.use")
    identifier = _first_ident(claim.get("identifier"))
    if not identifier:
        raise BadRequest("Claim.identifier is required", "Claim.identifier")
    by_url = {e.get("fullUrl"): e.get("resource", {}) for e in entries}
    insurer = by_url.get(claim.get("insurer", {}).get("reference"), {})
    coverage_ref = (claim.get("insurance") or [{}])[0].get("coverage", {}).get("reference")
    coverage = by_url.get(coverage_ref, {})
    answers: dict[str, Any] = {}
    for res in by_url.values():
        if res.get("resourceType") == "QuestionnaireResponse":
            for item in res.get("item") or []:
                values = [_answer_value(a) for a in item.get("answer") or []]
                answers[item["linkId"]] = values[0] if len(values) == 1 else values
    items = []
    for it in claim.get("item") or []:
        coding = (it.get("productOrService", {}).get("coding") or [{}])[0]
        period = it.get("servicedPeriod") or {}
        items.append({"sequence": it["sequence"], "hcpcs": coding.get("code"),
                      "units": (it.get("quantity") or {}).get("value"),
                      "start": period.get("start"), "end": period.get("end")})
    priority = ((claim.get("priority") or {}).get("coding") or [{}])[0].get("code")
    return {
        "identifier": identifier,
        "identifier_system": (claim.get("identifier") or [{}])[0].get("system"),
        "payer_id": _first_ident(insurer.get("identifier"), ":payer"),
        "member_id": coverage.get("subscriberId"),
        "priority": "stat" if priority == "stat" else "normal",
        "hcpcs": [i["hcpcs"] for i in items],
        "items": items,
        "answers": answers,
        "patient_ref": claim.get("patient", {}).get("reference"),
        "insurer_ref": claim.get("insurer", {}).get("reference"),
        "provider_ref": claim.get("provider", {}).get("reference"),
        "claim_type": claim.get("type"),
    }


def _period(rule: Any, item: dict[str, Any], today: date) -> dict[str, str]:
    start = date.fromisoformat(item["start"][:10]) if item.get("start") else today
    if rule.auth_days is not None:
        end = start + timedelta(days=rule.auth_days - 1)
    elif item.get("end"):
        end = date.fromisoformat(item["end"][:10])
    else:
        end = start + timedelta(days=179)
    if rule.reverse_period:
        start, end = end, start
    return {"start": start.isoformat(), "end": end.isoformat()}


def claim_response(facts: dict[str, Any], rule: Any, decision: str, auth_number: str | None,
                   now: datetime) -> dict[str, Any]:
    """A PAS ClaimResponse for ``decision`` in approve | deny | pend."""
    code = {"approve": "A1", "deny": "A3", "pend": "A4"}[decision]
    if rule.review_code and decision != "pend":
        code = rule.review_code
    items = []
    for it in facts["items"]:
        review: list[dict[str, Any]] = [{
            "url": EXT_REVIEW_ACTION_CODE,
            "valueCodeableConcept": {"coding": [{"system": X12_REVIEW_ACTION, "code": code,
                                                 "display": DISPLAY.get(code, code)}]},
        }]
        item_ext: list[dict[str, Any]] = []
        if decision == "approve":
            review.append({"url": "number", "valueString": auth_number})
            item_ext.append({"url": EXT_ITEM_PREAUTH_PERIOD,
                             "valuePeriod": _period(rule, it, now.date())})
            if rule.approved_units is not None or code in ("A2", "A6"):
                units = rule.approved_units if rule.approved_units is not None else it["units"]
                item_ext.append({"url": EXT_ITEM_AUTHORIZED_DETAIL, "extension": [
                    {"url": "quantity", "valueQuantity": {"value": units}}]})
        if decision == "deny":
            review.append({"url": "reasonCode", "valueCodeableConcept": {
                "coding": [{"system": X12_REVIEW_REASON, "code": rule.deny_reason_code}],
                "text": rule.deny_reason}})
        entry: dict[str, Any] = {
            "itemSequence": it["sequence"],
            "adjudication": [{
                "category": {"coding": [{"system": ADJUDICATION, "code": "submitted"}]},
                "extension": [{"url": EXT_REVIEW_ACTION, "extension": review}],
            }],
        }
        if item_ext:
            entry["extension"] = item_ext
        items.append(entry)
    cr: dict[str, Any] = {
        "resourceType": "ClaimResponse",
        "id": str(uuid4()),
        "identifier": [{"system": "urn:payer-sandbox:claimresponse", "value": facts["identifier"]}],
        "status": "active",
        "type": facts.get("claim_type") or {"coding": [{"code": "professional"}]},
        "use": "preauthorization",
        "patient": {"reference": facts["patient_ref"]},
        "created": now.isoformat(),
        "insurer": {"reference": facts["insurer_ref"]},
        "requestor": {"reference": facts["provider_ref"]},
        "request": {"identifier": {"system": facts.get("identifier_system"),
                                   "value": facts["identifier"]}},
        "outcome": "queued" if decision == "pend" else "complete",
        "item": items,
    }
    if decision == "approve":
        cr["preAuthRef"] = auth_number
        cr["disposition"] = "Certified"
    elif decision == "deny":
        cr["disposition"] = rule.deny_reason
    else:
        cr["disposition"] = "Pended for clinical review"
    return cr


def response_bundle(cr: dict[str, Any], now: datetime) -> dict[str, Any]:
    doc = {"resourceType": "Bundle", "id": str(uuid4()), "type": "collection",
           "timestamp": now.isoformat(),
           "entry": [{"fullUrl": f"urn:uuid:{cr['id']}", "resource": cr}]}
    return Bundle.model_validate(doc).model_dump(mode="json", exclude_none=True)


def inquiry_parameters(bundles: list[dict[str, Any]]) -> dict[str, Any]:
    doc = {"resourceType": "Parameters",
           "parameter": [{"name": "return", "resource": b} for b in bundles]}
    return Parameters.model_validate(doc).model_dump(mode="json", exclude_none=True)


def utcnow() -> datetime:
    return datetime.now(UTC)
