"""Booking respects the order's prior authorization (issue 16).

A visit of an approved order must fall on a day of the approval and within its units
(domain/authorization_fit.py). By setting (``SCHEDULING_AUTH_MISMATCH``) a visit that does not
fit is refused (409 ``authorization-mismatch`` naming ``start``) or kept held, never confirmed
and with no expiry, with the reason. Either way, and when a visit already booked no longer fits
a new approval, authorization hears it (``appointment.renewal_needed``) so the case goes on its
renewal worklist in time. Orders with no approval on file (not required, still pending) are
not checked. Runs inside the caller's unit of work.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Literal
from uuid import UUID

from chairside_shared.contracts import AuthorizationRenewalNeeded
from scheduling.domain.appointment import Appointment, Status
from scheduling.domain.authorization_fit import Approval, Fit, authorization_fit, units_in_use
from scheduling.domain.booking import Need
from scheduling.domain.clinic import ClinicHours
from scheduling.domain.errors import Conflict
from scheduling.domain.orders import OrderRequest
from scheduling.service.uow import SchedulingUnitOfWork

REASON_PREFIX = "authorization:"  # an appointment held for its approval: "authorization:<codes>"
Outcome = Literal["refused", "held", "booked"]


class AuthorizationMismatch(Conflict):
    """409: the visit does not fit the order's prior authorization; nothing was booked."""

    code = "authorization-mismatch"

    def __init__(self, approval: Approval, day: date, fit: Fit, *,
                 practice_id: str | None = None, appointment_id: UUID | None = None) -> None:
        super().__init__(
            "; ".join(m.detail for m in fit.misfits), field="start",
            errors=[{"field": "start", "message": f"{m.code}: {m.detail}"}
                    for m in fit.misfits],
            reasons=[{"code": m.code, "detail": m.detail, "hcpcs": m.hcpcs, "needed": m.needed,
                      "remaining": m.remaining} for m in fit.misfits],
            auth_number=approval.auth_number, valid_from=approval.valid_from.isoformat(),
            valid_to=approval.valid_to.isoformat(), visit_date=day.isoformat())
        self.approval, self.day, self.fit = approval, day, fit
        self.practice_id, self.appointment_id = practice_id, appointment_id

    def renewal_needed(self, now: datetime) -> AuthorizationRenewalNeeded:
        return renewal_needed(self.approval, self.fit, day=self.day, outcome="refused",
                              practice_id=self.practice_id,
                              appointment_id=self.appointment_id, now=now)


def held_reason(fit: Fit) -> str:
    return REASON_PREFIX + ",".join(fit.codes)


async def approval_of(uow: SchedulingUnitOfWork, order: OrderRequest) -> Approval | None:
    """The approval a visit of the order must fit; None when none applies. An approval that
    expired (``closed``) still bounds the visit: after it, a renewal is needed."""
    if order.authorization not in ("approved", "closed"):
        return None
    return await uow.approvals.get(order.order_id)


async def fit_of(uow: SchedulingUnitOfWork, approval: Approval, day: date) -> Fit:
    used = units_in_use(await uow.approvals.drawing_visits(approval.auth_number,
                                                           besides=approval.order_id))
    return authorization_fit(approval, day, used)


async def misfit_at(uow: SchedulingUnitOfWork, approval: Approval, start: datetime,
                    hours: ClinicHours) -> Fit | None:
    """How a visit at ``start`` misses the approval; None when it fits."""
    fit = await fit_of(uow, approval, hours.local_date(start))
    return None if fit.ok else fit


async def check(uow: SchedulingUnitOfWork, order: OrderRequest, start: datetime,
                hours: ClinicHours) -> tuple[Approval, Fit] | None:
    """The order's approval and how a visit at ``start`` fits it (None: nothing to check)."""
    approval = await approval_of(uow, order)
    if approval is None:
        return None
    return approval, await fit_of(uow, approval, hours.local_date(start))


async def refuse_or_hold(uow: SchedulingUnitOfWork, order: OrderRequest, start: datetime,
                         hours: ClinicHours) -> tuple[Approval, Fit] | None:
    """Staff booking: None when the visit fits (or nothing applies); refused (409) when it
    does not and the setting says so; else the approval and why, for a hold."""
    found = await check(uow, order, start, hours)
    if found is None or found[1].ok:
        return None
    if uow.options.auth_mismatch == "hold":
        return found
    raise AuthorizationMismatch(found[0], hours.local_date(start), found[1],
                                practice_id=order.signed.practice_id if order.signed else None)


async def refuse_moving(uow: SchedulingUnitOfWork, appt: Appointment, start: datetime,
                        hours: ClinicHours) -> None:
    """A visit is never moved outside its approval, whatever the setting (a booked visit
    would otherwise lose its booking): 409."""
    order = await uow.orders.get(appt.order_id) if appt.order_id else None
    found = await check(uow, order, start, hours) if order is not None else None
    if found is not None and not found[1].ok:
        raise AuthorizationMismatch(found[0], hours.local_date(start), found[1],
                                    practice_id=appt.practice_id, appointment_id=appt.id)


async def settle(uow: SchedulingUnitOfWork, approval: Approval, appt: Appointment,
                 hours: ClinicHours, now: datetime) -> bool:
    """An approval arrived for an order whose visit is placed already: True when the visit
    fits it (a held one may then be confirmed). When not, authorization is told; a hold is
    kept waiting with the reason (hold setting) or released (refuse setting: a new one is
    searched within the approval's days); a booked visit stays for staff to decide."""
    if appt.start is None:
        return True
    day = hours.local_date(appt.start)
    fit = await fit_of(uow, approval, day)
    if fit.ok:
        if appt.reason and appt.reason.startswith(REASON_PREFIX):
            appt.reason = None
        return True
    outcome: Outcome = "booked"
    if appt.status is Status.HELD and uow.options.auth_mismatch == "hold":
        appt.wait_for(held_reason(fit), now)
        outcome = "held"
    elif appt.status is Status.HELD:
        appt.cancel(held_reason(fit), now)
        outcome = "refused"
    await tell_authorization(uow, renewal_needed(
        approval, fit, day=day, outcome=outcome, practice_id=appt.practice_id,
        appointment_id=appt.id, now=now))
    return False


def within_dates(need: Need, approval: Approval | None, hours: ClinicHours) -> Need:
    """A slot search limited to the approval's valid days (a slot offer outside them would
    be denied CARC 197)."""
    if approval is None:
        return need
    first = hours.local_instant(approval.valid_from, time(0))
    end = hours.local_instant(approval.valid_to + timedelta(days=1), time(0))
    lo = max(need.window_from, first) if need.window_from else first
    hi = min(need.window_to, end) if need.window_to else end
    return replace(need, window_from=lo, window_to=max(hi, lo))


def renewal_needed(approval: Approval, fit: Fit, *, day: date, outcome: Outcome,
                   practice_id: str | None, appointment_id: UUID | None,
                   now: datetime) -> AuthorizationRenewalNeeded:
    return AuthorizationRenewalNeeded(
        order_id=approval.order_id, case_id=approval.case_id, appointment_id=appointment_id,
        practice_id=practice_id, payer_id=approval.payer_id, auth_number=approval.auth_number,
        visit_date=day, valid_from=approval.valid_from, valid_to=approval.valid_to,
        reasons=fit.codes, outcome=outcome, occurred_at=now)


async def tell_authorization(uow: SchedulingUnitOfWork,
                             event: AuthorizationRenewalNeeded) -> None:
    """Through the outbox, in the caller's transaction, keyed by the order."""
    await uow.emit("appointment.renewal_needed", event, key=str(event.order_id))
