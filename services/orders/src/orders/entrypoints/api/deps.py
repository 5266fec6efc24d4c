"""HTTP concerns only: who is calling (headers set by the gateway) and the unit of work. No
business rule lives here; domain errors become problem+json in chairside_shared.http_errors."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from chairside_shared.runtime import ServiceRuntime
from chairside_shared.web import get_runtime
from orders.domain import errors as e
from orders.domain.order import Actor
from orders.service.handlers import Scope
from orders.service.uow import OrdersUnitOfWork


def get_uow(request: Request) -> OrdersUnitOfWork:
    runtime: ServiceRuntime[OrdersUnitOfWork] = get_runtime(request)  # built by bootstrap.py
    return runtime.uow()


def get_scope(request: Request) -> Scope:
    """The gateway authenticates and forwards the caller as x-chairside-* headers."""
    h = request.headers
    actor_id = h.get("x-chairside-user-id") or h.get("x-chairside-client-id") or "anonymous"
    scopes = frozenset(h.get("x-chairside-scopes", "").split())
    return Scope(actor=Actor(actor_id, scopes), practice_id=h.get("x-chairside-practice-id"),
                 client_id=h.get("x-chairside-client-id"), user_id=h.get("x-chairside-user-id"))


UoW = Annotated[OrdersUnitOfWork, Depends(get_uow)]
Caller = Annotated[Scope, Depends(get_scope)]


def require(scope: Scope, needed: str) -> None:
    if not scope.actor.can(needed):
        raise e.NotPermitted(f"this needs the {needed} scope")


__all__ = ["Caller", "UoW", "get_scope", "get_uow", "require"]
