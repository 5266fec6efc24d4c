"""Pooled PostgreSQL connections are checked before use only after sitting idle: a connection
killed while idle is replaced without the caller seeing it; one reused at once is not checked
(no round trips added to a busy service's requests), so its death fails that one request."""

import asyncio

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from chairside_shared.db import create_engine

pytestmark = pytest.mark.integration
PID = sa.text("SELECT pg_backend_pid()")


async def terminate(admin, pid: int) -> None:
    async with admin.connect() as conn:
        assert (await conn.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid})
                ).scalar()
        for _ in range(100):
            if not (await conn.execute(sa.text(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = :p"), {"p": pid})
                    ).scalar():
                return
            await asyncio.sleep(0.05)
    raise AssertionError(f"backend {pid} still there")


@pytest.fixture
async def engines(request, make_database):
    """(engine, admin); the engine checks connections idle past the test's ``idle_s`` mark
    (default 60 s: a connection reused within a test is never checked, however slow the
    machine)."""
    mark = request.node.get_closest_marker("idle_s")
    url = await make_database("pool_ping")
    engine = create_engine(url, pool_size=1, ping_after_idle_s=mark.args[0] if mark else 60)
    admin = create_engine(url, pool_size=1)
    yield engine, admin
    await engine.dispose()
    await admin.dispose()


async def pid_of(engine) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(PID)).scalar_one())


@pytest.mark.idle_s(0.3)
async def test_a_connection_killed_while_idle_is_replaced_unseen(engines):
    engine, admin = engines
    first = await pid_of(engine)
    await terminate(admin, first)
    await asyncio.sleep(0.4)  # past ping_after_idle_s: the next checkout checks it
    assert await pid_of(engine) != first


async def test_a_connection_reused_at_once_is_not_checked(engines):
    engine, admin = engines
    first = await pid_of(engine)
    await terminate(admin, first)  # well within ping_after_idle_s of its return
    with pytest.raises(DBAPIError) as failed:
        await pid_of(engine)
    assert failed.value.connection_invalidated
    assert await pid_of(engine) != first  # the pool dropped it: the next request is served


async def test_a_request_that_meets_a_dead_connection_is_answered_503_retry(engines):
    """What a service answers for that one request: 503 with Retry-After (clients and the
    gateway retry it), not a 500; the retry is served."""
    import httpx
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from chairside_shared.guards import ErrorBoundary

    engine, admin = engines

    async def pid(_request):
        return JSONResponse({"pid": await pid_of(engine)})

    app = Starlette(routes=[Route("/pid", pid)], middleware=[Middleware(ErrorBoundary)])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://t") as c:
        first = (await c.get("/pid")).json()["pid"]
        await terminate(admin, first)
        r = await c.get("/pid")
        assert r.status_code == 503 and r.headers["retry-after"] == "1"
        assert r.json()["type"].endswith("database-connection-lost")
        again = await c.get("/pid")
        assert again.status_code == 200 and again.json()["pid"] != first
