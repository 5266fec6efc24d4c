"""The gateway's ASGI app: `create_app(settings)`.

The gateway stands on the shared library's settings, database plumbing, migrations,
telemetry, logs and metrics, but not on ServiceRuntime: that runtime exists to run a
service's outbox relay and Kafka consumer, and the gateway publishes no events of its own; it
reads the bus for the webhook fan-out (a durable consumer with the relay of its `.dlq`
copies, entrypoints/consumers.py, retrying in the background) and for the live stream (its
own groupless reader, see service/stream/), so it must not depend on the broker being up
(its /readyz checks its database and, when set, Redis).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import select
from starlette.exceptions import HTTPException as StarletteHTTPException

from chairside_shared import db
from chairside_shared.cluster_jobs import JobLeader
from chairside_shared.migrations import upgrade_async
from gateway.adapters.orm import api_clients
from gateway.bootstrap import MIGRATIONS, build
from gateway.domain import problems as pb
from gateway.domain.ratelimit import BucketPolicy
from gateway.domain.routing import RouteTable
from gateway.entrypoints.api import openapi
from gateway.entrypoints.api.board_page import mount_board
from gateway.entrypoints.api.edge import EdgeMiddleware
from gateway.entrypoints.api.routes import direct_routes, problem_response, register
from gateway.entrypoints.api.table import ROUTES
from gateway.entrypoints.consumers import start_webhooks
from gateway.seed import demo_banner, refuse_demo_records, seed_demo
from gateway.service.container import Gateway
from gateway.settings import GatewaySettings

log = logging.getLogger("gateway")
VERSION = "1.0.0"


async def _retrying(gw: Gateway, what: str, step: Callable[[], Awaitable[Any]]) -> None:
    delay = 0.2
    while True:
        try:
            await step()
            return
        except Exception as exc:
            if gw.db_status.down(f"{what}: {type(exc).__name__}"):
                log.error("gateway: %s failed (%s at %s); retrying", what, type(exc).__name__,
                          db.redacted(str(gw.settings.database_url)))
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)


async def boot(gw: Gateway) -> None:
    """Database, schema, production guards, demo seed, signing key, per-client limits."""
    settings = gw.settings
    await _retrying(gw, "database", lambda: db.ping(gw.engine))
    gw.db_status.up()
    if settings.auto_migrate:
        await _retrying(gw, "migrations",
                        lambda: upgrade_async(MIGRATIONS, str(settings.database_url)))
    if settings.environment == "production":
        await refuse_demo_records(gw.sessions)  # raises: a production gateway must not start
    elif settings.seed_demo_data:
        await _retrying(gw, "demo seed", lambda: seed_demo(gw.sessions))
        print(demo_banner(f"http://{settings.host}:{settings.port}"), flush=True)
    if settings.token_issuer == "builtin":
        await _retrying(gw, "signing key", gw.tokens.ensure_key)
    await load_client_limits(gw)
    gw.audit.start()
    start_webhooks(gw)
    gw.booted.set()
    await maintain(gw)


async def maintain(gw: Gateway, every_s: float = 600.0) -> None:
    """Housekeeping while running: each replica reloads the per-client limits it enforces;
    the one replica that leads the jobs (cluster_jobs) purges expired idempotency records and
    codes and rotates the signing key past its rotation age, so replicas never race to."""
    leader = JobLeader(gw.engine, service="gateway", is_sqlite=gw.settings.is_sqlite)
    try:
        while True:
            await asyncio.sleep(every_s)
            try:
                await load_client_limits(gw)
                if not await leader.leads():
                    continue
                purged = await gw.idempotency.purge()
                if gw.codes is not None:
                    await gw.codes.purge()
                if gw.settings.token_issuer == "builtin":
                    await gw.tokens.ensure_key()
                log.info("gateway housekeeping done", extra={"idempotency_purged": purged})
            except Exception as exc:
                log.error("gateway housekeeping failed: %s", type(exc).__name__)
    finally:
        await leader.release()


def _boot_done(gw: Gateway, task: asyncio.Task[None]) -> None:
    if task.cancelled() or task.exception() is None:
        return
    # A refused boot (demo credentials in production) leaves every route answering 503 and
    # /readyz naming the reason; `python -m gateway serve` refuses before listening at all.
    gw.boot_error = str(task.exception())
    log.critical("gateway did not start: %s", gw.boot_error)


async def load_client_limits(gw: Gateway) -> None:
    async with gw.sessions() as s:
        rows = await s.execute(select(api_clients.c.client_id, api_clients.c.rate_capacity,
                                      api_clients.c.rate_per_s))
    gw.client_buckets = {cid: BucketPolicy(cap, rate) for cid, cap, rate in rows
                         if cap is not None and rate is not None}


def _page_connect_src(settings: GatewaySettings) -> str:
    """The origin the board page may call besides its own: the external issuer's (token
    endpoint), so the page's CSP allows exactly that."""
    if settings.token_issuer != "external":
        return ""
    from urllib.parse import urlsplit

    url = urlsplit(settings.oidc_token_endpoint or str(settings.oidc_issuer))
    return f"{url.scheme}://{url.netloc}"


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        gw = build(settings)
        app.state.gateway = gw
        if gw.stream is not None:
            gw.stream.start()  # in the background: the gateway does not wait for the broker
        task = asyncio.create_task(boot(gw), name="gateway-boot")
        task.add_done_callback(lambda t: _boot_done(gw, t))
        try:
            yield
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await gw.close()

    # FastAPI's native telemetry is off: the gateway opens its own server span (a new trace
    # per request, see edge.py), and that telemetry's logs would record exception messages.
    app = FastAPI(title="Chairside API", version=VERSION, lifespan=lifespan,
                  docs_url="/docs", redoc_url="/redoc", openapi_url="/openapi.json",
                  telemetry={"tracing": False, "metrics": False, "logs": False,
                             "operation_spans": False})
    app.router.redirect_slashes = False
    register(app, ROUTES)
    mount_board(app)
    table = RouteTable(ROUTES)
    document: dict[str, Any] = {}

    def custom_openapi() -> dict[str, Any]:
        if not document:  # built once, from the route table
            document.update(openapi.build(ROUTES, title="Chairside API", version=VERSION))
        return document

    app.openapi = custom_openapi  # type: ignore[method-assign]

    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException) -> Response:
        slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "error")
        detail = "no such route" if exc.status_code == 404 else str(exc.detail)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Each (method, path) is its own route, so Starlette's Allow names only the first
            # route it matched: the table knows every method of the path.
            methods = set(table.allowed_methods(request.url.path))
            if "GET" in methods:
                methods.add("HEAD")  # Starlette answers HEAD wherever it answers GET
            headers["Allow"] = ", ".join(sorted(methods))
        problem = pb.Problem(exc.status_code, slug, detail, headers=headers)
        return problem_response(problem, request.url.path)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": "gateway"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> Response:
        gw: Gateway = app.state.gateway
        checks: dict[str, str] = {}
        try:
            await asyncio.wait_for(db.ping(gw.engine), 2)
            checks["database"] = "ok"
        except Exception as exc:
            checks["database"] = (f"down: {db.redacted(str(settings.database_url))} "
                                  f"({type(exc).__name__})")
        checks["boot"] = "ok" if gw.booted.is_set() else (
            f"failed: {gw.boot_error}" if gw.boot_error else "pending")
        ping = getattr(gw.buckets, "ping", None)
        if ping is not None:
            checks["redis"] = "ok" if await ping() else "down: rate limits fail open"
        ok = all(v == "ok" for v in checks.values())
        return JSONResponse({"status": "ok" if ok else "unavailable", "checks": checks},
                            status_code=200 if ok else 503)

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    app.add_middleware(EdgeMiddleware, max_body_bytes=settings.max_body_bytes,
                       cors_origins=settings.cors_origins,
                       trust_inbound_traceparent=settings.trust_inbound_traceparent,
                       max_document_body_bytes=settings.max_document_body_bytes,
                       page_connect_src=_page_connect_src(settings),
                       direct=direct_routes(app))
    return app
