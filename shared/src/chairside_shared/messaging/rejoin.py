"""A member left with no partitions after a broker reset, on the embedded broker.

After a reset a member may rejoin its group before the topics' owner has created them again,
and rightly gets no partitions. Once the topics exist aiokafka notices, rejoins and, as the
group's leader, computes the full assignment; but the embedded broker (Tansu 0.6), whose group
stays at generation 0 when its only member rejoins, answers that SyncGroup with the assignment
it stored the first time: none (seen in tests/foundation/test_broker_reset_late_topics.py's
log: the leader assigned partitions [0, 1, 2], SyncGroupResponse carried an empty one). The
member would hold nothing for ever, and the events published after the reset would never be
read. So a member that noticed a reset and still holds nothing a few seconds after its topics
have partitions leaves the group and joins as a new member (a fresh group on the broker),
once per reset. If it still holds nothing after that, the group has more members than
partitions: nothing of its own to rewind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from aiokafka import AIOKafkaConsumer

from chairside_shared.messaging.closing import send_leave_group

log = logging.getLogger("chairside.consumer")

# How long a member may hold nothing, its topics present, before it joins again as a new one
# (a normal rejoin after a topic appears takes about a second on the embedded broker).
SETTLE_S = 3.0
# How long after a reset is noticed the member is watched: the member may still hold its old
# partitions when it notices, and lose them at its next heartbeat (the new broker does not know
# it) and rejoin to nothing; the topics' owner re-creates them at its next broker check.
WATCH_S = 60.0
# How long after the fresh join it may still hold nothing before that is taken as its share.
GIVE_UP_S = 20.0


class EmptyAfterReset:
    """Watches one member for a while after it noticed a broker reset."""

    def __init__(self, group_id: str, topics: list[str], *, clock: Callable[[], float],
                 settle_s: float = SETTLE_S, watch_s: float = WATCH_S,
                 give_up_s: float = GIVE_UP_S) -> None:
        self.group_id, self.topics, self.clock = group_id, topics, clock
        self.settle_s, self.watch_s, self.give_up_s = settle_s, watch_s, give_up_s
        self._armed_at = clock()
        self._empty_since: float | None = None
        self._rejoined_at: float | None = None

    async def keep_watching(self, consumer: AIOKafkaConsumer) -> bool:
        """Call after every poll; False once the watch is over."""
        now = self.clock()
        if self._rejoined_at is not None:  # joined afresh: over once it holds partitions
            return not consumer.assignment() and now - self._rejoined_at < self.give_up_s
        if now - self._armed_at > self.watch_s:
            return False
        if consumer.assignment() or not self._topics_present(consumer):
            self._empty_since = None  # holding something, or rightly nothing for now
            return True
        if self._empty_since is None:
            self._empty_since = now
        if now - self._empty_since >= self.settle_s:
            await self._join_as_new_member(consumer)
            self._rejoined_at = now
        return True

    def _topics_present(self, consumer: AIOKafkaConsumer) -> bool:
        # aiokafka 0.14 (pinned): the client's metadata is only reachable as an attribute.
        cluster = consumer._client.cluster
        return all(cluster.partitions_for_topic(t) for t in self.topics)

    async def _join_as_new_member(self, consumer: AIOKafkaConsumer) -> None:
        log.warning("consumer %s: no partitions %.0f s after its topics came back from a "
                    "broker reset; joining the group again as a new member", self.group_id,
                    self.settle_s)
        coordinator = consumer._coordinator
        await send_leave_group(coordinator)
        coordinator.reset_generation()  # a new member id, and a rejoin
