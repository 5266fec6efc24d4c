"""HTTP plumbing: unit-of-work factory, connector, clock and actor. Domain errors become
problem+json in chairside_shared.http_errors, not here."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from ...adapters.payer_client import PayerConnector
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
