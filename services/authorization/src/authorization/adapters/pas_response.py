"""Reading a payer's PAS answer (FHIR R4, validated with fhir.resources.R4B) into a decision.

Where the answer lives (PAS IG input/fsh/ClaimResponse.fsh, current build): each
``ClaimResponse.item.adjudication`` carries the ``reviewAction`` extension, whose sub-extensions
are ``code`` (the ``reviewActionCode`` extension, X12 306 / HCR01), ``number`` (the
authorization number) and ``reasonCode``. Item-level ``itemPreAuthPeriod`` and
``itemAuthorizedDetail`` (quantity) give dates and units; ``preAuthPeriod`` and ``preAuthRef``
on the ClaimResponse are the fallbacks.

Mapping (domain doc A1): A1 certified in total -> approved with the requested units;
A2 partial / A6 modified -> approved with the authorized quantity (required); A3 -> denied;
A4 pended and CT contact-payer -> pended. NA and C, and anything else, are refused as a payer
error rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.claimresponse import ClaimResponse
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.parameters import Parameters
from pydantic import ValidationError

from ..domain import codes
from ..domain.case import PACase
from ..domain.case_parts import PayerDecision
from ..domain.errors import PayerResponseInvalid

PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition"
EXT_REVIEW_ACTION = f"{PAS}/extension-reviewAction"
EXT_REVIEW_ACTION_CODE = f"{PAS}/extension-reviewActionCode"
EXT_ITEM_PREAUTH_PERIOD = f"{PAS}/extension-itemPreAuthPeriod"
EXT_ITEM_AUTHORIZED_DETAIL = f"{PAS}/extension-itemAuthorizedDetail"
X12_REVIEW_ACTION = "https://codesystem.x12.org/005010/306"

APPROVING = {codes.REVIEW_APPROVED, codes.REVIEW_PARTIAL, codes.REVIEW_MODIFIED}
PENDING = {codes.REVIEW_PENDED, codes.REVIEW_CONTACT_PAYER}


# One review: (code, number, reason code, reason text).
Review = tuple[str | None, str | None, str | None, str | None]


def _ext(exts: Sequence[Any] | None, url: str) -> Any:
    """The extension with ``url`` (fhir.resources types elements only as abstract markers)."""
    return next((e for e in exts or [] if e.url == url), None)


def _date(value: Any) -> date | None:
    if value is None:
        return None
    return date.fromisoformat(str(value)[:10])


def operation_outcome_text(doc: dict[str, Any]) -> str:
    try:
        oo = OperationOutcome.model_validate(doc)
    except ValidationError:
        return "unreadable OperationOutcome"
    parts = [i.diagnostics or (i.details.text if i.details else None) or i.code
             for i in oo.issue or []]
    return "; ".join(p for p in parts if p) or "OperationOutcome without details"


def claim_responses(doc: dict[str, Any]) -> list[ClaimResponse]:
    """ClaimResponses in a $submit Bundle or an $inquire Parameters (0..* Bundles)."""
    try:
        if doc.get("resourceType") == "Parameters":
            params = Parameters.model_validate(doc)
            bundles = [p.resource for p in params.parameter or [] if p.resource is not None]
        elif doc.get("resourceType") == "Bundle":
            bundles = [Bundle.model_validate(doc)]
        else:
            raise PayerResponseInvalid([f"unexpected resource {doc.get('resourceType')!r}"])
    except ValidationError as exc:
        raise PayerResponseInvalid([f"not valid FHIR R4: {exc.error_count()} problems"]) from exc
    found: list[ClaimResponse] = []
    for b in bundles:
        if not isinstance(b, Bundle):
            raise PayerResponseInvalid(["an $inquire result that is not a Bundle"])
        found += [e.resource for e in b.entry or [] if isinstance(e.resource, ClaimResponse)]
    return found


def _review(item: Any) -> Review:
    """(code, number, reason code, reason text) of one response item."""
    for adj in item.adjudication or []:
        ra = _ext(adj.extension, EXT_REVIEW_ACTION)
        if ra is None:
            continue
        code_ext = _ext(ra.extension, EXT_REVIEW_ACTION_CODE) or _ext(ra.extension, "code")
        code = None
        if code_ext is not None and code_ext.valueCodeableConcept is not None:
            codings = code_ext.valueCodeableConcept.coding or []
            code = next((c.code for c in codings if c.system == X12_REVIEW_ACTION),
                        codings[0].code if codings else None)
        number = _ext(ra.extension, "number")
        reason = _ext(ra.extension, "reasonCode")
        r_code = r_text = None
        if reason is not None and reason.valueCodeableConcept is not None:
            cc = reason.valueCodeableConcept
            first = (cc.coding or [None])[0]
            r_code = first.code if first else None
            r_text = cc.text or (first.display if first else None)
        return code, number.valueString if number else None, r_code, r_text
    return None, None, None, None


def _authorized_units(item: Any) -> Decimal | None:
    detail = _ext(item.extension, EXT_ITEM_AUTHORIZED_DETAIL)
    qty = _ext(detail.extension if detail else None, "quantity")
    if qty is None or qty.valueQuantity is None:
        return None
    value: Decimal | None = qty.valueQuantity.value
    return value


def _period(item: Any, cr: ClaimResponse) -> tuple[date | None, date | None]:
    ext = _ext(item.extension, EXT_ITEM_PREAUTH_PERIOD)
    p = ext.valuePeriod if ext is not None else cr.preAuthPeriod
    if p is None:
        return None, None
    return _date(p.start), _date(p.end)


def _latest(days: list[date | None]) -> date | None:
    """The latest day, when every item gave one."""
    known = [d for d in days if d is not None]
    return max(known) if known and len(known) == len(days) else None


def _earliest(days: list[date | None]) -> date | None:
    """The earliest day, when every item gave one."""
    known = [d for d in days if d is not None]
    return min(known) if known and len(known) == len(days) else None


@dataclass
class _Items:
    """What the response items said, per requested HCPCS code."""

    reviews: dict[str, Review] = field(default_factory=dict)
    units: dict[str, int] = field(default_factory=dict)
    starts: list[date | None] = field(default_factory=list)
    ends: list[date | None] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _check_request(cr: ClaimResponse, case: PACase) -> None:
    problems: list[str] = []
    if cr.use != "preauthorization":
        problems.append(f"ClaimResponse.use is {cr.use!r}")
    req = cr.request.identifier if cr.request else None
    if req is not None and req.value and req.value != case.request_identifier:
        problems.append("ClaimResponse answers another request")
    if problems:
        raise PayerResponseInvalid(problems)


def _read_items(cr: ClaimResponse, case: PACase) -> _Items:
    by_seq = dict(enumerate(case.lines, start=1))
    out = _Items()
    for item in cr.item or []:
        line = by_seq.get(item.itemSequence) if item.itemSequence is not None else None
        if line is None:
            out.problems.append(f"response item {item.itemSequence} matches no requested item")
            continue
        review = _review(item)
        code = review[0]
        out.reviews[line.hcpcs] = review
        qty = _authorized_units(item)
        if code in APPROVING:
            if qty is None and code != codes.REVIEW_APPROVED:
                out.problems.append(f"{code} for {line.hcpcs} without an authorized quantity")
            value = qty if qty is not None else Decimal(line.requested_units or 0)
            if value != value.to_integral_value():
                out.problems.append(f"fractional approved units for {line.hcpcs}: {value}")
            out.units[line.hcpcs] = int(value)
            start, end = _period(item, cr)
            out.starts.append(start)
            out.ends.append(end)
        elif code == codes.REVIEW_DENIED:
            out.units[line.hcpcs] = 0
    if not out.reviews:
        out.problems.append("no reviewAction in the ClaimResponse")
    unknown = sorted({r[0] or "none" for r in out.reviews.values()}
                     - APPROVING - PENDING - {codes.REVIEW_DENIED})
    if unknown:
        out.problems.append(f"unsupported review action code(s) {unknown}")
    return out


def read_decision(cr: ClaimResponse, case: PACase) -> PayerDecision:
    """One ClaimResponse -> a PayerDecision for ``case``; PayerResponseInvalid when unusable."""
    _check_request(cr, case)
    items = _read_items(cr, case)
    if items.problems:
        raise PayerResponseInvalid(items.problems)
    found = {r[0] for r in items.reviews.values() if r[0] is not None}
    if found & PENDING:
        return PayerDecision(kind="pended", review_code=sorted(found & PENDING)[0])
    if found & APPROVING:
        number = next((r[1] for r in items.reviews.values() if r[0] in APPROVING and r[1]), None)
        # Several items, several periods: the approval holds only where all of them do.
        return PayerDecision(kind="approved", review_code=sorted(found & APPROVING)[0],
                             auth_number=number or (cr.preAuthRef or None),
                             approved_units=items.units, valid_from=_latest(items.starts),
                             valid_to=_earliest(items.ends))
    code, _, r_code, r_text = next(iter(items.reviews.values()))
    reason = "; ".join(p for p in (r_text, cr.disposition) if p) or None
    return PayerDecision(kind="denied", review_code=code, reason_code=r_code, reason=reason)
