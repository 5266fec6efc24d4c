"""The command line every service shares: ``python -m orders serve|migrate|dlq``."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from chairside_shared.settings import ServiceSettings, load_settings
from chairside_shared.telemetry import setup_logging, setup_telemetry

KEEP_ALIVE_S = 75  # seconds an idle kept-alive connection stays open (uvicorn default: 5)
# The cyclic collector's young-generation threshold (CPython's default: 700 allocations). A
# request allocates hundreds of containers, so the default ran a collection every request or
# two, each walking every object of the requests in flight: 5-6 % of the gateway's CPU per
# proxied request (perf). Objects without cycles are freed by reference counting anyway.
GC_YOUNG_THRESHOLD = 20_000


def settle_gc() -> None:
    """Before serving: what start-up made (modules, the app, the route table) lives as long as
    the process, so it is moved out of the collector's sight (gc.freeze), and the young
    generation is collected less often."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


def serve(app: Any, *, host: str, port: int, keep_alive_s: int = 5) -> None:
    """uvicorn, as every Chairside process runs it: our own logging, no access log (the
    request metrics and spans say more), a 5 s grace on shutdown, and no WebSocket protocol:
    no route speaks it, and uvicorn's default ("auto") would load the websockets library,
    about 2.5 MB resident per process."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_config=None, access_log=False,
                timeout_graceful_shutdown=5, timeout_keep_alive=keep_alive_s, ws="none")


S = TypeVar("S", bound=ServiceSettings)


def service_main(
    *,
    settings_cls: type[S],
    app_factory: Callable[[S], Any],
    runtime_factory: Callable[[S], Any],
    argv: list[str] | None = None,
) -> None:
    parser = argparse.ArgumentParser(description=settings_cls.__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="run the HTTP API, outbox relay and consumer")
    sub.add_parser("migrate", help="apply database migrations (production pre-start step)")
    dlq = sub.add_parser("dlq", help="list or replay dead-lettered events")
    dlq.add_argument("action", choices=["list", "replay"])
    dlq.add_argument("id", nargs="?", type=int)
    args = parser.parse_args(argv)

    settings = load_settings(settings_cls)
    setup_logging(settings.service_name, level=settings.log_level, json_logs=settings.log_json)
    if args.command == "serve":
        setup_telemetry(settings.service_name, otlp_endpoint=settings.otel_exporter_otlp_endpoint)
        # Kept-alive connections outlive the gateway's idle expiry (GATEWAY_UPSTREAM_KEEPALIVE_S,
        # shorter): the pool always closes an idle connection first, so the gateway never
        # sends a request on one the service is closing at that moment.
        app = app_factory(settings)
        settle_gc()
        serve(app, host=settings.host, port=settings.port, keep_alive_s=KEEP_ALIVE_S)
    elif args.command == "migrate":
        runtime = runtime_factory(settings)
        from chairside_shared.migrations import upgrade

        upgrade(runtime.spec.migrations, str(settings.database_url))
        print(f"{settings.service_name}: migrations applied")
    else:
        asyncio.run(_dlq(runtime_factory(settings), args.action, args.id))


async def _dlq(runtime: Any, action: str, dead_letter_id: int | None) -> None:
    from sqlalchemy import select

    from chairside_shared.messaging.consumer import replay_dead_letter

    try:
        if action == "list":
            dead = runtime.spec.tables.dead_letters
            async with runtime.session_factory() as session:
                rows = (await session.execute(
                    select(dead).where(dead.c.status == "dead").order_by(dead.c.id)
                )).all()
            for r in rows:
                print(json.dumps({"id": r.id, "event_type": r.event_type, "topic": r.topic,
                                  "offset": r.offset, "error": r.error}))
            return
        if dead_letter_id is None or runtime.consumer is None:
            sys.exit("dlq replay needs an id, on a service that consumes events")
        print(await replay_dead_letter(runtime.consumer, dead_letter_id))
    finally:
        await runtime.engine.dispose()
