"""Referral analytics: what each partner practice sends the center and what becomes of it.

An infusion center lives on its referral patterns, so per practice and period (the clinic-local
day the order was signed, grouped by ISO week or calendar month):

- orders received: orders the practice signed in the period;
- converted to visits: of those, the ones given (order.administered); conversion = given/received;
- referral to chair: days from signing to the first time the patient sat in a chair (the first
  appointment started, or the first drug started, whichever is earlier), median and p90 over
  the orders that reached a chair;
- no-show rate: appointments ending as no_show / appointments that came to an end for the
  patient (no_show, or kept: checked in, in the chair, completed); a cancelled or still
  booked appointment counts in neither;
- PA approval rate: orders whose latest payer decision is an approval / orders with a decision
  (orders needing no PA are in neither).

Pure: the facts come in as ``ReferralFacts`` built from the events the service consumed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from typing import Literal

Period = Literal["week", "month"]
PaDecision = Literal["approved", "denied"]
KEPT = frozenset({"checked_in", "in_chair", "completed"})
DAY_SECONDS = Decimal(86400)


@dataclass(frozen=True, slots=True)
class ReferralFacts:
    """One signed order as the reports see it (ids only, no PHI)."""

    order_id: str
    practice_id: str
    signed_at: datetime
    administered: bool = False
    first_chair_at: datetime | None = None
    pa_decision: PaDecision | None = None
    appointment_statuses: tuple[str, ...] = ()  # the latest status of each of its appointments


@dataclass(frozen=True, slots=True)
class ReferralRow:
    practice_id: str
    period_start: date
    period_end: date  # last day, inclusive
    orders_received: int
    converted_to_visits: int
    conversion_rate: Decimal | None
    reached_chair: int
    median_days_to_chair: Decimal | None
    p90_days_to_chair: Decimal | None
    appointments_ended: int
    no_shows: int
    no_show_rate: Decimal | None
    pa_decided: int
    pa_approved: int
    pa_approval_rate: Decimal | None


def period_bounds(day: date, period: Period) -> tuple[date, date]:
    """The ISO week (Monday..Sunday) or calendar month holding ``day``."""
    if period == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    start = day.replace(day=1)
    following = (start + timedelta(days=32)).replace(day=1)
    return start, following - timedelta(days=1)


def rate(part: int, whole: int) -> Decimal | None:
    """part/whole to 4 places; None when there is nothing to divide by."""
    if whole <= 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"))


def quantile(values: Sequence[Decimal], q: Decimal) -> Decimal | None:
    """The q-quantile (0..1) by linear interpolation between closest ranks (as in a
    spreadsheet's PERCENTILE.INC); None for no values. Rounded to 0.1 day."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    value = ordered[low] + (ordered[high] - ordered[low]) * (position - low)
    return value.quantize(Decimal("0.1"))


def days_to_chair(facts: ReferralFacts) -> Decimal | None:
    """Days (to 0.01) from signing to the first chair; never negative (a same-day order may be
    started from a pre-booked slot a moment before its signature was recorded)."""
    if facts.first_chair_at is None:
        return None
    seconds = Decimal(str((facts.first_chair_at - facts.signed_at).total_seconds()))
    return max(seconds / DAY_SECONDS, Decimal(0)).quantize(Decimal("0.01"))


def referral_rows(referrals: Iterable[ReferralFacts], *, tz: tzinfo, period: Period,
                  ) -> list[ReferralRow]:
    """One row per practice and period with orders, by practice then period."""
    groups: dict[tuple[str, date], list[ReferralFacts]] = {}
    for f in referrals:
        start, _ = period_bounds(f.signed_at.astimezone(tz).date(), period)
        groups.setdefault((f.practice_id, start), []).append(f)
    return [_row(practice, start, period, group)
            for (practice, start), group in sorted(groups.items())]


def _row(practice: str, start: date, period: Period, group: list[ReferralFacts]) -> ReferralRow:
    converted = sum(1 for f in group if f.administered)
    waits = [d for d in (days_to_chair(f) for f in group) if d is not None]
    statuses = [s for f in group for s in f.appointment_statuses]
    no_shows = sum(1 for s in statuses if s == "no_show")
    ended = no_shows + sum(1 for s in statuses if s in KEPT)
    decided = [f.pa_decision for f in group if f.pa_decision is not None]
    approved = sum(1 for d in decided if d == "approved")
    return ReferralRow(
        practice_id=practice, period_start=start, period_end=period_bounds(start, period)[1],
        orders_received=len(group), converted_to_visits=converted,
        conversion_rate=rate(converted, len(group)), reached_chair=len(waits),
        median_days_to_chair=quantile(waits, Decimal("0.5")),
        p90_days_to_chair=quantile(waits, Decimal("0.9")),
        appointments_ended=ended, no_shows=no_shows, no_show_rate=rate(no_shows, ended),
        pa_decided=len(decided), pa_approved=approved, pa_approval_rate=rate(approved,
                                                                             len(decided)))


CSV_COLUMNS = ("practice_id", "period_start", "period_end", "orders_received",
               "converted_to_visits", "conversion_rate", "reached_chair", "median_days_to_chair",
               "p90_days_to_chair", "appointments_ended", "no_shows", "no_show_rate",
               "pa_decided", "pa_approved", "pa_approval_rate")


def csv_cells(row: ReferralRow) -> tuple[str, ...]:
    """The row's cells in CSV_COLUMNS order; an undefined rate or quantile is empty."""
    return tuple("" if (v := getattr(row, name)) is None else str(v) for name in CSV_COLUMNS)
