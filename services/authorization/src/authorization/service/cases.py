"""Commands on PA cases: answer, submit (with the payer round trip), withdraw, inquire, expire.

The payer is called outside any database transaction: a transaction marks the case submitted
(the clock starts), the connector talks to the payer with no lock held, and a second transaction
applies the answer to the case as it is *then* (re-read ``FOR UPDATE``). If the process dies in
between, the poller resubmits (payers de-duplicate on the Claim identifier) or inquires.

Writers re-run on ``ConcurrentUpdate`` (another writer changed the case first), so two
concurrent changes to one case both land, in some order, and neither is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import date, datetime
from typing import Literal, TypeVar
from uuid import UUID
from zoneinfo import ZoneInfo

from ..adapters.payer_client import PayerConnector, PayerReply
from ..domain.case import PACase
from ..domain.codes import AWAITING_PAYER
from ..domain.deadlines import DecisionTimeFrames, HolidayCalendar, time_frames_for
from ..domain.errors import (
    ConcurrentUpdate,
    IdentityUnavailable,
    InvalidTransition,
    NotFound,
    PayerResponseInvalid,
    SubmissionBlocked,
)
from ..domain.identity import PasParties
from ..domain.offline_decision import OfflineDecision, record_offline_decision
from .figures import PA_DECISIONS, PA_PAYER_ERRORS, PA_TURNAROUND
from .pas import PasSources, parties_for
from .uow import AuthorizationUnitOfWork, UowFactory

log = logging.getLogger("authorization.cases")
T = TypeVar("T")


async def retrying(step: Callable[[], Awaitable[T]], attempts: int = 8) -> T:
    for attempt in range(1, attempts + 1):
        try:
            return await step()
        except ConcurrentUpdate:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


async def _load(uow: AuthorizationUnitOfWork, case_id: UUID) -> PACase:
    case = await uow.cases.get(case_id, for_update=True)
    if case is None:
        raise NotFound(f"no authorization {case_id}")
    return case


async def answer(*, uows: UowFactory, case_id: UUID, answers: Mapping[str, object],
                 actor: str, now: datetime) -> PACase:
    async def step() -> PACase:
        async with uows() as uow:
            case = await _load(uow, case_id)
            case.answer(answers, actor, now)
            await uow.commit()
            return case
    return await retrying(step)


async def withdraw(*, uows: UowFactory, case_id: UUID, reason: str, actor: str,
                   now: datetime) -> PACase:
    async def step() -> PACase:
        async with uows() as uow:
            case = await _load(uow, case_id)
            case.withdraw(actor, reason, now)
            await uow.commit()
            return case
    return await retrying(step)


async def record_payer_decision(*, uows: UowFactory, case_id: UUID, decision: OfflineDecision,
                                actor: str, now: datetime) -> PACase:
    """Staff record a decision the payer gave through its portal, by phone or by fax (the
    same events as a PAS decision leave through the outbox)."""
    async def step() -> PACase:
        async with uows() as uow:
            case = await _load(uow, case_id)
            record_offline_decision(case, decision, actor, now)
            await uow.commit()
            log.info("case %s: %s by %s -> %s", case_id, decision.outcome, decision.channel,
                     case.status)
            _count(case, case.status)
            return case
    return await retrying(step)


async def submit(*, uows: UowFactory, connector: PayerConnector, pas: PasSources,
                 case_id: UUID, actor: str, now: datetime) -> PACase:
    """Gather the request's parties (orders' payer identity, read now, kept nowhere); when an
    item is missing, keep the case a draft naming each one. Otherwise mark it submitted (its
    clock starts) and send it to the payer."""
    async with uows() as uow:
        snapshot = await uow.cases.get(case_id)
    if snapshot is None:
        raise NotFound(f"no authorization {case_id}")
    if snapshot.status != "draft":
        raise InvalidTransition(case_id, snapshot.status, "submit")
    found = await parties_for(uows=uows, pas=pas, case=snapshot)  # outside any transaction
    missing = found if isinstance(found, list) else []

    async def mark_submitted() -> None:
        async with uows() as uow:
            case = await _load(uow, case_id)
            if case.status == "draft":
                case.hold_for_pas(missing, actor, now)
            if missing:
                await uow.commit()
                raise SubmissionBlocked(case_id, case.submission_problems())
            frames, holidays = await _payer_clock(uow, case)
            case.submit(actor, now, frames, uow.settings.tz, holidays)
            await uow.commit()
    await retrying(mark_submitted)
    assert not isinstance(found, list)
    return await exchange(uows=uows, connector=connector, pas=pas, case_id=case_id,
                          op="submit", now=now, parties=found)


async def _payer_clock(
    uow: AuthorizationUnitOfWork, case: PACase,
) -> tuple[DecisionTimeFrames | None, HolidayCalendar | None]:
    """The payer's decision time frames and holidays, as configured now (none when the payer
    still is not); a payer configured since the case opened unblocks it."""
    found = await uow.payers.get(case.payer_id)
    if found is None:
        return None, None
    if case.blockers:
        case.blockers = [b for b in case.blockers if "not configured" not in b]
    payer = found[0]
    plan = payer.resolve_plan(case.plan_id)
    case.payer_type = payer.type_for(plan)
    frames = time_frames_for(case.payer_type, payer.frames_override(plan))
    return frames, HolidayCalendar(extra=_dates(payer.extra_holidays))


def _dates(items: tuple[str, ...]) -> list[date]:
    return [date.fromisoformat(d) for d in items]


def apply_reply(case: PACase, reply: PayerReply, now: datetime) -> str:
    """Record what the payer said on the case; returns what happened (for logs and metrics)."""
    actor = f"payer:{case.payer_id}"
    if case.status not in AWAITING_PAYER:
        return "ignored"  # withdrawn or decided meanwhile (a racing poller, a user)
    if reply.kind == "not_found":
        case.last_polled_at = now
        return "not_found"
    if reply.kind == "error" or reply.decision is None:
        case.record_payer_error(reply.error or "payer error", reply.raw, actor, now)
        return "error"
    try:
        changed = case.record_decision(reply.decision, reply.raw, actor, now)
    except PayerResponseInvalid as exc:
        case.record_payer_error(str(exc), reply.raw, actor, now)
        return "invalid"
    return reply.decision.kind if changed else "unchanged"


async def _reply(connector: PayerConnector, pas: PasSources, uows: UowFactory, case: PACase,
                 op: Literal["submit", "inquire"], now: datetime,
                 parties: PasParties | None) -> PayerReply:
    """Send the request when its parties are all known; otherwise say what kept it back."""
    if parties is None:
        try:
            found = await parties_for(uows=uows, pas=pas, case=case)
        except IdentityUnavailable as exc:
            return PayerReply(kind="error", error=f"PAS request not sent: {exc}",
                              transient=True)
        if isinstance(found, list):
            return PayerReply(kind="error",
                              error="PAS request not sent: missing " + "; ".join(found))
        parties = found
    call = connector.submit if op == "submit" else connector.inquire
    return await call(case, parties, now)


async def exchange(*, uows: UowFactory, connector: PayerConnector, pas: PasSources,
                   case_id: UUID, op: Literal["submit", "inquire"], now: datetime,
                   parties: PasParties | None = None) -> PACase:
    """One payer round trip outside any transaction, its answer applied to the case as it is
    then."""
    async with uows() as uow:
        snapshot = await uow.cases.get(case_id)
    if snapshot is None:
        raise NotFound(f"no authorization {case_id}")
    if snapshot.status not in AWAITING_PAYER:
        return snapshot
    reply = await _reply(connector, pas, uows, snapshot, op, now, parties)

    async def record() -> PACase:
        async with uows() as uow:
            case = await _load(uow, case_id)
            outcome = apply_reply(case, reply, now)
            await uow.commit()
            log.info("case %s: %s -> %s", case_id, op, outcome)
            _count(case, outcome)
            return case
    return await retrying(record)


def _count(case: PACase, outcome: str) -> None:
    if outcome in ("approved", "denied"):
        PA_DECISIONS.labels(case.payer_id, outcome).inc()
        if case.submitted_at and case.decided_at:
            PA_TURNAROUND.labels(case.payer_id).observe(
                (case.decided_at - case.submitted_at).total_seconds())
    elif outcome in ("error", "invalid"):
        PA_PAYER_ERRORS.labels(case.payer_id).inc()


async def expire_due(*, uows: UowFactory, now: datetime, tz: ZoneInfo, limit: int = 100) -> int:
    """Approvals whose last valid day has passed (practice time zone) become expired."""
    today = now.astimezone(tz).date()

    async def step() -> int:
        async with uows() as uow:
            cases = await uow.cases.approved_ending_before(today, limit=limit)
            n = sum(case.expire_if_past(today, now) for case in cases)
            await uow.commit()
            return n
    return await retrying(step)
