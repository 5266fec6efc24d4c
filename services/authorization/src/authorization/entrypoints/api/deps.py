"""HTTP plumbing: the unit-of-work factory and the payer connector (both built once by
bootstrap and kept on the runtime), the clock and the actor. Domain errors become
problem+json in chairside_shared.http_errors, not here."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Protocol

from fastapi import Depends, Request

from chairside_shared.web import request_actor

from ...adapters.payer_client import PayerConnector
from ...service.pas import PasSources
from ...service.uow import AuthorizationUnitOfWork, UowFactory


class Runtime(Protocol):
    """What the routes use of the runtime bootstrap puts on ``app.state``."""

    connector: PayerConnector
    pas: PasSources

    def uow(self) -> AuthorizationUnitOfWork: ...


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def get_uows(request: Request) -> UowFactory:
    return _runtime(request).uow


def get_connector(request: Request) -> PayerConnector:
    return _runtime(request).connector


def get_pas(request: Request) -> PasSources:
    return _runtime(request).pas


def get_now() -> datetime:
    return datetime.now(UTC)


def get_actor(request: Request) -> str:
    """Who acts, as the gateway tells us (ids only)."""
    return request_actor(request)


UowsDep = Annotated[UowFactory, Depends(get_uows)]
ConnectorDep = Annotated[PayerConnector, Depends(get_connector)]
PasDep = Annotated[PasSources, Depends(get_pas)]
NowDep = Annotated[datetime, Depends(get_now)]
ActorDep = Annotated[str, Depends(get_actor)]
