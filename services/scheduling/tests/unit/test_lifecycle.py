"""Appointment lifecycle: every legal transition emits its event; every illegal one raises."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scheduling.domain.appointment import Appointment, Status
from scheduling.domain.errors import Conflict, IllegalTransition

NOW = datetime(2025, 3, 4, 13, 0, tzinfo=UTC)
START = NOW + timedelta(hours=2)


def held() -> Appointment:
    return Appointment.held(minutes=60, now=NOW, chair_id="c01", start=START,
                            end=START + timedelta(minutes=60),
                            hold_expires_at=NOW + timedelta(hours=1), acuity_class="standard")


def test_happy_path_emits_one_event_per_step():
    a = held()
    a.confirm(NOW)
    a.check_in(NOW)
    a.start_visit(START)
    freed = a.complete(START + timedelta(minutes=60))
    assert a.status is Status.COMPLETED and not freed
    assert [e.type for e in a.events] == [
        "appointment.held", "appointment.booked", "appointment.checked_in",
        "appointment.started", "appointment.completed",
    ]
    assert [e.status for e in a.events] == ["held", "booked", "checked_in", "in_chair",
                                            "completed"]
    assert a.events[0].hold_expires_at == NOW + timedelta(hours=1)
    assert a.events[1].hold_expires_at is None
    assert a.version == 5


def test_early_finish_frees_chair_time():
    a = held()
    a.confirm(NOW), a.check_in(NOW), a.start_visit(START)
    assert a.complete(START + timedelta(minutes=20)) is True
    assert a.end == START + timedelta(minutes=20)
    assert a.events[-1].end == START + timedelta(minutes=20)


def test_queue_then_place():
    q = Appointment.queued(minutes=90, now=NOW, urgency="same_day", priority=1)
    assert q.status is Status.QUEUED and q.queued_at == NOW
    q.place(chair_id="c02", start=START, end=START + timedelta(minutes=90),
            hold_expires_at=None, now=NOW)
    assert [e.type for e in q.events] == ["appointment.queued", "appointment.held"]


def test_move_keeps_status_and_emits_moved():
    a = held()
    a.move(chair_id="c03", start=START + timedelta(minutes=30),
           end=START + timedelta(minutes=90), now=NOW)
    assert a.status is Status.HELD and a.chair_id == "c03"
    assert a.events[-1].type == "appointment.moved"
    a.confirm(NOW)
    a.move(chair_id="c01", start=START, end=START + timedelta(minutes=60), now=NOW)
    assert a.status is Status.BOOKED


def test_hold_expiry():
    a = held()
    with pytest.raises(Conflict):
        a.expire_hold(NOW + timedelta(minutes=59))
    a.expire_hold(NOW + timedelta(hours=1))
    assert a.status is Status.CANCELLED and a.reason == "hold_expired"
    assert a.events[-1].type == "appointment.cancelled"
    b = held()
    b.confirm(NOW)
    with pytest.raises(IllegalTransition):
        b.expire_hold(NOW + timedelta(days=1))


ACTIONS = {
    "confirm": lambda a: a.confirm(NOW),
    "move": lambda a: a.move(chair_id="c09", start=START, end=START + timedelta(minutes=5),
                             now=NOW),
    "check_in": lambda a: a.check_in(NOW),
    "start": lambda a: a.start_visit(NOW),
    "complete": lambda a: a.complete(NOW),
    "cancel": lambda a: a.cancel("staff", NOW),
    "no_show": lambda a: a.mark_no_show(NOW),
    "place": lambda a: a.place(chair_id="c01", start=START, end=START + timedelta(minutes=5),
                               hold_expires_at=None, now=NOW),
}

LEGAL = {
    Status.QUEUED: {"place", "cancel"},
    Status.HELD: {"confirm", "move", "cancel"},
    Status.BOOKED: {"move", "check_in", "cancel", "no_show"},
    Status.CHECKED_IN: {"start", "cancel", "move"},
    Status.IN_CHAIR: {"complete"},
    Status.COMPLETED: set(),
    Status.CANCELLED: set(),
    Status.NO_SHOW: set(),
}


def in_status(status: Status) -> Appointment:
    a = held()
    a.status = status
    a.events.clear()
    return a


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_transition_table(status, action):
    a = in_status(status)
    before = (a.status, a.chair_id, a.start, a.version)
    if action in LEGAL[status]:
        ACTIONS[action](a)
        assert len(a.events) == 1
    else:
        with pytest.raises(IllegalTransition) as err:
            ACTIONS[action](a)
        assert err.value.status == 409
        assert (a.status, a.chair_id, a.start, a.version) == before and a.events == []


@given(st.lists(st.sampled_from(list(ACTIONS)), max_size=12))
def test_random_action_sequences_follow_the_table(actions):
    a = held()
    for action in actions:
        was = a.status
        try:
            ACTIONS[action](a)
        except IllegalTransition:
            assert action not in LEGAL[was]
        else:
            assert action in LEGAL[was]
    # every recorded event carries the state after its change, in order
    assert [e.status for e in a.events][-1:] == ([a.status] if a.events else [])
