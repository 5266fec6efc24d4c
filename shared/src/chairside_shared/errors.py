"""RFC 9457 problem+json for every error a service answers."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "urn:chairside:problem:"


class Problem(Exception):
    """Raise from a route or handler to answer with problem+json."""

    status = 400
    title = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        status: int | None = None,
        title: str | None = None,
        type_: str | None = None,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail or title or self.title)
        self.status = status or self.status
        self.title = title or self.title
        self.detail = detail
        self.type_ = type_ or TYPE_BASE + self.title.lower().replace(" ", "-")
        self.errors = errors
        self.headers = headers
        self.extra = extra


class NotFound(Problem):
    status, title = 404, "Not found"


class Conflict(Problem):
    status, title = 409, "Conflict"


class InvalidInput(Problem):
    """422 naming the field and the reason."""

    status, title = 422, "Validation failed"

    def __init__(self, field: str, message: str, **kw: Any) -> None:
        super().__init__(f"{field}: {message}", errors=[{"field": field, "message": message}],
                         **kw)


class ServiceUnavailable(Problem):
    status, title = 503, "Service unavailable"


def problem_response(
    status: int,
    title: str,
    *,
    detail: str | None = None,
    type_: str | None = None,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    instance: str | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": type_ or "about:blank",
        "title": title,
        "status": status,
        "detail": detail or title,
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_errors(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"field": field_name(e.get("loc", ())), "message": e.get("msg", "invalid")}
            for e in errors]


def install_problem_handlers(app: FastAPI) -> None:
    """Problems, validation errors and HTTP errors as problem+json. Anything else that escapes
    a route is answered by ``guards.ErrorBoundary`` (not by an ``Exception`` handler here:
    Starlette re-raises after such a handler, and the server then drops the connection)."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(
            exc.status, exc.title, detail=exc.detail, type_=exc.type_, errors=exc.errors,
            headers=exc.headers, instance=request.url.path, **exc.extra,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = validation_errors(list(exc.errors()))
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
        return problem_response(
            422, "Validation failed", detail=detail, type_=TYPE_BASE + "validation-failed",
            errors=errors, instance=request.url.path,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {404: "Not found", 405: "Method not allowed", 401: "Unauthorized",
                 403: "Forbidden", 413: "Content too large", 415: "Unsupported media type",
                 429: "Too many requests"}.get(exc.status_code, "Error")
        return problem_response(
            exc.status_code, title, detail=str(exc.detail) if exc.detail else title,
            headers=getattr(exc, "headers", None), instance=request.url.path,
        )
