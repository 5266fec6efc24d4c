"""The upstream connection (adapters/h1.py) reads every way a service may frame its answer,
and names what is not an answer as httpcore would."""

from __future__ import annotations

import asyncio

import httpcore
import pytest

from gateway.adapters.h1 import H1Connection


async def _serve(answer: bytes, *, close: bool):
    """A server that reads one request head and writes `answer` (then closes if asked)."""
    seen: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(answer)
        await writer.drain()
        if close:
            writer.close()
        else:
            await asyncio.sleep(5)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1], seen


async def _ask(port: int, method: bytes = b"GET") -> tuple[httpcore.Response, H1Connection]:
    conn = H1Connection(httpcore.Origin(b"http", b"127.0.0.1", port), keepalive_expiry=30)
    request = httpcore.Request(method, f"http://127.0.0.1:{port}/v1/drugs?x=1",
                               headers=[(b"Host", b"127.0.0.1")],
                               extensions={"timeout": {"connect": 2, "read": 2, "write": 2}})
    response = await conn.handle_async_request(request)
    await response.aread()
    return response, conn


@pytest.mark.parametrize("answer, body, reusable", [
    (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", b"hello", True),
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n",
     b"hello", True),
    (b"HTTP/1.1 204 No Content\r\n\r\n", b"", True),
    (b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello", b"hello", False),
])
async def test_framed_answers(answer, body, reusable):
    server, port, seen = await _serve(answer, close=not reusable)
    async with server:
        response, conn = await _ask(port)
        assert (response.status, response.content) == (200 if body else 204, body)
        assert seen[0].startswith(b"GET /v1/drugs?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        assert conn.is_idle() is reusable and conn.is_closed() is not reusable
        await conn.aclose()


async def test_a_body_ended_by_the_close():
    server, port, _ = await _serve(b"HTTP/1.1 200 OK\r\n\r\nto the end", close=True)
    async with server:
        response, conn = await _ask(port)
        assert response.content == b"to the end" and conn.is_closed()


async def test_a_head_answer_has_no_body_and_is_not_reused():
    server, port, _ = await _serve(b"HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n", close=False)
    async with server:
        response, conn = await _ask(port, b"HEAD")
        assert (response.status, response.content) == (200, b"") and conn.is_closed()


@pytest.mark.parametrize("answer, error", [
    (b"", httpcore.RemoteProtocolError),  # closed without a word
    (b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", httpcore.RemoteProtocolError),
    (b"SSH-2.0-OpenSSH\r\n\r\n", httpcore.RemoteProtocolError),  # not HTTP
])
async def test_what_is_not_a_whole_answer(answer, error):
    server, port, _ = await _serve(answer, close=True)
    async with server:
        with pytest.raises(error):
            await _ask(port)


async def test_no_answer_within_the_read_timeout():
    server, port, _ = await _serve(b"", close=False)
    async with server:
        conn = H1Connection(httpcore.Origin(b"http", b"127.0.0.1", port), keepalive_expiry=30)
        request = httpcore.Request(b"GET", f"http://127.0.0.1:{port}/", headers=[],
                                   extensions={"timeout": {"read": 0.2}})
        with pytest.raises(httpcore.ReadTimeout):
            await conn.handle_async_request(request)
        assert conn.is_closed()


async def test_nothing_listening_is_a_connect_error():
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    with pytest.raises(httpcore.ConnectError):
        await _ask(port)
