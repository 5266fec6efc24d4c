"""problem+json for every error a service answers: domain errors, request validation and
HTTP errors, mapped in one place (an error that escapes every route: guards.ErrorBoundary)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from chairside_shared.errors import PROBLEM_JSON, TYPE_BASE, DomainError


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


def domain_problem(exc: DomainError, *, instance: str | None = None) -> JSONResponse:
    errors = None if exc.errors is None else [
        {"field": e.field, "message": e.message} for e in exc.errors]
    return problem_response(exc.status, exc.title, detail=exc.detail, type_=exc.type_,
                            errors=errors, headers=exc.headers, instance=instance, **exc.extra)


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

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        return domain_problem(exc, instance=request.url.path)

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
