"""Shared fixtures for the authorization tests: the seed policy book and order builders."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import pytest

from authorization.adapters.seed import seed_book
from authorization.domain.orders import SignedOrder
from authorization.entrypoints.consumers import signed_order
from authorization.service.events import to_messages
from chairside_shared import contracts as c

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # Monday 10:00 EST

EPTINEZUMAB = {
    "drug_code": "eptinezumab",
    "hcpcs": "J3032",
    "hcpcs_unit": "1 mg",
    "dose": Decimal(100),
    "dose_unit": "mg",
    "mode": "infusion",
    "minutes": 30,
}
KETOROLAC = {"drug_code": "ketorolac", "hcpcs": "J1885", "hcpcs_unit": "15 mg", "dose": Decimal(30),
                 "dose_unit": "mg", "mode": "push", "minutes": 2}
KETAMINE = {"drug_code": "ketamine", "hcpcs": None, "hcpcs_unit": None, "dose": Decimal(20),
                "dose_unit": "mg", "mode": "infusion", "minutes": 60}


# The member id of each test order's coverage, as orders' payer identity would answer it:
# events carry no member id (issue 13), so the fake identity sources read it here.
MEMBER_IDS: dict[UUID, str] = {}


def member_of(order_id: UUID) -> str:
    return MEMBER_IDS.get(order_id, "M-1001")


def make_order(
    *,
    payer_id: str | None = "summit-health",
    plan_id: str | None = "summit-ppo",
    member_id: str = "M-1001",
    lines: list[dict] | None = None,
    diagnoses: list[str] | None = None,
    age: int = 42,
    urgency: str = "planned",
    signed_at: datetime = NOW,
    patient_id=None,
    window_from: datetime | None = None,
    prescriber_specialty: str | None = None,
) -> c.OrderSigned:
    lines = lines if lines is not None else [EPTINEZUMAB]
    order_id = uuid4()
    MEMBER_IDS[order_id] = member_id  # the coverage's, not the event's
    return c.OrderSigned(
        order_id=order_id,
        practice_id="demo-clinic",
        patient_id=patient_id or uuid4(),
        urgency=urgency,
        requested_window=(c.Window(**{"from": window_from, "to": window_from})
                          if window_from else None),
        lines=[c.OrderLine(sequence=i + 1, **ln) for i, ln in enumerate(lines)],
        estimated_chair_minutes=60,
        acuity_class="standard",
        requires_driver=False,
        diagnoses=diagnoses if diagnoses is not None else ["G43.709"],
        payer=(c.PayerRef(payer_id=payer_id, plan_id=plan_id)
               if payer_id else None),
        patient_age_band="18-64" if age >= 18 else "12-17",
        patient_age_years=age,
        pediatric=age < 18,
        prescriber_id="npi-1234567893",
        prescriber_specialty=prescriber_specialty,
        catalog_version=1,
        signed_at=signed_at,
    )


def make_signed(**kw) -> SignedOrder:
    """An order.signed as the domain reads it (what the consumer hands the service)."""
    return signed_order(make_order(**kw))


def take_events(aggregate) -> list[tuple[str, c.EventPayload]]:
    """Drain what an aggregate recorded, as the (event type, contract payload) pairs the unit
    of work would write to the outbox."""
    events, aggregate.events[:] = list(aggregate.events), []
    return [(m.event_type, m.payload) for e in events for m in to_messages(e)]


@pytest.fixture(scope="session")
def book():
    return seed_book()


@pytest.fixture
def order_factory():
    return make_order

# The rest of a migraine cocktail (catalog codes and HCPCS descriptors as orders sends them).
PROCHLORPERAZINE = {"drug_code": "prochlorperazine", "hcpcs": "J0780", "hcpcs_unit": "up to 10 mg",
                    "dose": Decimal(10), "dose_unit": "mg", "mode": "push", "minutes": 2}
DIPHENHYDRAMINE = {"drug_code": "diphenhydramine", "hcpcs": "J1200", "hcpcs_unit": "up to 50 mg",
                   "dose": Decimal(25), "dose_unit": "mg", "mode": "push", "minutes": 2}
MAGNESIUM = {"drug_code": "magnesium", "hcpcs": "J3475", "hcpcs_unit": "per 500 mg",
             "dose": Decimal(2000), "dose_unit": "mg", "mode": "infusion", "minutes": 30}
COCKTAIL = [MAGNESIUM, KETOROLAC, PROCHLORPERAZINE, DIPHENHYDRAMINE]
CHLORPROMAZINE = {"drug_code": "chlorpromazine", "hcpcs": "J3230", "hcpcs_unit": "up to 50 mg",
                  "dose": Decimal(25), "dose_unit": "mg", "mode": "infusion", "minutes": 30}
