"""The gateway's upstream connection pool (adapters/pool.py) against a real socket server:
bounded connections, reuse of the most recent idle one, a bounded wait for a free one, and
no reuse of a connection the service closed."""

import asyncio

import httpx
import pytest

from gateway.adapters.pool import lifo_transport

pytestmark = pytest.mark.integration
BODY = b'{"items": []}'


class HeldServer:
    """HTTP/1.1 on loopback: answers each request once `release` is set; counts connections."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.release.set()
        self.accepted = 0
        self.open = self.most_open = 0
        self.writers: list[asyncio.StreamWriter] = []

    async def start(self) -> str:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        self.open += 1
        self.most_open = max(self.most_open, self.open)
        self.writers.append(writer)
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                await self.release.wait()
                writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                             b"content-length: %d\r\n\r\n%s" % (len(BODY), BODY))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self.open -= 1
            writer.close()

    async def stop(self) -> None:
        self.server.close()
        for w in self.writers:
            w.close()


@pytest.fixture
async def held():
    server = HeldServer()
    url = await server.start()
    yield server, url
    await server.stop()


async def get(transport: httpx.AsyncHTTPTransport, url: str, pool_s: float = 5) -> httpx.Response:
    r = await transport.handle_async_request(httpx.Request("GET", url + "/v1/drugs", extensions={
        "timeout": {"connect": 2, "read": 5, "write": 5, "pool": pool_s}}))
    try:
        await r.aread()
    finally:
        await r.aclose()
    return r


async def test_requests_in_flight_share_at_most_max_connections_then_reuse_them(held):
    server, url = held
    pool = lifo_transport(max_connections=3, max_keepalive=3, keepalive_expiry=30)
    server.release.clear()
    calls = [asyncio.create_task(get(pool, url)) for _ in range(8)]
    await asyncio.sleep(0.3)
    assert server.open == 3  # the other five wait for one of these
    server.release.set()
    answers = await asyncio.gather(*calls)
    assert [r.status_code for r in answers] == [200] * 8
    assert [r.content for r in answers] == [BODY] * 8
    assert server.accepted == 3 and server.most_open == 3
    for _ in range(5):  # one at a time: the most recent idle connection, no new one
        assert (await get(pool, url)).status_code == 200
    assert server.accepted == 3
    await pool.aclose()


async def test_no_connection_free_within_the_pool_timeout_is_a_pool_timeout(held):
    server, url = held
    pool = lifo_transport(max_connections=1, max_keepalive=1, keepalive_expiry=30)
    server.release.clear()
    first = asyncio.create_task(get(pool, url))
    await asyncio.sleep(0.2)
    with pytest.raises(httpx.PoolTimeout):
        await get(pool, url, pool_s=0.2)
    server.release.set()
    assert (await first).status_code == 200
    assert (await get(pool, url)).status_code == 200  # the waiter's give-up left no debt
    assert server.accepted == 1
    await pool.aclose()


async def test_an_idle_connection_the_service_closed_is_not_reused(held):
    server, url = held
    pool = lifo_transport(max_connections=2, max_keepalive=2, keepalive_expiry=30)
    assert (await get(pool, url)).status_code == 200
    server.writers[0].close()  # the service drops the kept-alive connection
    await asyncio.sleep(0.1)
    assert (await get(pool, url)).status_code == 200
    assert server.accepted == 2
    await pool.aclose()


async def test_no_keepalive_opens_a_new_connection_per_request(held):
    server, url = held
    pool = lifo_transport(max_connections=2, max_keepalive=0, keepalive_expiry=30)
    for _ in range(3):
        assert (await get(pool, url)).status_code == 200
    assert server.accepted == 3
    await pool.aclose()
