"""HTTP concerns only: who is calling (headers set by the gateway) and the unit of work. No
business rule lives here; domain errors become problem+json in chairside_shared.http_errors."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from chairside_shared.runtime import ServiceRuntime
from chairside_shared.web import get_runtime
from orders.adapters.catalog_head import CATALOG_HEAD, CatalogHead
from orders.domain import errors as e
from orders.domain.order import Actor
from orders.service.handlers import Scope
from orders.service.uow import OrdersUnitOfWork


# Both are `async def` though they await nothing: FastAPI runs a plain `def` dependency in a
# worker thread, and that hop (twice per request) cost more CPU than the catalog read itself.
async def get_uow(request: Request) -> OrdersUnitOfWork:
    runtime: ServiceRuntime[OrdersUnitOfWork] = get_runtime(request)  # built by bootstrap.py
    return runtime.uow()


async def get_scope(request: Request) -> Scope:
    """The gateway authenticates and forwards the caller as x-chairside-* headers."""
    h = request.headers
    actor_id = h.get("x-chairside-user-id") or h.get("x-chairside-client-id") or "anonymous"
    scopes = frozenset(h.get("x-chairside-scopes", "").split())
    return Scope(actor=Actor(actor_id, scopes), practice_id=h.get("x-chairside-practice-id"),
                 client_id=h.get("x-chairside-client-id"), user_id=h.get("x-chairside-user-id"))


async def get_catalog_head(request: Request) -> CatalogHead:
    head: CatalogHead = get_runtime(request).state[CATALOG_HEAD]  # built by bootstrap.py
    return head


UoW = Annotated[OrdersUnitOfWork, Depends(get_uow)]
Head = Annotated[CatalogHead, Depends(get_catalog_head)]
Caller = Annotated[Scope, Depends(get_scope)]


def require(scope: Scope, needed: str) -> None:
    if not scope.actor.can(needed):
        raise e.NotPermitted(f"this needs the {needed} scope")


__all__ = ["Caller", "Head", "UoW", "get_catalog_head", "get_scope", "get_uow", "require"]
