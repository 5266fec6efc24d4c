"""Authorized units: consumption by administrations, findings, and the reauthorization worklist.

Units consumed are billed units: the dose given plus any documented waste (JW), each rounded up
on its own as they are billed on separate lines (domain doc B1/B2). A drug given outside the
approved dates, beyond the approved units, or with no approval at all is still recorded (it was
given) and raises a finding the billing side must see before the claim goes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from .case import PACase
from .codes import UsageCode
from .events import DomainEvent, UsageFlagged
from .orders import Administration, OrderFacts, PayerRef
from .policy import PolicyBook
from .units import UnitConversionError, billing_units

ACTOR = "consumer:order.administered"


@dataclass(frozen=True)
class Finding:
    code: UsageCode
    hcpcs: str
    detail: str

    def flagged(self, *, case_id: UUID | None, order_id: UUID, now: datetime) -> UsageFlagged:
        return UsageFlagged(case_id=case_id, order_id=order_id, code=self.code,
                            hcpcs=self.hcpcs, detail=self.detail, occurred_at=now)


@dataclass
class UnitUsage:
    """One administered order line, counted once: the units it drew (0 when they could not be
    worked out) and what the billing side must see. It records the flags no approved case
    records (no case, or a case that is not approved)."""

    order_id: UUID
    line_sequence: int
    hcpcs: str
    case_id: UUID | None
    units: int
    day: date
    recorded_at: datetime
    findings: tuple[Finding, ...] = ()
    units_unknown: str | None = None  # why the units could not be worked out
    events: list[DomainEvent] = field(default_factory=list, compare=False, repr=False)

    @property
    def notes(self) -> list[str]:
        """The findings as kept with the usage."""
        if self.units_unknown is not None:
            return [f"units_unknown: {self.units_unknown}"]
        return [f.code for f in self.findings]


def administered_units(adm: Administration, descriptor: str) -> int:
    given = billing_units(adm.dose_given, adm.dose_unit, descriptor)
    waste = Decimal(adm.wasted_amount or 0)
    return given + (billing_units(waste, adm.dose_unit, descriptor) if waste > 0 else 0)


def _units_left(case: PACase, hcpcs: str) -> int:
    line = case.line(hcpcs)
    return (line.remaining or 0) if line is not None else 0


def pick_case(cases: list[PACase], order_id: UUID, hcpcs: str, day: date) -> PACase | None:
    """The approval an administration draws on: the order's own case first, then any approval
    of the same patient and payer valid that day, then whatever case the order has (so a
    finding can name it)."""
    with_line = [k for k in cases if k.line(hcpcs) is not None]
    own = [k for k in with_line if order_id in k.order_ids]
    approved_own = [k for k in own if k.status == "approved"]
    if approved_own:
        return approved_own[0]
    valid = [k for k in with_line if k.status == "approved" and k.valid_from and k.valid_to
             and k.valid_from <= day <= k.valid_to and _units_left(k, hcpcs) > 0]
    if valid:
        return min(valid, key=lambda k: k.valid_to or date.max)  # the one that ends first
    return own[0] if own else None


def use_units(
    case: PACase | None,
    *,
    order_id: UUID,
    line_sequence: int,
    hcpcs: str,
    units: int,
    day: date,
    now: datetime,
    actor: str = ACTOR,
) -> list[Finding]:
    """Consume ``units`` from ``case`` and return findings; record flag events on the case."""
    if case is None or case.status != "approved":
        why = "no prior authorization on file" if case is None else f"case is {case.status}"
        return [Finding("no_authorization", hcpcs, f"{hcpcs} given without approval: {why}")]
    line = case.line(hcpcs)
    assert line is not None and line.approved_units is not None
    findings: list[Finding] = []
    assert case.valid_from and case.valid_to
    if not case.valid_from <= day <= case.valid_to:
        findings.append(Finding("outside_valid_dates", hcpcs,
                                f"given {day.isoformat()}, approval valid "
                                f"{case.valid_from.isoformat()}..{case.valid_to.isoformat()}"))
    line.used_units += units
    if line.used_units > line.approved_units:
        findings.append(Finding("units_exceeded", hcpcs,
                                f"{line.used_units} units used of {line.approved_units} approved"))
    case.log(now, actor, "units_used", order_id=str(order_id), line_sequence=line_sequence,
             hcpcs=hcpcs, units=units, used=line.used_units, approved=line.approved_units,
             findings=[f.code for f in findings])
    case.events.extend(f.flagged(case_id=case.id, order_id=order_id, now=now) for f in findings)
    return findings


def needs_authorization(hcpcs: str, facts: OrderFacts | None, book: PolicyBook,
                        payer: PayerRef) -> bool:
    """Whether a drug given without a case on file should have had one: as decided when the
    order was signed, else as the payer's current policy says."""
    decided = facts.decided(hcpcs) if facts is not None else None
    if decided is not None:
        return decided.needs_auth
    if book.payer(payer.payer_id) is None:
        return False
    policy = book.policies(payer.payer_id).lookup(payer.plan_id, hcpcs)
    return policy is not None and policy.pa in ("auth-needed", "conditional")


