"""An error that escapes a route is a 500 problem+json on a connection that stays usable, and
its log line carries no value the caller sent; the input guard refuses what no route may see.

The server is real uvicorn on a loopback port: the defect (a reset kept-alive connection after
a handled 500, failing the *next* caller's request) exists only in a real server."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace

import httpx
import pytest
import uvicorn
from fastapi import APIRouter, Request

from chairside_shared.broker import free_port
from chairside_shared.cli import KEEP_ALIVE_S
from chairside_shared.web import create_service_app

SECRET = "MRN-4471-SECRET"


def _app(peers: set[int]):
    router = APIRouter()

    @router.get("/v1/ok")
    async def ok(request: Request) -> dict:
        peers.add(request.client.port)
        return {"ok": True}

    @router.get("/v1/boom")
    async def boom(request: Request) -> dict:
        peers.add(request.client.port)
        raise RuntimeError(f"value {SECRET} broke it")

    @router.post("/v1/echo")
    async def echo(body: dict) -> dict:
        return body

    runtime = SimpleNamespace(spec=SimpleNamespace(name="boundarytest"),
                              keyed_responses=None)  # no database: no keyed answers
    return create_service_app(runtime=runtime, title="t", routers=[router])


@pytest.fixture
async def server():
    peers: set[int] = set()
    port = free_port()
    config = uvicorn.Config(_app(peers), host="127.0.0.1", port=port, lifespan="off",
                            log_config=None, access_log=False,
                            timeout_keep_alive=KEEP_ALIVE_S)
    srv = uvicorn.Server(config)
    task = asyncio.create_task(srv.serve())
    while not srv.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}", peers
    finally:
        srv.should_exit = True
        await task


async def test_a_500_keeps_the_connection_for_the_next_caller(server, caplog):
    url, peers = server
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    caplog.set_level(logging.ERROR)
    async with httpx.AsyncClient(base_url=url, limits=limits) as client:
        statuses = []
        for i in range(40):
            r = await client.get("/v1/boom" if i % 2 == 0 else "/v1/ok")
            statuses.append(r.status_code)
            if r.status_code == 500:
                assert r.headers["content-type"] == "application/problem+json"
                assert r.json()["detail"] == "an unexpected error occurred"
                assert SECRET not in r.text
            # let a server that closes after an error do so before the next request
            await asyncio.sleep(0.005)
    assert statuses == [500, 200] * 20
    # every request on one connection: the server never dropped it
    assert len(peers) == 1
    logged = "\n".join(r.getMessage() + str(r.exc_info) for r in caplog.records)
    assert "RuntimeError at test_error_boundary.py" in logged
    assert SECRET not in logged


@pytest.mark.parametrize(("method", "path", "kwargs", "field"), [
    ("GET", "/v1/ok?practice_id=a%00b", {}, "practice_id"),
    ("GET", "/v1/ok?q=tab%09here", {}, "q"),
    ("GET", "/v1/ok%00", {}, "path"),
    ("POST", "/v1/ok", {"json": {"mrn": "A\x00B"}}, "mrn"),
    ("POST", "/v1/ok", {"json": {"allergies": [{"substance": "x\x1b[31m"}]}},
     "allergies.0.substance"),
    ("POST", "/v1/ok", {"content": b'{"mrn": "\\ud800"}',
                        "headers": {"content-type": "application/json"}}, "mrn"),
    ("POST", "/v1/ok", {"content": b"[" * 100_000 + b"]" * 100_000,
                        "headers": {"content-type": "application/json"}}, "body"),
    ("POST", "/v1/ok", {"content": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
                        "headers": {"content-type": "application/json"}}, "body"),
    ("POST", "/v1/ok", {"json": {"allergies": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]
                                                 ]]]]]]]]]]]]]]]]]]}}, "body"),
])
async def test_the_guard_refuses_what_no_route_may_see(server, method, path, kwargs, field):
    url, _ = server
    async with httpx.AsyncClient(base_url=url) as client:
        r = await client.request(method, path, **kwargs)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert field in [e["field"] for e in r.json()["errors"]]


async def test_free_text_keeps_line_breaks_and_tabs(server):
    url, _ = server
    async with httpx.AsyncClient(base_url=url) as client:
        r = await client.post("/v1/echo", json={"reason": "line one\r\nline two\tend"})
    assert r.status_code == 200, r.text
    assert r.json() == {"reason": "line one\r\nline two\tend"}
