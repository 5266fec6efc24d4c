"""HTTP plumbing: unit-of-work factory, connector, clock, actor, and domain errors as
problem+json (RFC 9457)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from chairside_shared.errors import TYPE_BASE
from chairside_shared.http_errors import problem_response

from ...adapters.payer_client import PayerConnector
from ...domain import errors as e
from ...service.cases import UowFactory
from ...settings import AuthorizationSettings


def get_uows(request: Request) -> UowFactory:
    return request.app.state.runtime.uow


def get_connector(request: Request) -> PayerConnector:
    return request.app.state.runtime.connector


def get_settings(request: Request) -> AuthorizationSettings:
    return request.app.state.runtime.settings


def get_now() -> datetime:
    return datetime.now(UTC)


def get_actor(request: Request) -> str:
    """Who acts, as the gateway tells us (ids only)."""
    user = request.headers.get("x-chairside-user-id")
    client = request.headers.get("x-chairside-client-id")
    if user:
        return f"user:{user}" + (f"@{client}" if client else "")
    return f"client:{client}" if client else "api"


UowsDep = Annotated[UowFactory, Depends(get_uows)]
ConnectorDep = Annotated[PayerConnector, Depends(get_connector)]
SettingsDep = Annotated[AuthorizationSettings, Depends(get_settings)]
NowDep = Annotated[datetime, Depends(get_now)]
ActorDep = Annotated[str, Depends(get_actor)]

_STATUS: dict[type[e.AuthorizationError], tuple[int, str]] = {
    e.NotFound: (404, "Not found"),
    e.InvalidTransition: (409, "Conflict"),
    e.SubmissionBlocked: (409, "Conflict"),
    e.ConcurrentUpdate: (409, "Conflict"),
    e.ValidationFailed: (422, "Validation failed"),
    e.PayerResponseInvalid: (502, "Bad gateway"),
}


def install_domain_errors(app: FastAPI) -> None:
    @app.exception_handler(e.AuthorizationError)
    async def _domain(request: Request, exc: e.AuthorizationError) -> JSONResponse:
        status, title = next((v for k, v in _STATUS.items() if isinstance(exc, k)),
                             (400, "Bad request"))
        extra: dict = {}
        errors = None
        if isinstance(exc, e.ValidationFailed):
            errors = [{"field": fe.field, "message": fe.message} for fe in exc.errors] or [
                {"field": "body", "message": str(exc)}]
        if isinstance(exc, e.SubmissionBlocked):
            extra["reasons"] = exc.reasons
        if isinstance(exc, e.InvalidTransition):
            extra["current_status"] = exc.status
        slug = type(exc).__name__
        slug = "".join("-" + ch.lower() if ch.isupper() else ch for ch in slug).lstrip("-")
        return problem_response(status, title, detail=str(exc), type_=TYPE_BASE + slug,
                                errors=errors, instance=request.url.path, **extra)
