"""Recalls of recurring drugs: when the next dose may, should and must be given.

A completed dose of a drug whose catalog entry has recall data (``order.administered`` carries
it: day counts, codes and units only) opens a recall. Its dates are clinic days:

- earliest: the later of the catalog's earliest day after the dose and the first day the
  payer's quantity limit allows another dose of the same size, counting every dose of the
  drug given in the limit's trailing period (``period_days`` days, the day itself included);
- target window and latest: the catalog's day counts after the dose.

A recall never proposes or accepts a date before its earliest. Status: ``due`` (open),
``offered`` (slots were offered at target - N days), ``booked`` (a new order of the drug was
linked to it), ``overdue`` (latest passed with no booking), ``closed`` (the next dose was
given). Pure rules: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from chairside_shared.errors import Conflict

OPEN = ("due", "offered", "overdue")  # a new order of the drug links to one of these
STATUSES = ("due", "offered", "booked", "overdue", "closed")


@dataclass(frozen=True)
class RecallRule:
    """The catalog's recall data of one drug, in days after the dose."""

    earliest_days: int
    target_from_days: int
    target_to_days: int
    latest_days: int
    pre_dose_checks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not (0 <= self.earliest_days <= self.target_from_days <= self.target_to_days
                <= self.latest_days):
            raise ValueError("recall days must be earliest <= target from <= target to "
                             "<= latest")


@dataclass(frozen=True)
class RecallStep:
    """The catalog's recall days after the listed dose numbers (loading doses recall sooner
    than the maintenance doses the drug's default days describe)."""

    doses: tuple[int, ...]
    rule: RecallRule


def rule_for_dose(default: RecallRule, steps: Iterable[RecallStep],
                  dose_number: int | None) -> RecallRule:
    """The recall after this dose of the molecule; the default when no step lists it (or the
    dose number is not known)."""
    return next((s.rule for s in steps if dose_number in s.doses), default)


@dataclass(frozen=True)
class QuantityLimit:
    """The payer's cap: at most ``units`` billing units in any ``period_days`` days."""

    units: int
    period_days: int


@dataclass(frozen=True)
class Dose:
    day: date
    units: int


@dataclass(frozen=True)
class RecallDates:
    earliest: date
    target_from: date
    target_to: date
    latest: date
    cap_applied: bool  # the payer's limit moved earliest past the catalog's


def units_in_period(doses: Iterable[Dose], day: date, period_days: int) -> int:
    """Units given in the ``period_days`` days ending on ``day`` (both ends included)."""
    first = day - timedelta(days=period_days - 1)
    return sum(d.units for d in doses if first <= d.day <= day)


def cap_allows(doses: Iterable[Dose], day: date, units: int, limit: QuantityLimit) -> bool:
    return units_in_period(doses, day, limit.period_days) + units <= limit.units


def first_day_under_cap(doses: list[Dose], units: int, limit: QuantityLimit,
                        not_before: date) -> date | None:
    """The first day from ``not_before`` on that a dose of ``units`` keeps within the limit,
    given the doses so far (none after ``not_before``); None when one dose alone exceeds it.
    The trailing sum only falls as doses leave the period, so the candidates are
    ``not_before`` and each day a dose leaves it."""
    if units > limit.units:
        return None
    leaves = sorted({d.day + timedelta(days=limit.period_days) for d in doses})
    for day in [not_before, *(d for d in leaves if d > not_before)]:
        if cap_allows(doses, day, units, limit):
            return day
    return None  # unreachable: once every dose has left, units <= limit


