"""The referral projection fed by events, and the referral report read from it.

The consumer opened the unit of work (inbox row written) and commits after these return, so
the projection functions do not open it; the report does (a read).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from chairside_shared import contracts
from chairside_shared.errors import InvalidInput
from reimbursement.domain.referral_reports import (
    Period,
    ReferralRow,
    period_bounds,
    referral_rows,
)
from reimbursement.service.uow import ReimbursementUnitOfWork

# Statuses that mean the patient sat in the chair: its first one times "referral to chair".
IN_CHAIR = frozenset({"in_chair", "completed"})
MAX_REPORT_DAYS = 3 * 366  # a report over more is a mistake in the query, not analytics


async def on_signed(*, uow: ReimbursementUnitOfWork, event: contracts.OrderSigned) -> None:
    await uow.referrals.signed(
        order_id=event.order_id, practice_id=event.practice_id, signed_at=event.signed_at,
        protocol_id=str(event.protocol_id) if event.protocol_id else None)


async def on_administered(*, uow: ReimbursementUnitOfWork,
                          event: contracts.OrderAdministered) -> None:
    starts = [g.started_at for g in event.administrations]
    await uow.referrals.administered(
        order_id=event.order_id, practice_id=event.practice_id,
        completed_at=event.completed_at, first_drug_at=min(starts) if starts else None)


async def on_appointment(*, uow: ReimbursementUnitOfWork,
                         event: contracts.AppointmentChanged) -> None:
    if event.order_id is None:
        return  # a chair block or hold without an order: no referral to count
    await uow.referrals.appointment(appointment_id=event.appointment_id,
                                    order_id=event.order_id, status=event.status,
                                    at=event.occurred_at)
    if event.status in IN_CHAIR:  # when it happened, not when it was booked for
        await uow.referrals.in_chair(order_id=event.order_id, at=event.occurred_at)


async def on_pa_approved(*, uow: ReimbursementUnitOfWork,
                         event: contracts.AuthorizationApproved) -> None:
    await uow.referrals.pa_decided(order_id=event.order_id, decision="approved",
                                   at=event.decided_at)


async def on_pa_denied(*, uow: ReimbursementUnitOfWork,
                       event: contracts.AuthorizationDenied) -> None:
    await uow.referrals.pa_decided(order_id=event.order_id, decision="denied",
                                   at=event.decided_at)


@dataclass(frozen=True, slots=True)
class ReferralReport:
    start: date
    end: date
    period: Period
    practice_id: str | None
    rows: list[ReferralRow]


async def referral_report(*, uow: ReimbursementUnitOfWork, start: date | None,
                          end: date | None, period: Period, practice_id: str | None,
                          now: datetime) -> ReferralReport:
    """Orders signed in whole periods covering [start, end] (clinic days); by default the
    twelve weeks or months ending with the current one."""
    tz = uow.config.clinic_tz
    end = end or now.astimezone(tz).date()
    if start is None:
        back = 7 * 11 if period == "week" else 31 * 11
        start = end - timedelta(days=back)
    if end < start:
        raise InvalidInput("to", "must not be before from")
    if (end - start).days > MAX_REPORT_DAYS:
        raise InvalidInput("from", f"the report covers at most {MAX_REPORT_DAYS} days")
    start, end = period_bounds(start, period)[0], period_bounds(end, period)[1]
    async with uow:
        facts = await uow.referrals.facts(
            signed_from=datetime.combine(start, time.min, tz),
            signed_before=datetime.combine(end + timedelta(days=1), time.min, tz),
            practice_id=practice_id)
    return ReferralReport(start, end, period, practice_id,
                          referral_rows(facts, tz=tz, period=period))
