"""What the authorization service does when an order is signed, cancelled or administered.

These run inside the consumer's unit of work (inbox row already written; the consumer commits),
so each is one transaction and deterministic in effect. Beyond the inbox, each is idempotent on
its own key too (order id; order id + line sequence), so an event re-sent under a new id has no
second effect. Events leave with the records that recorded them (case, order facts, unit
usage) when the consumer commits; nothing is emitted by hand.
"""

from __future__ import annotations

import logging
from datetime import datetime
from uuid import UUID

from ..domain.case import PACase
from ..domain.coverage import CoverageDecision, discover_coverage
from ..domain.intake import open_case, record_coverage
from ..domain.orders import AdministeredOrder, PayerRef, SignedOrder
from ..domain.usage import record_administration
from . import eligibility
from .figures import PA_CASES_OPENED, PA_COVERAGE, PA_USAGE_FLAGS
from .uow import AuthorizationUnitOfWork

log = logging.getLogger("authorization.orders")


async def order_signed(*, uow: AuthorizationUnitOfWork, order: SignedOrder,
                       now: datetime) -> CoverageDecision | None:
    if await uow.orders.get(order.order_id) is not None:
        return None  # decided already
    tz = uow.settings.tz
    book = await uow.payers.book()
    approvals = (await uow.cases.approvals(order.patient_id, order.payer.payer_id)
                 if order.payer else [])
    decision = discover_coverage(order, book, approvals, tz=tz, now=now)
    await uow.orders.add(record_coverage(decision, order))
    if decision.outcome == "pa_required":
        # a renewal's response answers are pre-filled from orders' outcome figures
        outcomes = await uow.outcomes.for_patient(order.patient_id)
        uow.cases.add(open_case(decision, order, book, now, tz, outcomes=outcomes))
    elif decision.outcome == "satisfied":
        await _attach_to_approvals(uow, order.order_id, decision, now)
    await eligibility.order_signed(uow=uow, order=order, now=now)  # 270 due; booking held
    PA_COVERAGE.labels(decision.outcome).inc()
    if decision.outcome == "pa_required":
        PA_CASES_OPENED.labels(decision.payer_id or "none").inc()
    log.info("order %s: coverage %s", order.order_id, decision.outcome)
    return decision


async def _attach_to_approvals(uow: AuthorizationUnitOfWork, order_id: UUID,
                               decision: CoverageDecision, now: datetime) -> None:
    """The order draws on approvals it is already covered by."""
    for case_id in dict.fromkeys(ln.satisfied_by.case_id for ln in decision.lines
                                 if ln.satisfied_by):
        case = await uow.cases.get(case_id, for_update=True)
        if case is not None and case.status == "approved":
            case.attach_order(order_id, "consumer:order.signed", now,
                              {ln.hcpcs: ln.requested_units for ln in decision.lines})


async def order_cancelled(*, uow: AuthorizationUnitOfWork, order_id: UUID, reason: str,
                          now: datetime) -> int:
    await uow.orders.set_status(order_id, "cancelled")
    await eligibility.order_cancelled(uow=uow, order_id=order_id, now=now)
    changed = 0
    for case in await uow.cases.by_order(order_id, for_update=True):
        changed += case.detach_order(order_id, "consumer:order.cancelled", reason, now)
    return changed


async def _cases_for(uow: AuthorizationUnitOfWork, order: AdministeredOrder,
                     payer: PayerRef) -> list[PACase]:
    """The order's own cases, then the patient's other cases with the same payer."""
    cases = {k.id: k for k in await uow.cases.by_order(order.order_id, for_update=True)}
    for k in await uow.cases.for_patient(order.patient_id, payer.payer_id, for_update=True):
        cases.setdefault(k.id, k)
    return list(cases.values())


async def order_administered(*, uow: AuthorizationUnitOfWork, order: AdministeredOrder,
                             now: datetime) -> list[str]:
    """Units drawn per administered line (once each); returns the finding codes raised."""
    facts = await uow.orders.get(order.order_id)
    payer = order.payer or (facts.payer_ref() if facts is not None else None)
    if payer is None:
        return []  # self-pay: no authorization to draw on
    book = await uow.payers.book()
    cases = await _cases_for(uow, order, payer)
    flagged: list[str] = []
    for adm in order.administrations:
        if await uow.usage.recorded(order.order_id, adm.line_sequence):
            continue
        usage = record_administration(adm, order_id=order.order_id, facts=facts, payer=payer,
                                      book=book, cases=cases, tz=uow.settings.tz, now=now)
        if usage is None:
            continue
        await uow.usage.add(usage)
        flagged += [f.code for f in usage.findings]
        for f in usage.findings:
            PA_USAGE_FLAGS.labels(f.code).inc()
    return flagged
