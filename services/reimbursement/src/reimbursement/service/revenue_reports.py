"""Read side of the revenue-cycle reports: A/R by payer and age bucket, and the cycle's
rates (clean claims, first pass, denials by CARC, net collection, days in A/R, underpayments).
Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from chairside_shared.errors import InvalidInput
from reimbursement.adapters.claims_repo import ClaimFilter
from reimbursement.domain.money import ZERO
from reimbursement.domain.reports import accounts_receivable, claim_facts
from reimbursement.domain.revenue_reports import (
    AgingRow,
    CycleFacts,
    CycleReport,
    ar_by_payer,
    cycle_facts,
    revenue_cycle,
)
from reimbursement.service import underpayments
from reimbursement.service.uow import ReimbursementUnitOfWork


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date


def period(uow: ReimbursementUnitOfWork, start: date | None, end: date | None,
           now: datetime) -> Period:
    """The 90 days ending today (clinic time) unless given, as /v1/reports/ar."""
    end = end or now.astimezone(uow.config.clinic_tz).date()
    start = start or date.fromordinal(end.toordinal() - 89)
    if end < start:
        raise InvalidInput("to", "must not be before from")
    return Period(start, end)


async def aging_by_payer(*, uow: ReimbursementUnitOfWork, start: date | None,
                         end: date | None, now: datetime) -> tuple[Period, list[AgingRow]]:
    """Open receivables as of the period's end, per payer and age bucket."""
    p = period(uow, start, end, now)
    facts, _ = await _facts(uow, end=p.end)
    return p, ar_by_payer(facts, as_of=p.end)


async def cycle_report(*, uow: ReimbursementUnitOfWork, start: date | None, end: date | None,
                       now: datetime) -> tuple[Period, CycleReport]:
    p = period(uow, start, end, now)
    facts, claims = await _facts(uow, end=p.end)
    ar = accounts_receivable([claim_facts(c) for c in claims], start=p.start, end=p.end)
    under = await underpayments.variances(uow=uow, statuses={"underpaid"},
                                          service_from=p.start, service_to=p.end)
    shortfall = -sum((r.line.variance or ZERO for r in under), ZERO)
    return p, revenue_cycle(facts, start=p.start, end=p.end, ar=ar,
                            underpaid_lines=len(under), underpayment_total=shortfall)


async def _facts(uow: ReimbursementUnitOfWork, *, end: date) -> tuple[list[CycleFacts], list]:
    async with uow:
        claims = await uow.claims.search(ClaimFilter(service_to=end))
        links = await uow.cob.links([claim.id for claim in claims])
        payments = await uow.remittances.payments(claim_ids=[c.id for c in claims])
    # A secondary claim bills the patient's share again: its primary already counts it.
    secondaries = {r.secondary_claim_id for r in links}
    primaries = [c for c in claims if c.id not in secondaries]
    facts = [cycle_facts(c, contractual=sum((p.contractual for p in payments.get(c.id, [])
                                              if p.applied), ZERO)) for c in primaries]
    return facts, primaries
