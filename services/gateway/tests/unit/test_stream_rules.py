"""The live stream's pure rules: who sees what, what is sent, ids and the replay window."""

from datetime import UTC, datetime

import pytest

from gateway.domain.principal import PARTNER_SCOPES, Principal
from gateway.domain.stream import (
    BadEventId,
    StreamEvent,
    decode_position,
    encode_position,
    stream_data,
    visible_to,
)
from gateway.service.stream.window import ReplayWindow

TOPICS = ("a.events", "b.events")
STAFF = Principal("staff", frozenset({"schedule:read", "billing:read"}))
PARTNER = Principal("p", PARTNER_SCOPES, practice_id="demo-partner")


def ev(type_: str = "appointment.booked", practice: str | None = "demo-partner") -> StreamEvent:
    return StreamEvent("e1", type_, datetime.now(UTC), practice, {})


def test_a_partner_sees_only_its_practice_and_never_unowned_events():
    assert visible_to(PARTNER, ev())
    assert not visible_to(PARTNER, ev(practice="practice-b"))
    assert not visible_to(PARTNER, ev(practice=None))
    assert visible_to(STAFF, ev(practice=None)) and visible_to(STAFF, ev(practice="practice-b"))


def test_each_type_needs_its_scope_and_the_filter():
    assert not visible_to(STAFF, ev("order.signed"))  # no orders:read
    assert visible_to(STAFF, ev("claim.paid"))
    assert not visible_to(STAFF, ev("claim.paid"), frozenset({"appointment.booked"}))
    assert not visible_to(STAFF, ev("unknown.thing"))


def test_only_ids_states_and_times_are_sent():
    sent = stream_data({"appointment_id": "a", "status": "booked", "reason": "free text",
                        "total_charge": "10.00", "chair_id": "C1", "term": "rash"})
    assert sent == {"appointment_id": "a", "status": "booked", "chair_id": "C1"}


def test_positions_round_trip_and_forgeries_are_refused():
    pos = {("a.events", 0): 17, ("b.events", 2): 4}
    text = encode_position(pos, TOPICS)
    assert decode_position(text, TOPICS) == pos
    for bad in ("", "v1.!!", "v2.abc", "v1." + "A" * 5000, "v1.OTo5Ojk"):  # 9:9:9: no topic 9
        with pytest.raises(BadEventId):
            decode_position(bad, TOPICS)


def test_the_window_replays_what_came_after_a_position_or_says_it_is_gone():
    now = [0.0]
    w = ReplayWindow(TOPICS, max_events=3, max_age_s=60, clock=lambda: now[0])
    w.track(("a.events", 0), 0, 0)
    w.track(("b.events", 0), 0, 0)
    first = w.append(("a.events", 0), 0, ev())
    w.append(("b.events", 0), 0, ev())
    w.append(("a.events", 0), 1, ev())
    after_first = w.after(decode_position(first.id, TOPICS))
    assert after_first is not None
    assert [(e.tp[0], e.offset) for e in after_first] == [("b.events", 0), ("a.events", 1)]
    w.append(("a.events", 0), 2, ev())  # the window holds 3: the first event is gone
    assert w.after({}) is None  # from the start: lost
    assert w.after(decode_position(first.id, TOPICS)) is not None  # had it: fine
    now[0] = 120.0  # all too old now
    assert w.after(decode_position(first.id, TOPICS)) is None
