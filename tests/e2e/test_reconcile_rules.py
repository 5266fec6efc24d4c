"""The reconciliation used by the end-to-end and fault tests catches what it claims to: an
event never published or never handled, a dead letter, an effect done twice, an order whose
state disagrees with another service's. (Pure: no processes.)"""

from __future__ import annotations

from collections import namedtuple
from datetime import UTC, datetime

import pytest

from .reconcile import Messaging, World, messaging_problems, order_problems

Out = namedtuple("Out", "event_id topic key event_type sent_at")
Dead = namedtuple("Dead", "event_type topic error status")
Stock = namedtuple("Stock", "order_id line_sequence lot_number n")
NOW = datetime(2026, 11, 23, 15, tzinfo=UTC)


def healthy() -> Messaging:
    m = Messaging()
    m.outbox = {"orders": [Out("e1", "orders.events", "o1", "order.signed", NOW)],
                "scheduling": [Out("e2", "scheduling.events", "o1", "appointment.held", NOW)],
                "authorization": [], "reimbursement": []}
    # order.signed is handled by scheduling, authorization and reimbursement (the referral
    # projection, issue 17); appointment.held by orders and reimbursement.
    m.inbox = {"orders": {"e2"}, "scheduling": {"e1"}, "authorization": {"e1"},
               "reimbursement": {"e1", "e2"}}
    m.dead = {s: [] for s in m.outbox}
    m.ledgers = {"stock": [Stock("o1", 1, "L1", 1)], "units": []}
    return m


def test_a_consistent_bus_has_no_problem():
    assert messaging_problems(healthy()) == []


@pytest.mark.parametrize("breakage, expected", [
    (lambda m: m.outbox["orders"].__setitem__(0, m.outbox["orders"][0]._replace(sent_at=None)),
     "orders: 1 events not yet published"),
    (lambda m: m.inbox["authorization"].clear(), "authorization never handled 1 orders events"),
    (lambda m: m.dead["scheduling"].append(Dead("order.signed", "orders.events", "boom",
                                                "dead")), "scheduling: dead letters"),
    (lambda m: m.ledgers["stock"].append(Stock("o1", 2, "L1", 2)), "stock drawn 2x"),
])
def test_bus_problems_are_reported(breakage, expected):
    m = healthy()
    breakage(m)
    problems = messaging_problems(m)
    assert any(p.startswith(expected) for p in problems), problems


def order(status: str, auth: str = "not_required", oid: str = "o1") -> dict:
    return {"id": oid, "status": status, "authorization_status": auth}


def appt(status: str, oid: str = "o1") -> dict:
    return {"order_id": oid, "status": status}


@pytest.mark.parametrize("world, problem", [
    (World([order("administered")], [appt("completed")], [], [{"order_id": "o1"}]), None),
    (World([order("administered")], [appt("completed")], [], []), "without exactly one claim"),
    (World([order("administered")], [appt("completed")], [],
           [{"order_id": "o1"}, {"order_id": "o1"}]), "2 claims"),
    (World([order("cancelled")], [appt("booked")], [], []), "cancelled but appointment booked"),
    (World([order("scheduled")], [appt("booked"), appt("held")], [], []),
     "2 appointments hold chairs"),
    (World([order("scheduled")], [appt("cancelled")], [], []), "scheduled with 0"),
    (World([order("signed", "denied")], [appt("held")], [{"order_id": "o1",
                                                          "status": "denied"}], []),
     "PA denied but a chair is still held"),
    (World([order("scheduled", "approved")], [appt("booked")],
           [{"order_id": "o1", "status": "pended"}], []), "approved in orders, no approved case"),
    (World([order("draft")], [appt("held")], [], []), "a draft order reached other services"),
])
def test_order_states_are_checked_across_services(world, problem):
    problems = order_problems(world)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems
