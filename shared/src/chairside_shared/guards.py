"""Two plain-ASGI layers every service app has (see web.create_service_app).

``ErrorBoundary`` answers an error that escaped every route with a 500 problem+json and keeps
the connection: Starlette's ``Exception`` handler re-raises after answering, and uvicorn then
closes the kept-alive connection, so the gateway's *next* request on it (another caller's,
maybe another practice's) failed with a reset. Its log line names the error type and the code
path, never the message (messages can carry values a caller sent).

``InputGuard`` refuses, before routing, what no route may see: control characters in the path,
the query or any JSON string, and JSON nested deeper than ``inputs.MAX_JSON_DEPTH``.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any
from urllib.parse import parse_qsl

from sqlalchemy.exc import DBAPIError

from chairside_shared import inputs
from chairside_shared.errors import TYPE_BASE
from chairside_shared.http_errors import problem_response

log = logging.getLogger("chairside.errors")
Scope = dict[str, Any]
JSON_METHODS = frozenset({"POST", "PUT", "PATCH"})


def code_path(exc: BaseException) -> str:
    """``RuntimeError at repository.py:88 in add <- routes.py:40 in create``: where it failed,
    without the exception's message."""
    frames = traceback.extract_tb(exc.__traceback__)[-6:]
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} in {f.name}"
                        for f in reversed(frames))
    chain = type(exc).__name__
    cause = exc.__cause__ or exc.__context__
    if cause is not None:
        chain += f" (from {type(cause).__name__})"
    return f"{chain} at {where}" if where else chain


def _connection_lost(exc: BaseException) -> bool:
    """A database error raised because the connection died (SQLAlchemy invalidated it)."""
    seen: BaseException | None = exc
    for _ in range(5):  # the error itself, or what it was raised from
        if seen is None:
            return False
        if isinstance(seen, DBAPIError) and seen.connection_invalidated:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class ErrorBoundary:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            if started:  # half an answer is out: only dropping the connection is honest
                log.error("unhandled error on %s %s: %s", scope.get("method"), route,
                          code_path(exc))
                raise
            if _connection_lost(exc):
                # The pool checks a connection only after it sat idle (db.create_engine): one
                # that died since its last use fails this request, and its transaction with
                # it. The pool has dropped it: a retry (POSTs under their Idempotency-Key)
                # gets a live one.
                log.warning("database connection lost on %s %s", scope.get("method"), route)
                response = problem_response(503, "Service unavailable",
                                            detail="the database connection was lost; retry",
                                            type_=TYPE_BASE + "database-connection-lost",
                                            headers={"retry-after": "1"},
                                            instance=scope.get("path"))
                await response(scope, receive, send)
                return
            log.error("unhandled error on %s %s: %s", scope.get("method"), route,
                      code_path(exc))
            response = problem_response(500, "Internal error",
                                        detail="an unexpected error occurred",
                                        type_=TYPE_BASE + "internal-error",
                                        instance=scope.get("path"))
            await response(scope, receive, send)


class InputGuard:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        errors = self._url_errors(scope)
        if errors:
            await self._refuse(scope, receive, send, errors, "the request URL is not valid")
            return
        if scope.get("method") not in JSON_METHODS or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        body = await read_body(receive)
        if body.strip():
            try:
                doc = inputs.parse_json(body)
            except inputs.TooDeep as exc:
                await self._refuse(scope, receive, send,
                                   [{"field": "body", "message": str(exc)}], str(exc))
                return
            except ValueError:
                doc = None  # not JSON: the route answers with its own 422
            errors = inputs.json_text_errors(doc) if doc is not None else []
            if errors:
                await self._refuse(scope, receive, send, errors,
                                   "text fields must not contain control characters")
                return
        await self.app(scope, replay_body(body, receive), send)

    @staticmethod
    def _url_errors(scope: Scope) -> list[dict[str, str]]:
        path = scope.get("path", "")
        if inputs.has_control(path, strict=True):
            return [{"field": "path", "message": inputs.STRICT_CONTROL_MESSAGE}]
        query = scope.get("query_string", b"").decode("latin-1")
        pairs = parse_qsl(query, keep_blank_values=True)
        return inputs.params_errors(pairs, location="query")

    @staticmethod
    async def _refuse(scope: Scope, receive: Any, send: Any, errors: list[dict[str, str]],
                      detail: str) -> None:
        response = problem_response(422, "Validation failed", detail=detail,
                                    type_=TYPE_BASE + "validation-failed", errors=errors,
                                    instance=scope.get("path"))
        await response(scope, receive, send)


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            ctype = value.decode("latin-1").split(";")[0].strip().lower()
            return ctype == "application/json" or ctype.endswith("+json")
    return False


async def read_body(receive: Any) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replay_body(body: bytes, receive: Any) -> Any:
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