def _units_unknown(usage: UnitUsage, case: PACase | None, error: str,
                   now: datetime) -> UnitUsage:
    """Nothing is guessed: the usage is recorded as unknown and shown on the case."""
    usage.units_unknown = error
    if case is not None:
        case.log(now, ACTOR, "units_unknown", order_id=str(usage.order_id),
                 line_sequence=usage.line_sequence, hcpcs=usage.hcpcs, error=error)
    return usage


def record_administration(
    adm: Administration,
    *,
    order_id: UUID,
    facts: OrderFacts | None,
    payer: PayerRef,
    book: PolicyBook,
    cases: list[PACase],
    tz: ZoneInfo,
    now: datetime,
) -> UnitUsage | None:
    """Draw one administered line's units from the approval it falls under. None when the line
    names no HCPCS code, or the drug needs no authorization and no case has it."""
    line = facts.line(adm.line_sequence) if facts is not None else None
    hcpcs = (adm.hcpcs or (line.hcpcs if line else None) or "").upper()
    if not hcpcs:
        return None
    mine = [k for k in cases if k.line(hcpcs) is not None]
    if not mine and not needs_authorization(hcpcs, facts, book, payer):
        return None
    policy = book.policies(payer.payer_id).lookup(payer.plan_id, hcpcs)
    descriptor = (line.hcpcs_unit if line else None) or (policy.billing_unit if policy else None)
    day = adm.started_at.astimezone(tz).date()
    case = pick_case(mine, order_id, hcpcs, day)
    usage = UnitUsage(order_id=order_id, line_sequence=adm.line_sequence, hcpcs=hcpcs,
                      case_id=case.id if case else None, units=0, day=day, recorded_at=now)
    try:
        if descriptor is None:
            raise UnitConversionError("no HCPCS unit descriptor")
        usage.units = administered_units(adm, descriptor)
    except UnitConversionError as exc:
        return _units_unknown(usage, case, str(exc), now)
    usage.findings = tuple(use_units(case, order_id=order_id, line_sequence=adm.line_sequence,
                                     hcpcs=hcpcs, units=usage.units, day=day, now=now))
    if case is None or case.status != "approved":
        # use_units records flags on approved cases only; the usage record carries these.
        usage.events.extend(f.flagged(case_id=usage.case_id, order_id=order_id, now=now)
                            for f in usage.findings)
    return usage


# --------------------------------------------------------------------------- worklist
WorkReason = Literal["overdue", "payer_error", "near_expiry", "near_exhaustion", "exhausted",
                     "reauth_due", "draft_waiting"]


class WorklistSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    near_expiry_days: int = 30
    # remaining units below this share of the approval count as "near exhaustion"...
    near_exhaustion_ratio: Decimal = Decimal("0.25")
    # ...as do fewer units left than one more dose of the size the case requested.
    draft_stale_hours: int = 24


DEFAULT_WORKLIST = WorklistSettings()


def worklist_reasons(case: PACase, now: datetime, today: date,
                     settings: WorklistSettings = DEFAULT_WORKLIST) -> list[WorkReason]:
    reasons: list[WorkReason] = []
    if case.is_overdue(now):
        reasons.append("overdue")
    if case.status in ("submitted", "pended") and case.last_error:
        reasons.append("payer_error")  # the payer refused or failed: someone should look
    if case.status == "draft" and now - case.created_at > timedelta(
        hours=settings.draft_stale_hours
    ):
        reasons.append("draft_waiting")
    if case.status != "approved":
        return reasons
    if case.valid_to and case.valid_to - today <= timedelta(days=settings.near_expiry_days):
        reasons.append("near_expiry")
    for ln in case.lines:
        if ln.approved_units is None:
            continue
        left = ln.approved_units - ln.used_units
        dose = ln.requested_units or 0
        if left <= 0:
            reasons.append("exhausted")
        elif (
            left < dose
            or Decimal(left) < Decimal(ln.approved_units) * settings.near_exhaustion_ratio
        ):
            reasons.append("near_exhaustion")
    if {"near_expiry", "near_exhaustion", "exhausted"} & set(reasons):
        reasons.append("reauth_due")
    return list(dict.fromkeys(reasons))