def recall_dates(rule: RecallRule, last_dose: Dose, history: Iterable[Dose],
                 limit: QuantityLimit | None) -> RecallDates:
    """The recall of ``last_dose``; ``history`` are the drug's earlier doses (any order; the
    last dose may be among them). The next dose is assumed the size of the last one."""
    doses = _with(history, last_dose)
    catalog_earliest = last_dose.day + timedelta(days=rule.earliest_days)
    earliest = catalog_earliest
    if limit is not None:
        allowed = first_day_under_cap(doses, last_dose.units, limit, catalog_earliest)
        # a single dose above the cap can never be within it: the catalog's day stands and
        # staff see the limit on the recall
        earliest = allowed or catalog_earliest
    shift = earliest - catalog_earliest
    target_from = max(last_dose.day + timedelta(days=rule.target_from_days), earliest)
    target_to = max(last_dose.day + timedelta(days=rule.target_to_days), target_from)
    latest = max(last_dose.day + timedelta(days=rule.latest_days), target_to)
    return RecallDates(earliest=earliest, target_from=target_from, target_to=target_to,
                       latest=latest, cap_applied=shift > timedelta(0))


def _with(history: Iterable[Dose], last_dose: Dose) -> list[Dose]:
    doses = list(history)
    return doses if last_dose in doses else [*doses, last_dose]


@dataclass
class Recall:
    """One dose's recall of the next dose (dates are clinic days)."""

    id: UUID
    patient_id: UUID
    practice_id: str
    drug_code: str
    hcpcs: str | None
    source_order_id: UUID
    last_dose_on: date
    units_given: int
    earliest: date
    target_from: date
    target_to: date
    latest: date
    status: str = "due"
    limit: QuantityLimit | None = None
    auth_valid_to: date | None = None
    pre_dose_checks: tuple[str, ...] = ()
    next_order_id: UUID | None = None
    offered_at: datetime | None = None
    overdue_at: datetime | None = None
    rule_days: tuple[int, int, int, int] | None = None  # the catalog's days it was opened with
    molecule: str | None = None  # products of one molecule share the recall

    @property
    def dose(self) -> Dose:
        return Dose(self.last_dose_on, self.units_given)

    @property
    def open(self) -> bool:
        return self.status in OPEN

    def require_not_before_earliest(self, day: date) -> None:
        """A visit of the next dose on ``day`` (a clinic day): 409 before the earliest."""
        if day < self.earliest:
            raise RecallTooEarly(self.id, self.earliest)

    def link(self, order_id: UUID) -> None:
        self.next_order_id, self.status = order_id, "booked"

    def apply_limit(self, limit: QuantityLimit, history: Iterable[Dose]) -> bool:
        """The payer's limit learned after the dose (an approval that came late): the dates
        again with it; False when the recall is no longer open or already had a limit."""
        if not self.open or self.limit is not None or self.rule_days is None:
            return False
        dates = recall_dates(RecallRule(*self.rule_days), self.dose, history, limit)
        self.limit = limit
        self.earliest, self.target_from = dates.earliest, dates.target_from
        self.target_to, self.latest = dates.target_to, dates.latest
        return True

    def unlink(self) -> None:
        """The next dose's order was cancelled: the recall is open again."""
        self.next_order_id = None
        self.status = "offered" if self.offered_at else "due"

    def mark_offered(self, now: datetime) -> None:
        self.status, self.offered_at = "offered", now

    def mark_overdue(self, now: datetime) -> None:
        self.status, self.overdue_at = "overdue", now

    def close(self) -> None:
        self.status = "closed"


def offer_due(target_from: date, today: date, offer_days_before: int) -> bool:
    """Slots are offered from ``offer_days_before`` days before the target window opens."""
    return today >= target_from - timedelta(days=offer_days_before)


def is_overdue(latest: date, today: date) -> bool:
    return today > latest


class RecallTooEarly(Conflict):
    """A visit of a recalled drug asked for before the recall's earliest day (409)."""

    code = "recall-too-early"

    def __init__(self, recall_id: UUID, earliest: date) -> None:
        super().__init__(f"start is before the recall's earliest day {earliest.isoformat()}",
                         field="start", recall_id=str(recall_id),
                         earliest=earliest.isoformat())
        self.earliest = earliest
