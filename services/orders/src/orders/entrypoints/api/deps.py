"""HTTP concerns only: who is calling (headers set by the gateway), the unit of work, and the
mapping of domain errors to problem+json. No business rule lives here."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from chairside_shared.errors import PROBLEM_JSON, TYPE_BASE
from chairside_shared.http_errors import problem_response
from chairside_shared.web import get_runtime
from orders.domain import errors as e
from orders.domain.order import Actor
from orders.service.handlers import Scope
from orders.service.uow import OrdersUnitOfWork


def get_uow(request: Request) -> OrdersUnitOfWork:
    return get_runtime(request).uow()


def get_scope(request: Request) -> Scope:
    """The gateway authenticates and forwards the caller as x-chairside-* headers."""
    h = request.headers
    actor_id = h.get("x-chairside-user-id") or h.get("x-chairside-client-id") or "anonymous"
    scopes = frozenset(h.get("x-chairside-scopes", "").split())
    return Scope(actor=Actor(actor_id, scopes), practice_id=h.get("x-chairside-practice-id"))


UoW = Annotated[OrdersUnitOfWork, Depends(get_uow)]
Caller = Annotated[Scope, Depends(get_scope)]


def require(scope: Scope, needed: str) -> None:
    if not scope.actor.can(needed):
        raise e.NotPermitted(f"this needs the {needed} scope")


def install_domain_errors(app: FastAPI) -> None:
    def _p(status: int, title: str, slug: str):
        async def handler(request: Request, exc: Exception) -> JSONResponse:
            extra: dict = {}
            errors = None
            if isinstance(exc, e.ValidationFailed):
                errors = [{"field": f.field, "message": f.message} for f in exc.errors]
            if isinstance(exc, e.SignBlocked):
                extra["findings"] = [f.to_dict() for f in exc.blocking]
            if isinstance(exc, e.IllegalTransition):
                extra["current_status"] = str(exc.current)
            return problem_response(status, title, detail=str(exc), type_=TYPE_BASE + slug,
                                    errors=errors, instance=request.url.path, **extra)
        return handler

    app.add_exception_handler(e.ValidationFailed, _p(422, "Validation failed", "validation-failed"))
    app.add_exception_handler(e.NotFound, _p(404, "Not found", "not-found"))
    app.add_exception_handler(e.NotPermitted, _p(403, "Forbidden", "forbidden"))
    app.add_exception_handler(e.SignBlocked, _p(409, "Blocked by safety findings", "sign-blocked"))
    app.add_exception_handler(e.IllegalTransition,
                              _p(409, "Illegal status transition", "illegal-transition"))
    app.add_exception_handler(e.Conflict, _p(409, "Conflict", "conflict"))


__all__ = ["PROBLEM_JSON", "Caller", "UoW", "get_scope", "get_uow", "install_domain_errors",
           "require"]
