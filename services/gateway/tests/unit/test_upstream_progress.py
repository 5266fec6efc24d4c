"""Which failed upstream requests count as never sent (and so may be sent again whatever
their method): decided from httpcore's trace events, because httpcore hides write errors."""

import asyncio

import httpx
import pytest

from gateway.adapters.upstream import Progress

HEAD, BODY = "http11.send_request_headers", "http11.send_request_body"


def progress_after(*events: str) -> Progress:
    p = Progress()

    async def feed():
        for e in events:
            await p(e, {})

    asyncio.run(feed())
    return p


@pytest.mark.parametrize("events,exc,has_body,never_sent", [
    ((), httpx.ConnectError("refused"), True, True),
    ((), httpx.ConnectTimeout("slow"), False, True),
    ((), httpx.PoolTimeout("busy"), True, True),
    ((f"{HEAD}.started", f"{HEAD}.failed"), httpx.ReadError(""), False, True),
    ((f"{HEAD}.started", f"{HEAD}.complete", f"{BODY}.started", f"{BODY}.failed"),
     httpx.ReadError(""), True, True),  # reset mid-body: httpcore reads on, then fails
    ((f"{HEAD}.started", f"{HEAD}.complete", f"{BODY}.started", f"{BODY}.complete"),
     httpx.RemoteProtocolError("Server disconnected"), True, False),
    ((f"{HEAD}.started", f"{HEAD}.complete"), httpx.ReadError(""), False, False),
    ((f"{HEAD}.started", f"{HEAD}.complete", f"{BODY}.started", f"{BODY}.complete"),
     httpx.ReadTimeout("slow"), True, False),
    # httpcore retried on another connection: only the last try counts.
    ((f"{HEAD}.started", f"{HEAD}.complete", f"{HEAD}.started", f"{HEAD}.failed"),
     httpx.ReadError(""), False, True),
])
def test_never_sent(events, exc, has_body, never_sent):
    assert progress_after(*events).never_sent(exc, has_body) is never_sent
