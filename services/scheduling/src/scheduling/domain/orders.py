"""What scheduling knows about an order, from events: what ``order.signed`` asked for, the
payer's decision and whether the order was cancelled. Events of different topics arrive in any
order, so a decision (or a cancellation) may be known before the order itself is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from .booking import Need
from .series import CatalogCourse

BOOKABLE = ("approved", "not_required")  # a hold may be confirmed
RELEASED = ("denied", "not_covered")  # its chair time is given back; expired/withdrawn
# ("closed") are only recorded: staff decide what they mean for the visit


def first_dose(course: tuple[CourseLine, ...]) -> bool:
    """A line is the patient's first dose of its molecule."""
    return any(ln.dose_number == 1 for ln in course)


@dataclass(frozen=True)
class CourseLine:
    """A drug line of the order: its molecule and which dose of it this is (order.signed)."""

    drug_code: str
    molecule: str | None = None
    dose_number: int | None = None


@dataclass(frozen=True)
class SignedOrder:
    """What a signed order asks of the schedule (``order.signed``)."""

    order_id: UUID
    practice_id: str
    patient_id: UUID
    urgency: str  # same_day | planned
    minutes: int
    acuity_class: str
    pediatric: bool
    requires_driver: bool
    signed_at: datetime
    window_from: datetime | None = None
    window_to: datetime | None = None
    triage_category: str | None = None  # same-day triage as the order stated it
    headache_hours: int | None = None
    prep_minutes: int | None = None  # pharmacy preparation; None: order.signed did not say
    high_acuity_chair: bool = False  # a high-acuity first dose (BookingPolicy, at signing)
    series: CatalogCourse | None = None  # the catalog course this dose starts
    course: tuple[CourseLine, ...] = ()

    def dose_number_of(self, drug_code: str) -> int | None:
        return next((ln.dose_number for ln in self.course if ln.drug_code == drug_code), None)

    def need(self) -> Need:
        return Need(minutes=self.minutes, acuity_class=self.acuity_class,
                    pediatric=self.pediatric, requires_driver=self.requires_driver,
                    urgency=self.urgency, window_from=self.window_from,
                    window_to=self.window_to, prep_minutes=self.prep_minutes,
                    high_acuity_chair=self.high_acuity_chair)


@dataclass(frozen=True)
class OrderRequest:
    """One order as scheduling knows it; ``signed`` is None until ``order.signed`` arrives."""

    order_id: UUID
    authorization: str = "pending"  # pending | approved | not_required | denied | ... | closed
    cancelled: bool = False
    signed: SignedOrder | None = None
    escort_confirmed_at: datetime | None = None  # the escort of a no-drive order is on file
    administered_at: datetime | None = None  # the visit was completed in orders

    @property
    def bookable(self) -> bool:
        return self.authorization in BOOKABLE

    @property
    def released(self) -> bool:
        return self.authorization in RELEASED
