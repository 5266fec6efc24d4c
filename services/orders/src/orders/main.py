"""The orders service's ASGI app."""

from __future__ import annotations

from fastapi import FastAPI

from chairside_shared.settings import load_settings
from chairside_shared.web import create_service_app
from orders.bootstrap import build_runtime
from orders.entrypoints.api import catalog, orders, patients
from orders.settings import OrdersSettings


def create_app(settings: OrdersSettings | None = None) -> FastAPI:
    settings = settings or load_settings(OrdersSettings)
    return create_service_app(
        build_runtime(settings),
        title="Chairside orders",
        description="Orders: patients, drug catalog, protocols, orders, safety checks and the "
                    "administration record.",
        routers=[patients.router, catalog.router, orders.router],
    )
