"""The problem+json body of every kind of refusal the scheduling API answers, member by member
(status, type, title, detail, instance, errors and the extra members), and the outbox row of an
appointment event (type, key, subject, payload): both are public contracts."""

from __future__ import annotations

import json
from uuid import uuid4

import pytest
from fastapi import Request
from sched_it import DAY, local, setup_clinic, signed_order
from sqlalchemy import select

from scheduling.domain.appointment import Appointment

pytestmark = pytest.mark.integration
P = "urn:chairside:problem:"


def _problem(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    return r.json()


async def _book(c, order, start, chair="c01"):
    return await c.post("/v1/appointments", json={"order_id": str(order), "chair_id": chair,
                                                  "start": start.isoformat()})


async def test_not_found(svc):
    missing = uuid4()
    body = _problem(await svc.client.get(f"/v1/appointments/{missing}"), 404)
    assert body == {"type": P + "not-found", "title": "Not found", "status": 404,
                    "detail": f"appointment {missing} not found",
                    "instance": f"/v1/appointments/{missing}"}


async def test_invalid_input_names_its_field(svc):
    await setup_clinic(svc.client, chairs=1)
    order = await signed_order(svc.runtime)
    body = _problem(await _book(svc.client, order, local(9), chair="nope"), 422)
    assert body == {"type": P + "invalid-input", "title": "Validation failed", "status": 422,
                    "detail": "unknown chair nope", "instance": "/v1/appointments",
                    "errors": [{"field": "chair_id", "message": "unknown chair nope"}]}


async def test_conflict_and_illegal_transition(svc):
    await setup_clinic(svc.client, chairs=2)
    order = await signed_order(svc.runtime)
    r = await _book(svc.client, order, local(9))
    assert r.status_code == 201, r.text
    appt = r.json()["id"]
    body = _problem(await _book(svc.client, order, local(11), chair="c02"), 409)
    assert body == {"type": P + "conflict", "title": "Conflict", "status": 409,
                    "detail": f"order {order} already has an appointment; move it instead",
                    "instance": "/v1/appointments"}
    body = _problem(await svc.client.post(f"/v1/appointments/{appt}/start"), 409)
    assert body == {"type": P + "illegal-transition", "title": "Conflict", "status": 409,
                    "detail": f"appointment {appt} is held; cannot start",
                    "instance": f"/v1/appointments/{appt}/start"}


async def test_slot_unavailable_carries_reasons_and_next_options(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    first, second = await signed_order(svc.runtime), await signed_order(svc.runtime)
    assert (await _book(svc.client, first, local(9))).status_code == 201
    body = _problem(await _book(svc.client, second, local(9, 30)), 409)
    assert body == {
        "type": P + "slot-unavailable", "title": "Conflict", "status": 409,
        "detail": "chair c01 is taken at that time", "instance": "/v1/appointments",
        "reasons": [{"code": "chair_busy", "detail": "chair c01 is taken at that time"}],
        "next_options": [{"chair_id": "c01", "start": local(h, m).isoformat(),
                          "end": local(h + 1, m).isoformat()}
                         for h, m in ((10, 0), (10, 5), (10, 10), (10, 15), (10, 20))]}


async def test_busy_when_the_day_stays_locked(svc):
    async with svc.runtime.uow() as elsewhere:
        await elsewhere.lock_days(DAY)
        r = await svc.client.post("/v1/schedule/optimize",
                                  params={"date": DAY.isoformat(), "apply": "true"})
    body = _problem(r, 409)
    assert body == {"type": P + "busy", "title": "Conflict", "status": 409,
                    "detail": f"other requests are booking {DAY.isoformat()}",
                    "instance": "/v1/schedule/optimize"}


def _route_writing(svc, path: str, *appts: Appointment) -> None:
    """A route that writes appointments past every handler check: what the database's own
    guards answer when the code misses a clash."""
    async def write(request: Request) -> dict:
        async with request.app.state.runtime.uow() as uow:
            for appt in appts:
                uow.appointments.add(appt)
            await uow.commit()
        return {}
    svc.app.router.add_api_route(path, write, methods=["POST"])


def _held(order_id, chair: str, hour: int) -> Appointment:
    return Appointment.held(minutes=60, now=local(7), chair_id=chair, start=local(hour),
                            end=local(hour + 1), hold_expires_at=None, order_id=order_id)


async def test_the_database_guards_answer_409(svc):
    _route_writing(svc, "/test/overlap", _held(uuid4(), "c01", 9), _held(uuid4(), "c01", 9))
    body = _problem(await svc.client.post("/test/overlap"), 409)
    assert body == {"type": P + "slot-unavailable", "title": "Conflict", "status": 409,
                    "detail": "the chair is taken at that time", "instance": "/test/overlap",
                    "next_options": []}
    order = uuid4()
    _route_writing(svc, "/test/twice", _held(order, "c01", 9), _held(order, "c02", 11))
    body = _problem(await svc.client.post("/test/twice"), 409)
    assert body == {"type": P + "conflict", "title": "Conflict", "status": 409,
                    "detail": f"order {order} already has an appointment; move it instead",
                    "instance": "/test/twice"}


async def test_an_appointment_event_row(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    order = await signed_order(svc.runtime)
    r = await _book(svc.client, order, local(9))
    assert r.status_code == 201, r.text
    appt = r.json()
    t = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        [row] = (await session.execute(select(t))).all()
    assert (row.event_type, row.key, row.topic) == ("appointment.held", str(order),
                                                   "scheduling.events")
    assert row.headers["ce_subject"] == appt["id"]
    assert row.headers["ce_type"] == "appointment.held"
    assert json.loads(row.payload) == {
        "appointment_id": appt["id"], "order_id": str(order), "practice_id": "demo-clinic",
        "chair_id": "c01", "start": local(9).isoformat().replace("+00:00", "Z"),
        "end": local(10).isoformat().replace("+00:00", "Z"), "status": "held",
        "hold_expires_at": appt["hold_expires_at"].replace("+00:00", "Z"), "reason": None,
        "occurred_at": local(7).isoformat().replace("+00:00", "Z")}
