"""What the authorization service does when an order is signed, cancelled or administered.

These run inside the consumer's unit of work (inbox row already written; the consumer commits),
so each is one transaction and deterministic in effect. Beyond the inbox, each is idempotent on
its own key too (order id; order id + line sequence), so an event re-sent under a new id has no
second effect.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from chairside_shared import contracts as c

from ..domain.coverage import CoverageDecision, discover_coverage
from ..domain.intake import decision_events, open_case
from ..domain.policy import PolicyBook
from ..domain.units import UnitConversionError
from ..domain.usage import administered_units, pick_case, use_units
from .figures import PA_CASES_OPENED, PA_COVERAGE, PA_USAGE_FLAGS
from .uow import AuthorizationUnitOfWork

log = logging.getLogger("authorization.orders")


def _decision_rows(decision: CoverageDecision) -> list[dict[str, Any]]:
    return [{"hcpcs": ln.hcpcs, "pa": ln.pa, "coverage": ln.coverage,
             "reasons": list(ln.reasons), "requested_units": ln.requested_units,
             "sequences": list(ln.sequences),
             "satisfied_by": str(ln.satisfied_by.case_id) if ln.satisfied_by else None}
            for ln in decision.lines]


async def order_signed(uow: AuthorizationUnitOfWork, order: c.OrderSigned, *, now: datetime,
                       tz: ZoneInfo) -> CoverageDecision | None:
    if await uow.orders.get(order.order_id) is not None:
        return None  # decided already
    book = await uow.payers.book()
    approvals = (await uow.cases.approvals(order.patient_id, order.payer.payer_id)
                 if order.payer else [])
    decision = discover_coverage(order, book, approvals, tz=tz, now=now)
    await uow.orders.add(
        order_id=order.order_id, practice_id=order.practice_id, patient_id=order.patient_id,
        payer_id=decision.payer_id, plan_id=decision.plan_id, outcome=decision.outcome,
        policy_version=decision.policy_version,
        lines=[ln.model_dump(mode="json") for ln in order.lines],
        decision=_decision_rows(decision), status="signed", decided_at=now)
    for event_type, payload in decision_events(decision):
        await uow.emit_payload(event_type, payload)
    if decision.outcome == "pa_required":
        uow.cases.add(open_case(decision, order, book, now, tz))
    elif decision.outcome == "satisfied":
        for case_id in dict.fromkeys(ln.satisfied_by.case_id for ln in decision.lines
                                     if ln.satisfied_by):
            case = await uow.cases.get(case_id, for_update=True)
            if case is not None and case.status == "approved":
                case.attach_order(order.order_id, "consumer:order.signed", now)
    PA_COVERAGE.labels(decision.outcome).inc()
    if decision.outcome == "pa_required":
        PA_CASES_OPENED.labels(decision.payer_id or "none").inc()
    log.info("order %s: coverage %s", order.order_id, decision.outcome)
    return decision


async def order_cancelled(uow: AuthorizationUnitOfWork, event: c.OrderCancelled, *,
                          now: datetime) -> int:
    await uow.orders.set_status(event.order_id, "cancelled")
    changed = 0
    for case in await uow.cases.by_order(event.order_id, for_update=True):
        changed += case.detach_order(event.order_id, "consumer:order.cancelled", event.reason,
                                     now)
    return changed


def _needs_auth(hcpcs: str, decision: dict[str, dict], book: PolicyBook | None,
                payer: c.PayerRef) -> bool:
    if hcpcs in decision:
        d = decision[hcpcs]
        return d["pa"] != "no-auth" and d["coverage"] != "not-covered"
    payer_doc = book.payer(payer.payer_id) if book else None
    if payer_doc is None:
        return False
    policy = book.policies(payer.payer_id).lookup(payer.plan_id, hcpcs)
    return policy is not None and policy.pa in ("auth-needed", "conditional")


async def order_administered(uow: AuthorizationUnitOfWork, event: c.OrderAdministered, *,
                             now: datetime, tz: ZoneInfo) -> list[str]:
    facts = await uow.orders.get(event.order_id)
    payer = event.payer or (c.PayerRef(payer_id=facts.payer_id, member_id="", plan_id=facts.plan_id)
                            if facts is not None and facts.payer_id else None)
    if payer is None:
        return []  # self-pay: no authorization to draw on
    lines = {ln["sequence"]: ln for ln in (facts.lines if facts is not None else [])}
    decision = {d["hcpcs"]: d for d in (facts.decision if facts is not None else [])}
    book = await uow.payers.book()
    cases = {k.id: k for k in await uow.cases.by_order(event.order_id, for_update=True)}
    patient_id = event.patient_id
    for k in await uow.cases.for_patient(patient_id, payer.payer_id, for_update=True):
        cases.setdefault(k.id, k)
    flagged: list[str] = []
    for adm in event.administrations:
        if await uow.usage.recorded(event.order_id, adm.line_sequence):
            continue
        line = lines.get(adm.line_sequence, {})
        hcpcs = (adm.hcpcs or line.get("hcpcs") or "").upper()
        if not hcpcs:
            continue
        mine = [k for k in cases.values() if k.line(hcpcs) is not None]
        if not mine and not _needs_auth(hcpcs, decision, book, payer):
            continue
        policy = book.policies(payer.payer_id).lookup(payer.plan_id, hcpcs)
        descriptor = line.get("hcpcs_unit") or (policy.billing_unit if policy else None)
        day = adm.started_at.astimezone(tz).date()
        case = pick_case(mine, event.order_id, hcpcs, day)
        try:
            if descriptor is None:
                raise UnitConversionError("no HCPCS unit descriptor")
            units = administered_units(adm, descriptor)
        except UnitConversionError as exc:
            # Nothing is guessed: the usage is recorded as unknown and shown on the case.
            await uow.usage.add(order_id=event.order_id, line_sequence=adm.line_sequence,
                                hcpcs=hcpcs, case_id=case.id if case else None, units=0,
                                day=day, findings=[f"units_unknown: {exc}"], now=now)
            if case is not None:
                case.log(now, "consumer:order.administered", "units_unknown",
                         order_id=str(event.order_id), line_sequence=adm.line_sequence,
                         hcpcs=hcpcs, error=str(exc))
            continue
        findings = use_units(case, order_id=event.order_id, line_sequence=adm.line_sequence,
                             hcpcs=hcpcs, units=units, day=day, now=now)
        if case is None or case.status != "approved":
            # use_units records flags on approved cases only; these go out from here.
            for f in findings:
                await uow.emit_payload("authorization.usage_flagged", c.AuthorizationUsageFlagged(
                    case_id=case.id if case else None, order_id=event.order_id, code=f.code,
                    hcpcs=f.hcpcs, detail=f.detail, occurred_at=now))
        await uow.usage.add(order_id=event.order_id, line_sequence=adm.line_sequence,
                            hcpcs=hcpcs, case_id=case.id if case else None, units=units, day=day,
                            findings=[f.code for f in findings], now=now)
        flagged += [f.code for f in findings]
        for f in findings:
            PA_USAGE_FLAGS.labels(f.code).inc()
    return flagged
