"""What a claim must carry before it can go out: valid diagnoses, a rendering NPI that passes
its check digit, a payer with a contract, service inside the authorization. Each finding is a
review reason (the claim waits for a person) or a warning (it goes out, flagged)."""

from __future__ import annotations

import re
from datetime import date

from reimbursement.domain.drug_coding import DrugLine, Review
from reimbursement.domain.fees import PayerContract
from reimbursement.domain.npi import valid_npi
from reimbursement.domain.visit import AuthorizationInfo, Visit

MAX_DIAGNOSES = 12  # HI segment
_ICD10 = re.compile(r"^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$")


def normalize_icd10(code: str) -> str | None:
    """'G43.709' -> 'G43709' (claims carry no decimal point); None when not ICD-10-CM shaped."""
    text = code.strip().upper().replace(".", "")
    return text if _ICD10.match(text) else None


def claim_diagnoses(visit: Visit, reviews: list[Review], warnings: list[str]) -> tuple[str, ...]:
    codes: list[str] = []
    for raw in visit.diagnoses:
        code = normalize_icd10(raw)
        if code is None:
            reviews.append(Review("invalid_diagnosis", f"not an ICD-10-CM code: {raw[:10]!r}"))
        elif code not in codes:
            codes.append(code)
    if not codes and not any(r.code == "invalid_diagnosis" for r in reviews):
        reviews.append(Review("missing_diagnosis", "the claim needs at least one diagnosis"))
    if len(codes) > MAX_DIAGNOSES:
        warnings.append(f"{len(codes)} diagnoses; only the first {MAX_DIAGNOSES} are sent")
    return tuple(codes[:MAX_DIAGNOSES])


def check_parties(visit: Visit, contract: PayerContract | None, reviews: list[Review]) -> None:
    if not visit.rendering_npi:
        reviews.append(Review("missing_npi", "no rendering provider NPI"))
    elif not valid_npi(visit.rendering_npi):
        reviews.append(Review("invalid_npi", "rendering provider NPI fails its check digit"))
    # the member id is not checked here: the 837P reads it from orders' payer identity and
    # holds the claim when the coverage has none (parties.py, "coverage.member_id")
    if not visit.payer_id:
        reviews.append(Review("no_payer", "no payer: self-pay is not billed by claim"))
    elif contract is None:
        reviews.append(Review("no_contract", f"no contract on file for payer {visit.payer_id}"))


def authorization_warnings(
    auth: AuthorizationInfo | None, lines: tuple[DrugLine, ...], day: date,
) -> list[str]:
    if auth is None:
        return []
    out = []
    if (auth.valid_from and day < auth.valid_from) or (auth.valid_to and day > auth.valid_to):
        out.append(f"service date {day} is outside authorization {auth.auth_number} dates")
    billed: dict[str, int] = {}
    for ln in lines:
        billed[ln.code] = billed.get(ln.code, 0) + ln.units
    for code, approved in auth.approved_units.items():
        if billed.get(code, 0) > approved:
            out.append(f"{code}: {billed[code]} units billed, {approved} authorized")
    return out
