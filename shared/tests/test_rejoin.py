"""The watch a member keeps after a broker reset (messaging/rejoin.py), on a stand-in member
and clock: when it joins afresh, and when it leaves things be. (The reset itself, on the real
broker: tests/foundation/test_broker_reset_late_topics.py.)"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from chairside_shared.messaging.rejoin import EmptyAfterReset


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Coordinator:
    def __init__(self) -> None:
        self.group_id, self.member_id = "orders", "orders-1"
        self.sent: list[object] = []
        self.resets = 0

    async def _send_req(self, request: object) -> None:
        self.sent.append(request)

    def reset_generation(self) -> None:
        self.resets += 1
        self.member_id = ""


class Member:
    def __init__(self, *, partitions: dict[str, int]) -> None:
        self.partitions = partitions
        self.held: set[tuple[str, int]] = set()
        self._coordinator = Coordinator()
        self._client = SimpleNamespace(cluster=SimpleNamespace(
            partitions_for_topic=lambda t: set(range(self.partitions.get(t, 0))) or None))

    def assignment(self) -> set[tuple[str, int]]:
        return self.held


def watch(clock: Clock) -> EmptyAfterReset:
    return EmptyAfterReset("orders", ["orders.events", "scheduling.events"], clock=clock,
                           settle_s=3, watch_s=60, give_up_s=20)


def step(w: EmptyAfterReset, member: Member) -> bool:
    return asyncio.run(w.keep_watching(member))


def test_an_empty_member_whose_topics_are_back_joins_afresh_once_then_gives_up():
    clock, member = Clock(), Member(partitions={"orders.events": 3, "scheduling.events": 1})
    w = watch(clock)
    assert step(w, member)
    clock.now += 2.9
    assert step(w, member) and member._coordinator.resets == 0  # not settled yet
    clock.now += 0.2
    assert step(w, member)
    coordinator = member._coordinator
    assert coordinator.resets == 1 and len(coordinator.sent) == 1  # left, then a new member
    assert type(coordinator.sent[0]).__name__.startswith("LeaveGroupRequest")
    clock.now += 19
    assert step(w, member) and coordinator.resets == 1  # once per reset
    clock.now += 2
    assert not step(w, member)  # still nothing: more members than partitions


def test_the_fresh_member_that_gets_partitions_ends_the_watch():
    clock, member = Clock(), Member(partitions={"orders.events": 3, "scheduling.events": 1})
    w = watch(clock)
    step(w, member)
    clock.now += 3
    step(w, member)
    member.held = {("orders.events", 0)}
    assert not step(w, member)


def test_no_fresh_join_while_a_topic_is_missing():
    clock, member = Clock(), Member(partitions={"orders.events": 3})
    w = watch(clock)
    for _ in range(10):
        clock.now += 5
        assert step(w, member)
    assert member._coordinator.resets == 0  # nothing to hold yet: the empty assignment is right
    member.partitions["scheduling.events"] = 1  # the owner re-created it
    step(w, member)
    clock.now += 3
    step(w, member)
    assert member._coordinator.resets == 1


def test_a_member_that_keeps_its_partitions_is_left_alone_and_the_watch_ends():
    clock, member = Clock(), Member(partitions={"orders.events": 3, "scheduling.events": 1})
    member.held = {("orders.events", 0)}
    w = watch(clock)
    for _ in range(12):
        clock.now += 5
        assert step(w, member)
    clock.now += 1
    assert not step(w, member)  # 61 s after the reset
    assert member._coordinator.resets == 0


def test_a_member_that_loses_its_partitions_after_the_reset_is_still_watched():
    # it noticed the reset while holding its old partitions; the next heartbeat found the new
    # broker did not know it, and it rejoined to nothing
    clock, member = Clock(), Member(partitions={"orders.events": 3, "scheduling.events": 1})
    member.held = {("orders.events", 0)}
    w = watch(clock)
    step(w, member)
    clock.now += 10
    member.held = set()
    step(w, member)
    clock.now += 3
    step(w, member)
    assert member._coordinator.resets == 1
