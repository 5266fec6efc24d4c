"""GET /v1/stream on the real broker: events published on the bus reach connected clients."""

from __future__ import annotations

import asyncio
import socket
from contextlib import asynccontextmanager

import pytest
from gateway_testkit.sse import Bus, open_stream
from gateway_testkit.walk import add_partner

from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import eventually
from gateway.service.stream.live import STREAM_TOPICS
from gateway.settings import GatewaySettings

pytestmark = pytest.mark.integration


@pytest.fixture
async def bus(broker):
    await ensure_topics(GatewaySettings(KAFKA_BOOTSTRAP_SERVERS=broker.bootstrap_servers),
                        list(STREAM_TOPICS), client_id="stream-test")
    b = await Bus(broker.bootstrap_servers).start()
    yield b
    await b.stop()


@pytest.fixture
def start_streaming(start_gateway, broker, bus):
    """A gateway reading the test broker, once its reader has caught up with the bus."""

    @asynccontextmanager
    async def start(**overrides):
        overrides.setdefault("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap_servers)
        overrides.setdefault("stream_enabled", True)
        async with start_gateway(**overrides) as g:
            await asyncio.wait_for(g.gw.stream.hub.caught_up.wait(), 30)
            yield g

    return start


async def read_by(g, event_id: str) -> None:
    """Wait until the gateway's reader has the event (published events arrive a little later)."""
    await eventually(lambda: _held(g, event_id))


async def _held(g, event_id: str) -> bool:
    return any(e.event.event_id == event_id for e in g.gw.stream.hub.window.entries)


async def test_events_reach_clients_in_order_scoped_by_practice(start_streaming, bus):
    async with start_streaming() as g, \
            open_stream(g.client, await g.auth("demo-admin")) as staff, \
            open_stream(g.client, await g.auth("demo-partner")) as partner:
        sent = [
            await bus.appointment("booked", "demo-partner"),
            await bus.appointment("booked", "practice-b"),
            await bus.appointment("queued", None),
            await bus.claim("created", "demo-partner"),
            await bus.appointment("cancelled", "demo-partner"),
        ]
        got = await staff.events(5)
        # In order per topic partition (one key: one partition); claims are another topic.
        appointments = [m.data["id"] for m in got if m.event.startswith("appointment.")]
        assert appointments == [sent[0], sent[1], sent[2], sent[4]]
        assert [m.event for m in got if m.data["id"] in appointments] == [
            "appointment.booked", "appointment.booked", "appointment.queued",
            "appointment.cancelled"]
        assert {m.data["id"] for m in got} == set(sent)
        # The claim may overtake the appointments (another topic): the first appointment event.
        first = next(m.data for m in got if m.event.startswith("appointment."))
        assert first["type"] == "appointment.booked" and first["practice_id"] == "demo-partner"
        assert set(first["data"]) >= {"appointment_id", "order_id", "chair_id", "start", "end",
                                      "status"}
        assert "reason" not in first["data"]  # free text never leaves the bus
        mine = await partner.events(3)
        assert [m.data["id"] for m in mine if m.event != "claim.created"] == [sent[0], sent[4]]
        assert {m.data["id"] for m in mine} == {sent[0], sent[3], sent[4]}
        # Nothing else is pending for the partner: practice B's and the unowned event never
        # come, the next one it gets is its own.
        later = await bus.appointment("completed", "demo-partner")
        assert (await partner.next()).data["id"] == later


async def test_event_types_follow_the_token_scopes_and_the_types_filter(start_streaming, bus):
    async with start_streaming() as g:
        scheduler = await g.auth("demo-admin", scope="schedule:read")
        async with open_stream(g.client, scheduler) as sched, \
                open_stream(g.client, await g.auth("demo-admin"),
                            types="appointment.cancelled,claim.paid") as picky:
            await bus.claim("created")
            booked = await bus.appointment("booked")
            paid = await bus.claim("paid")
            cancelled = await bus.appointment("cancelled")
            assert [m.data["id"] for m in await sched.events(2)] == [booked, cancelled]
            assert {m.data["id"] for m in await picky.events(2)} == {paid, cancelled}
        r = await g.client.get("/v1/stream", params={"types": "appointment.booked,nope.x"},
                               headers=scheduler)
        assert r.status_code == 422
        assert r.json()["errors"] == [{"field": "types", "message": "unknown event type: nope.x"}]
        r = await g.client.get("/v1/stream", params={"types": "claim.paid"}, headers=scheduler)
        assert r.status_code == 403 and "billing:read" in r.json()["detail"]
        r = await g.client.get("/v1/stream", headers=await g.auth("demo-admin", scope="admin"))
        assert r.status_code == 403
        assert (await g.client.get("/v1/stream")).status_code == 401


async def test_resume_with_last_event_id_on_the_same_and_another_replica(start_streaming, bus):
    async with start_streaming() as g:
        headers = await g.auth("demo-admin")
        async with open_stream(g.client, headers) as s:
            a = await bus.appointment("booked", key="k1")
            got_a = await s.next()
            assert got_a.data["id"] == a
        # Disconnected: these happen while the client is away (spread over partitions).
        missed = [await bus.appointment("moved", key=f"k{i}") for i in range(6)]
        for event_id in missed:
            await read_by(g, event_id)
        async with open_stream(g.client, {**headers, "Last-Event-ID": got_a.id}) as s:
            again = await s.events(6)
            assert sorted(m.data["id"] for m in again) == sorted(missed)
            live = await bus.appointment("cancelled")
            assert (await s.next()).data["id"] == live
        # A second replica, started now, resumes the same client from the same id.
        async with start_streaming() as other, \
                open_stream(other.client, {**await other.auth("demo-admin"),
                                           "Last-Event-ID": got_a.id}) as s2:
            again = await s2.events(7)
            assert sorted(m.data["id"] for m in again) == sorted([*missed, live])
            assert all(m.event != "reset" for m in again)


async def test_a_position_older_than_the_window_gets_a_reset(start_streaming, bus):
    async with start_streaming(stream_window_events=3) as g:
        headers = await g.auth("demo-admin")
        async with open_stream(g.client, headers) as s:
            await bus.appointment("booked")
            old = await s.next()
        moved = [await bus.appointment("moved") for _ in range(5)]
        await read_by(g, moved[-1])
        async with open_stream(g.client, {**headers, "Last-Event-ID": old.id}) as s:
            reset = await s.next()
            assert reset.event == "reset" and reset.data["reason"] == "outside-window"
            live = await bus.appointment("cancelled")
            assert (await s.next()).data["id"] == live  # the stream goes on from now
        async with open_stream(g.client, {**headers, "Last-Event-ID": "forged"}) as s:
            assert (await s.next()).event == "reset"


async def test_heartbeats_on_an_idle_stream_carry_a_resumable_id(start_streaming, bus):
    async with start_streaming(stream_heartbeat_s=0.2) as g:
        headers = await g.auth("demo-partner")
        async with open_stream(g.client, headers) as s:
            beat = await s.next(comments=True)
            assert beat.comments == ["hb"] and beat.id
        await bus.appointment("booked", "demo-partner")
        async with open_stream(g.client, {**headers, "Last-Event-ID": beat.id}) as s:
            assert (await s.next()).event == "appointment.booked"


async def test_with_the_stream_off_the_route_is_a_503(start_gateway):
    async with start_gateway() as g:  # the test kit's gateways read no bus
        r = await g.client.get("/v1/stream", headers=await g.auth("demo-admin"))
        assert r.status_code == 503 and r.headers["retry-after"]


async def test_a_stream_ends_after_its_longest_duration(start_streaming):
    async with start_streaming(stream_max_duration_s=0.5, stream_heartbeat_s=0.1) as g, \
            open_stream(g.client, await g.auth("demo-admin")) as s:
        with pytest.raises(EOFError):
            for _ in range(100):
                await s.next(comments=True)
        assert not g.gw.stream.hub.subscribers


async def _silent_client(url: str, token: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """Opens a stream and then reads nothing (a tiny receive buffer, so the gateway's writes
    back up soon)."""
    host, port = url.removeprefix("http://").split(":")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, (host, int(port)))
    reader, writer = await asyncio.open_connection(sock=sock)
    writer.write(f"GET /v1/stream HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n"
                 f"Accept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    return reader, writer


async def test_a_client_that_stops_reading_is_dropped_while_others_keep_receiving(
        start_streaming, bus):
    async with start_streaming(stream_queue_size=64) as g:
        hub = g.gw.stream.hub
        reader, writer = await _silent_client(g.url, await g.token("demo-admin"))
        try:
            await eventually(lambda: _count(hub, 1))
            async with open_stream(g.client, await g.auth("demo-admin")) as normal:
                await eventually(lambda: _count(hub, 2))
                received_ids: list[str] = []
                reading = asyncio.create_task(_collect(normal, received_ids))
                sent: list[str] = []
                # Until the silent client's socket buffers (several MB on loopback) are full
                # and its queue overflows; the normal client reads all along.
                while hub.dropped_total == 0 and len(sent) < 40_000:
                    sent += [await bus.appointment("booked", key="slow", wait=False)
                             for _ in range(250)]
                    await bus.producer.flush()
                    await asyncio.sleep(0.05)
                assert hub.dropped_total == 1 and len(hub.subscribers) == 1
                await eventually(lambda: _has(received_ids, len(sent)), timeout_s=60)
                reading.cancel()
                assert received_ids == sent  # every event, in order, past the other's stall
            # The silent client's connection was closed by the gateway: what it had buffered,
            # then the end.
            received = await asyncio.wait_for(reader.read(), 30)
            assert received.startswith(b"HTTP/1.1 200") and sent[-1].encode() not in received
        finally:
            writer.close()


async def _count(hub, n: int) -> bool:
    return len(hub.subscribers) == n


async def _collect(reader, into: list[str]) -> None:
    while True:
        into.append((await reader.next(60)).data["id"])


async def _has(items: list[str], n: int) -> bool:
    return len(items) >= n


async def test_two_partners_each_receive_only_their_own_practice(start_streaming, bus):
    async with start_streaming() as g:
        secret_b = await add_partner(g.gw, "partner-b", "practice-b")
        async with open_stream(g.client, await g.auth("demo-partner")) as a, \
                open_stream(g.client, await g.auth("partner-b", secret=secret_b)) as b:
            for_b = await bus.appointment("booked", "practice-b")
            for_a = await bus.appointment("booked", "demo-partner")
            await bus.appointment("queued", None)
            also_b = await bus.appointment("cancelled", "practice-b")
            assert [m.data["id"] for m in await b.events(2)] == [for_b, also_b]
            assert (await a.next()).data["id"] == for_a
            last_a = await bus.appointment("completed", "demo-partner")
            assert (await a.next()).data["id"] == last_a  # nothing of B's came in between
