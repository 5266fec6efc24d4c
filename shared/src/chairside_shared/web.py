"""The FastAPI app every domain service is built on: lifespan, health, metrics, errors, DLQ."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import select

from chairside_shared.errors import Conflict, NotFound
from chairside_shared.guards import ErrorBoundary, InputGuard
from chairside_shared.http_errors import install_problem_handlers
from chairside_shared.idempotency import KeyedWrites
from chairside_shared.inputs import Day
from chairside_shared.messaging.consumer import replay_dead_letter
from chairside_shared.runtime import ServiceRuntime
from chairside_shared.telemetry import instrument_app

# A report's day range as query parameters (?from=...&to=...). Annotated, not
# `from_: Day = Query(...)`: a Query() default replaces the field info that carries Day's
# validators, and a 9999-12-31 got through to a 500 (the day after it overflows).
FromDay = Annotated[Day, Query(alias="from")]
ToDay = Annotated[Day, Query()]


def create_service_app(
    runtime: ServiceRuntime,
    *,
    title: str,
    routers: Sequence[APIRouter] = (),
    description: str = "",
    version: str = "1.0.0",
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await runtime.start()
        try:
            yield
        finally:
            await runtime.stop()

    # FastAPI's native telemetry is off: telemetry.instrument_app already opens the server
    # span, with our excluded URLs; both on would record every request twice.
    app = FastAPI(title=title, description=description, version=version, lifespan=lifespan,
                  telemetry={"tracing": False, "metrics": False, "logs": False,
                             "operation_spans": False})
    app.state.runtime = runtime
    install_problem_handlers(app)
    # Innermost first: the boundary turns any escaped error into a 500 problem *without*
    # re-raising (Starlette's own handler re-raises, and uvicorn then drops the kept-alive
    # connection under whichever request is sent on it next); a keyed write seen before is
    # answered as it was the first time (idempotency.py); the guard refuses input no
    # route may see; the server span and metrics layer (instrument_app), outermost, counts
    # both.
    app.add_middleware(ErrorBoundary)
    app.add_middleware(KeyedWrites, responses=runtime.keyed_responses)
    app.add_middleware(InputGuard)
    app.include_router(health_router())
    app.include_router(dlq_router())
    for router in routers:
        app.include_router(router)
    instrument_app(app, service=runtime.spec.name)
    return app


def request_actor(request: Request) -> str:
    """Who acts, as the gateway forwards the caller (``x-chairside-*``, ids only), for audit
    trails: ``user:<id>@<client>``, ``client:<id>``, or ``api`` (called with neither)."""
    user = request.headers.get("x-chairside-user-id")
    client = request.headers.get("x-chairside-client-id")
    if user:
        return f"user:{user}" + (f"@{client}" if client else "")
    return f"client:{client}" if client else "api"


def get_runtime(request: Request) -> ServiceRuntime:
    return request.app.state.runtime


def health_router() -> APIRouter:
    router = APIRouter(tags=["operations"])

    @router.get("/healthz", summary="The process is up")
    async def healthz(request: Request) -> dict[str, str]:
        return {"status": "ok", "service": get_runtime(request).spec.name}

    @router.get("/readyz", summary="Database and broker reachable, migrations applied")
    async def readyz(request: Request) -> JSONResponse:
        checks = await get_runtime(request).readiness()
        ok = all(v == "ok" for v in checks.values())
        return JSONResponse({"status": "ok" if ok else "unavailable", "checks": checks},
                            status_code=200 if ok else 503)

    @router.get("/metrics", summary="Prometheus metrics", response_class=Response)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router


def dlq_router() -> APIRouter:
    """Ops: list dead letters and replay one through its handler."""
    router = APIRouter(prefix="/admin/dlq", tags=["operations"])

    @router.get("", summary="Dead letters of this service's consumer")
    async def list_dead_letters(
        request: Request, status: str = "dead", limit: int = 100
    ) -> dict[str, Any]:
        runtime = get_runtime(request)
        dead = runtime.spec.tables.dead_letters
        async with runtime.session_factory() as session:
            rows = (await session.execute(
                select(dead).where(dead.c.status == status).order_by(dead.c.id)
                .limit(min(max(limit, 1), 1000))
            )).all()
        return {"items": [_dead_letter_view(r) for r in rows]}

    @router.post("/{dead_letter_id}/replay", summary="Run a dead letter through its handler")
    async def replay(request: Request, dead_letter_id: int) -> dict[str, Any]:
        runtime = get_runtime(request)
        if runtime.consumer is None:
            raise NotFound("this service consumes no events")
        try:
            outcome = await replay_dead_letter(runtime.consumer, dead_letter_id)
        except LookupError as exc:
            raise NotFound(str(exc)) from exc
        except ValueError as exc:
            raise Conflict(str(exc)) from exc
        except Exception as exc:
            raise Conflict(f"replay failed: {type(exc).__name__}: {exc}"[:500]) from exc
        return {"id": dead_letter_id, "outcome": outcome}

    return router


def _dead_letter_view(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "consumer": row.consumer, "message_key": row.message_key,
        "event_type": row.event_type, "topic": row.topic, "partition": row.partition,
        "offset": row.offset, "error": row.error, "attempts": row.attempts,
        "failed_at": row.failed_at.isoformat() if row.failed_at else None,
        "status": row.status,
    }
