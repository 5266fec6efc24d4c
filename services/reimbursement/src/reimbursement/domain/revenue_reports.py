"""Revenue-cycle reports (issue 14 point 7): A/R by payer and age bucket, clean-claim rate,
first-pass acceptance, denials by CARC, net collection rate, and the flat rows the CSV and
JSON both come from (so they cannot carry different numbers).

Definitions, all over claims whose date of service is in the period (as the other reports):
- sent: at least one version went out (``claim_submissions``; before those, ``submitted_at``).
- clean: sent, and its history never went to needs_review, held, rejected or corrected:
  nobody had to touch it (review, a hold, a rejection fixed, a replacement claim).
- first pass: the first version was accepted by the 277CA (outcome accepted), or, where no
  acknowledgement came (a payer remitting without a 277CA), the payer adjudicated it without
  any rejection on the way.
- adjudicated: the history reached paid, partially_paid, paid_zero or denied (a claim denied
  and then appealed is still a denial); denied: it was ever denied. Its CARC is the first
  ``GROUP-CARC`` label of the 835's reason on the latest move to denied.
- net collection rate: payer payments / (charges - contractual adjustments) of adjudicated
  claims (patient collections are not recorded by Chairside, so they are not counted).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from uuid import UUID

from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.money import ZERO, cents
from reimbursement.domain.reports import AGING_BUCKETS, OPEN, ArReport

TOUCHED = frozenset({"needs_review", "held", "rejected", "corrected"})
ADJUDICATED = frozenset({"paid", "partially_paid", "paid_zero", "denied"})


@dataclass(frozen=True, slots=True)
class CycleFacts:
    claim_id: UUID
    payer_id: str
    service_date: date
    status: str
    total_charge: Decimal
    outstanding: Decimal  # expected payment not yet paid nor the patient's (>= 0)
    paid: Decimal  # payer payments (reversals net out)
    contractual: Decimal  # CO adjustments of the applied payments
    submitted_on: date | None
    sent: bool
    clean: bool
    first_pass: bool
    adjudicated: bool
    denial_carc: str | None  # set when the claim was ever denied ("" when no CARC was named)


def cycle_facts(claim: Claim, *, contractual: Decimal) -> CycleFacts:
    c = claim.coding
    first = claim.submissions[0] if claim.submissions else None
    sent = first is not None or claim.submitted_at is not None
    reached = {t.to_status for t in claim.history} | {claim.status}
    rejected = "rejected" in reached or any(s.outcome == "rejected" for s in claim.submissions)
    adjudicated = bool(reached & ADJUDICATED)
    denials = [t for t in claim.history if t.to_status == "denied"]
    carc: str | None = None
    if denials or claim.status == "denied":
        reason = denials[-1].reason if denials else "; ".join(claim.denial_reasons)
        carc = carc_of(reason or "")
    first_pass = sent and (
        (first is not None and first.outcome == "accepted")
        or (not rejected and adjudicated and (first is None or first.outcome == "pending")))
    submitted = first.submitted_at if first is not None else claim.submitted_at
    owed = (c.expected_payment or ZERO) - claim.paid_amount - claim.patient_responsibility
    return CycleFacts(
        claim_id=claim.id, payer_id=c.payer_id or "self-pay", service_date=c.service_date,
        status=claim.status, total_charge=c.total_charge, outstanding=max(owed, ZERO),
        paid=claim.paid_amount, contractual=contractual,
        submitted_on=submitted.date() if submitted else None, sent=sent,
        clean=sent and not (reached & TOUCHED), first_pass=first_pass,
        adjudicated=adjudicated, denial_carc=carc)


def carc_of(reason: str) -> str:
    """``CO-50 not medically necessary; PR-1`` -> ``50``; no label -> ""."""
    head = reason.strip().split(" ", 1)[0].split(";", 1)[0]
    group, _, code = head.partition("-")
    return code if group.isalpha() and code else ""


@dataclass(frozen=True, slots=True)
class AgingRow:
    payer_id: str
    bucket: str
    claims: int
    outstanding: Decimal


def bucket_label(low: int, high: int | None) -> str:
    return f"{low}-{high}" if high is not None else f"{low - 1}+"


def ar_by_payer(facts: Iterable[CycleFacts], *, as_of: date) -> list[AgingRow]:
    """Open claims (sent, still owed) per payer and age bucket (days since first sent, else
    since the date of service); every bucket listed for every payer with open claims."""
    open_ = [f for f in facts if f.status in OPEN and f.service_date <= as_of]
    rows = []
    for payer in sorted({f.payer_id for f in open_}):
        mine = [f for f in open_ if f.payer_id == payer]
        for low, high in AGING_BUCKETS:
            hit = [f for f in mine if _age_in(as_of, f, low, high)]
            rows.append(AgingRow(payer, bucket_label(low, high), len(hit),
                                 cents(sum((f.outstanding for f in hit), ZERO))))
    return rows


def _age_in(as_of: date, f: CycleFacts, low: int, high: int | None) -> bool:
    age = max((as_of - (f.submitted_on or f.service_date)).days, 0)
    return age >= low and (high is None or age <= high)


@dataclass(frozen=True, slots=True)
class CarcRow:
    carc: str
    claims: int
    denied_amount: Decimal  # the denied claims' charges
    rate: Decimal | None  # claims / adjudicated


@dataclass(frozen=True, slots=True)
class CycleReport:
    claims_sent: int
    clean_claims: int
    clean_claim_rate: Decimal | None
    first_pass_accepted: int
    first_pass_rate: Decimal | None
    adjudicated: int
    denied: int
    denial_rate: Decimal | None
    denied_amount: Decimal
    denials_by_carc: tuple[CarcRow, ...]
    charges: Decimal
    contractual: Decimal
    payments: Decimal
    net_collection_rate: Decimal | None
    outstanding: Decimal
    days_in_ar: Decimal | None
    underpaid_lines: int
    underpayment_total: Decimal


def revenue_cycle(facts: Sequence[CycleFacts], *, start: date, end: date, ar: ArReport,
                  underpaid_lines: int, underpayment_total: Decimal) -> CycleReport:
    period = [f for f in facts if start <= f.service_date <= end]
    sent = [f for f in period if f.sent]
    adjudicated = [f for f in period if f.adjudicated]
    denied = [f for f in adjudicated if f.denial_carc is not None]
    carcs = sorted({f.denial_carc or "" for f in denied})
    by_carc = tuple(
        CarcRow(code, len(hit), cents(sum((f.total_charge for f in hit), ZERO)),
                _rate(len(hit), len(adjudicated)))
        for code in carcs for hit in [[f for f in denied if (f.denial_carc or "") == code]])
    charges = sum((f.total_charge for f in adjudicated), ZERO)
    contractual = sum((f.contractual for f in adjudicated), ZERO)
    payments = sum((f.paid for f in adjudicated), ZERO)
    clean = sum(1 for f in sent if f.clean)
    first = sum(1 for f in sent if f.first_pass)
    return CycleReport(
        claims_sent=len(sent), clean_claims=clean, clean_claim_rate=_rate(clean, len(sent)),
        first_pass_accepted=first, first_pass_rate=_rate(first, len(sent)),
        adjudicated=len(adjudicated), denied=len(denied),
        denial_rate=_rate(len(denied), len(adjudicated)),
        denied_amount=cents(sum((f.total_charge for f in denied), ZERO)),
        denials_by_carc=by_carc, charges=cents(charges), contractual=cents(contractual),
        payments=cents(payments), net_collection_rate=_rate(payments, charges - contractual)
        if charges - contractual > 0 else None,
        outstanding=ar.outstanding, days_in_ar=ar.days_in_ar,
        underpaid_lines=underpaid_lines, underpayment_total=cents(underpayment_total))


def _rate(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def cycle_rows(r: CycleReport) -> list[tuple[str, str]]:
    """The report as (metric, value) pairs: the CSV's rows; JSON carries the same fields."""
    rows = [(f.name, _text(getattr(r, f.name))) for f in fields(CycleReport)
            if f.name != "denials_by_carc"]
    for row in r.denials_by_carc:
        key = row.carc or "none"
        rows += [(f"denials_by_carc.{key}.claims", str(row.claims)),
                 (f"denials_by_carc.{key}.denied_amount", str(row.denied_amount)),
                 (f"denials_by_carc.{key}.rate", _text(row.rate))]
    return rows
