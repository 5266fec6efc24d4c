"""The authorization service's ASGI app."""

from __future__ import annotations

from fastapi import FastAPI

from authorization.bootstrap import build_runtime
from authorization.entrypoints.api import (
    appeals,
    decisions,
    eligibility,
    payers,
    renewals,
    routes,
)
from authorization.settings import AuthorizationSettings
from chairside_shared.settings import load_settings
from chairside_shared.web import create_service_app


def create_app(settings: AuthorizationSettings | None = None) -> FastAPI:
    settings = settings or load_settings(AuthorizationSettings)
    return create_service_app(
        build_runtime(settings),
        title="Chairside authorization",
        description="Payer prior authorization: coverage rules, PA cases and authorized units.",
        routers=[renewals.router, routes.router, decisions.router, appeals.router, payers.router,
                 eligibility.router],
    )
