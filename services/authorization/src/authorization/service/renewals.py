"""The renewal worklist: scheduling found a visit outside its order's approval
(``appointment.renewal_needed``); the case goes on the worklist, due in time for the payer's
standard decision before the visit (domain/renewals.py), and leaves it when a newer approval
of the order covers the visit (``clear_renewed``, at every commit that approves)."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from ..domain.deadlines import DecisionTimeFrames, HolidayCalendar, time_frames_for
from ..domain.events import CaseApproved
from ..domain.renewals import RenewalNeed, RenewalReason, renewal_due_on

if TYPE_CHECKING:  # the unit of work's flush calls clear_renewed
    from .uow import AuthorizationUnitOfWork, UowFactory

log = logging.getLogger("authorization.renewals")


async def _payer_clock(uow: AuthorizationUnitOfWork, payer_id: str | None,
                       plan_id: str | None
                       ) -> tuple[DecisionTimeFrames | None, HolidayCalendar | None]:
    found = await uow.payers.get(payer_id) if payer_id else None
    if found is None:
        return None, None
    payer = found[0]
    plan = payer.resolve_plan(plan_id)
    frames = time_frames_for(payer.type_for(plan), payer.frames_override(plan))
    return frames, HolidayCalendar(extra=[date.fromisoformat(d) for d in payer.extra_holidays])


async def renewal_needed(
    *, uow: AuthorizationUnitOfWork, order_id: UUID, case_id: UUID | None,
    payer_id: str | None, practice_id: str | None, appointment_id: UUID | None,
    auth_number: str, visit_date: date, valid_from: date, valid_to: date,
    reasons: list[RenewalReason], outcome: str, now: datetime,
) -> RenewalNeed:
    """Put (or refresh) the order on the renewal worklist; runs in the consumer's unit of
    work."""
    case = await uow.cases.get(case_id) if case_id is not None else None
    payer_id = (case.payer_id if case else None) or payer_id
    frames, holidays = await _payer_clock(uow, payer_id, case.plan_id if case else None)
    s = uow.settings
    due_on = renewal_due_on(visit_date, frames, s.tz, holidays,
                            default_days=s.renewal_default_turnaround_days)
    need = RenewalNeed(
        order_id=order_id, case_id=case_id, payer_id=payer_id,
        practice_id=practice_id or (case.practice_id if case else None),
        appointment_id=appointment_id, auth_number=auth_number, visit_date=visit_date,
        valid_from=valid_from, valid_to=valid_to, reasons=list(reasons), outcome=outcome,
        due_on=due_on, noted_at=now)
    await uow.renewals.put(need)
    log.info("order %s: renewal of %s due %s (%s)", order_id, case_id, due_on,
             ",".join(reasons))
    return need


async def worklist(*, uows: UowFactory, practice_id: str | None, limit: int, offset: int,
                   now: datetime) -> tuple[list[RenewalNeed], date]:
    """The worklist, soonest due first, and the practice's today (what "overdue" means)."""
    async with uows() as uow:
        needs = await uow.renewals.listed(practice_id=practice_id, limit=limit, offset=offset)
        return needs, now.astimezone(uow.settings.tz).date()


async def clear_renewed(uow: AuthorizationUnitOfWork) -> int:
    """Take off the worklist what this transaction's approvals settle (its own flush calls
    it before the events leave): an order approved again, for dates that cover the visit."""
    cleared = 0
    for aggregate in uow.seen:
        for event in aggregate.events:
            if isinstance(event, CaseApproved):
                cleared += await uow.renewals.clear_covered(
                    order_id=event.order_id, valid_from=event.valid_from,
                    valid_to=event.valid_to, auth_number=event.auth_number,
                    decided_at=event.decided_at)
    if cleared:
        log.info("%d renewal(s) settled by an approval", cleared)
    return cleared
