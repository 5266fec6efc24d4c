"""The upstream call's request line and answer as wire.py builds them: the bytes httpx would
send, and the body as httpx would read it (decoded when the service compressed it)."""

from __future__ import annotations

import gzip

import httpcore
import httpx
import pytest

from gateway.adapters.wire import Wire


class Pool:
    def __init__(self, answer: httpcore.Response) -> None:
        self.answer = answer
        self.sent: list[httpcore.Request] = []

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        self.sent.append(request)
        return self.answer


class Body:
    """What the pool hands back: the body, and aclose to give the connection back."""

    def __init__(self, body: bytes) -> None:
        self.body, self.closed = body, False

    async def __aiter__(self):
        yield self.body

    async def aclose(self) -> None:
        self.closed = True


def _answer(body: bytes, *headers: tuple[bytes, bytes]) -> httpcore.Response:
    return httpcore.Response(200, headers=[(b"content-type", b"application/json"), *headers],
                             content=Body(body))


@pytest.mark.parametrize("path, params", [
    ("/v1/drugs", None),
    ("/v1/patients/a%2Fb", {"q": "x y", "id": ["1", "2"]}),
    ("/v1/odd path/é", {"名": "値"}),  # not plainly safe: httpx's own quoting
])
async def test_the_request_line_is_the_one_httpx_builds(path, params):
    pool = Pool(_answer(b"{}"))
    wire = Wire("http://127.0.0.1:8001/base")
    await wire.exchange(pool, "GET", path, params, {"x-chairside-client-id": "c1"}, None, {})
    sent = pool.sent[0]
    expected = httpx.Request("GET", "http://127.0.0.1:8001/base" + path, params=params)
    assert sent.url.target == expected.url.raw_path
    assert (sent.url.host, sent.url.port) == (b"127.0.0.1", 8001)
    assert sent.headers[0] == (b"Host", b"127.0.0.1:8001")
    assert (b"x-chairside-client-id", b"c1") in sent.headers


async def test_a_post_says_its_length_even_when_empty():
    pool = Pool(_answer(b"{}"))
    await Wire("http://svc").exchange(pool, "POST", "/v1/x", None, {}, None, {})
    assert (b"Content-Length", b"0") in pool.sent[0].headers


async def test_the_answer_is_read_whole_and_decoded_as_httpx_would():
    doc = b'{"items": []}'
    plain = await Wire("http://svc").exchange(Pool(_answer(doc)), "GET", "/v1/x", None, {},
                                              None, {})
    assert (plain.status_code, plain.content, plain.json()) == (200, doc, {"items": []})
    assert plain.is_closed
    zipped = await Wire("http://svc").exchange(
        Pool(_answer(gzip.compress(doc), (b"content-encoding", b"gzip"))), "GET", "/v1/x",
        None, {}, None, {})
    assert zipped.content == doc
