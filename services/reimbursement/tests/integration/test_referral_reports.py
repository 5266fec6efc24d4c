"""The referral projection on PostgreSQL, fed through the consumer's handlers (events of one
order in any order across topics), and the referral and margin reports read from it through
the service API, as JSON and CSV. Every figure is exact."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import datetime, timedelta
from decimal import Decimal as D
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from reimb_it import EPTI, KETO, T0, administered, administration, approval, setup_catalog

from chairside_shared import contracts
from reimbursement.adapters.referral_tables import referral_appointments, referrals
from reimbursement.entrypoints.consumers import HANDLERS

pytestmark = pytest.mark.integration
PROTOCOL = uuid.UUID(int=77)


def signed(order_id: uuid.UUID, practice: str, at: datetime,
           protocol: uuid.UUID | None = None) -> contracts.OrderSigned:
    line = contracts.OrderLine(sequence=1, drug_code="ketorolac", dose=D(30), dose_unit="mg",
                               mode="push", minutes=5)
    return contracts.OrderSigned(
        order_id=order_id, practice_id=practice, patient_id=uuid.uuid4(), urgency="planned",
        lines=[line], estimated_chair_minutes=60, acuity_class="standard",
        requires_driver=False, diagnoses=["G43.709"], patient_age_band="18-64",
        patient_age_years=40, pediatric=False, catalog_version=1, signed_at=at,
        protocol_id=protocol)


def appointment(order_id: uuid.UUID, status: str, at: datetime,
                appointment_id: uuid.UUID | None = None) -> contracts.AppointmentChanged:
    return contracts.AppointmentChanged(
        appointment_id=appointment_id or uuid.uuid4(), order_id=order_id, status=status,
        start=at, end=at + timedelta(hours=1), occurred_at=at)


def denial(order_id: uuid.UUID, at: datetime) -> contracts.AuthorizationDenied:
    return contracts.AuthorizationDenied(case_id=uuid.uuid4(), order_id=order_id,
                                         payer_id="medicare", reason="criteria", decided_at=at)


async def consume(svc, event_type: str, payload) -> None:
    """What the consumer does with one event: the handler in one committed transaction."""
    async with svc.runtime.uow() as uow:
        await HANDLERS[event_type](uow, SimpleNamespace(payload=payload))
        await uow.commit()


async def test_projection_folds_events_in_any_order_and_reports_per_practice(svc):
    c = svc.client
    await setup_catalog(c)
    a1, a2, a3, b1 = (uuid.uuid4() for _ in range(4))
    appt = uuid.uuid4()
    # a1: the appointment and the PA decisions arrive before the signature (other topics)
    await consume(svc, "appointment.booked", appointment(a1, "booked", T0 - timedelta(days=2),
                                                         appt))
    await consume(svc, "authorization.approved", approval(a1))  # decided at T0
    await consume(svc, "authorization.denied", denial(a1, T0 - timedelta(hours=1)))  # older
    await consume(svc, "order.signed", signed(a1, "p-a", T0 - timedelta(days=3), PROTOCOL))
    await consume(svc, "appointment.started", appointment(a1, "in_chair",
                                                          T0 - timedelta(minutes=10), appt))
    await consume(svc, "order.administered", administered(
        administration(1, "eptinezumab", EPTI, "300", 0, 35),
        administration(2, "ketorolac", KETO, "30", 40, 41, "push"), order_id=a1))
    # a late "booked" (an older event) does not undo "in_chair"
    await consume(svc, "appointment.booked", appointment(a1, "booked", T0 - timedelta(days=1),
                                                         appt))
    # a2: a no-show, then a kept visit that is not given yet; PA denied
    await consume(svc, "order.signed", signed(a2, "p-a", T0 - timedelta(days=1)))
    await consume(svc, "appointment.no_show", appointment(a2, "no_show", T0))
    await consume(svc, "appointment.checked_in", appointment(a2, "checked_in",
                                                             T0 + timedelta(days=1)))
    await consume(svc, "authorization.denied", denial(a2, T0))
    # a3: signed in April; b1: the other practice, given the same day
    await consume(svc, "order.signed", signed(a3, "p-a", T0 + timedelta(days=40)))
    await consume(svc, "order.signed", signed(b1, "p-b", T0 - timedelta(hours=3)))
    await consume(svc, "order.administered", administered(
        administration(1, "ketorolac", KETO, "30", 0, 1, "push"), order_id=b1))

    async with svc.runtime.session_factory() as session:
        row = (await session.execute(sa.select(referrals).where(
            referrals.c.order_id == a1))).mappings().one()
        status = (await session.execute(sa.select(referral_appointments.c.status).where(
            referral_appointments.c.appointment_id == appt))).scalar_one()
    assert (row["practice_id"], row["protocol_id"], row["pa_decision"]) == (
        "p-a", str(PROTOCOL), "approved")
    assert row["first_chair_at"] == T0 - timedelta(minutes=10) and status == "in_chair"

    r = await c.get("/v1/reports/referrals", params={"from": "2026-02-15", "to": "2026-04-30"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["from"], body["to"], body["period"]) == ("2026-02-01", "2026-04-30", "month")
    rows = {(x["practice_id"], x["period_start"]): x for x in body["rows"]}
    assert set(rows) == {("p-a", "2026-02-01"), ("p-a", "2026-03-01"), ("p-a", "2026-04-01"),
                         ("p-b", "2026-03-01")}
    feb = rows[("p-a", "2026-02-01")]  # a1 was signed Feb 27
    assert (feb["orders_received"], feb["converted_to_visits"], feb["conversion_rate"]) == (
        1, 1, "1")
    assert (feb["median_days_to_chair"], feb["no_show_rate"], feb["pa_approval_rate"]) == (
        "3", "0", "1")
    mar = rows[("p-a", "2026-03-01")]
    assert (mar["orders_received"], mar["converted_to_visits"], mar["no_shows"],
            mar["appointments_ended"], mar["no_show_rate"], mar["pa_approval_rate"]) == (
        1, 0, 1, 2, "0.5", "0")
    assert mar["median_days_to_chair"] is None
    pb = rows[("p-b", "2026-03-01")]
    assert (pb["converted_to_visits"], pb["median_days_to_chair"], pb["pa_decided"]) == (
        1, "0.1", 0)

    r = await c.get("/v1/reports/referrals.csv", params={
        "from": "2026-03-01", "to": "2026-03-31", "practice_id": "p-b", "period": "week"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    [only] = list(csv.DictReader(io.StringIO(r.text)))
    assert (only["practice_id"], only["period_start"], only["orders_received"],
            only["conversion_rate"], only["pa_approval_rate"]) == (
        "p-b", "2026-03-02", "1", "1.0000", "")

    for bad, field in (({"from": "2026-04-01", "to": "2026-03-01"}, "to"),
                       ({"period": "year"}, "period"),
                       ({"from": "2020-01-01", "to": "2026-01-01"}, "from")):
        r = await c.get("/v1/reports/referrals", params=bad)
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == field, r.text

    # margin by practice and by protocol over the two claims built from the visits
    period = {"from": "2026-03-01", "to": "2026-03-31"}
    r = await c.get("/v1/reports/margin", params=period | {"by": "practice"})
    by_practice = {x["key"]: x for x in r.json()["rows"]}
    assert r.status_code == 200 and set(by_practice) == {"demo-clinic"}  # the claims' practice
    r = await c.get("/v1/reports/margin", params=period | {"by": "protocol"})
    by_protocol = {x["key"]: x["claims"] for x in r.json()["rows"]}
    assert by_protocol == {str(PROTOCOL): 1, "no-protocol": 1}
    r = await c.get("/v1/reports/margin.csv", params=period | {"by": "protocol"})
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert r.status_code == 200 and {x["key"] for x in table} == set(by_protocol)
    total = sum(D(x["margin"]) for x in table)
    assert total == sum(D(x["margin"]) for x in by_practice.values())
