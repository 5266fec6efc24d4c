"""The orders service's ASGI app."""

from __future__ import annotations

from fastapi import FastAPI

from chairside_shared.web import create_service_app
from orders.bootstrap import build_runtime, settings_from_env
from orders.entrypoints.api import (
    catalog,
    identity,
    observations,
    orders,
    outcomes,
    patients,
    practitioners,
    reactions,
    visit,
)
from orders.entrypoints.api.span_query import QueryOutOfSpans
from orders.settings import OrdersSettings


def create_app(settings: OrdersSettings | None = None) -> FastAPI:
    app = create_service_app(
        build_runtime(settings or settings_from_env()),
        title="Chairside orders",
        description="Orders: patients, drug catalog, protocols, orders, safety checks and the "
                    "administration record.",
        # identity first: /v1/patients/lookup must win over /v1/patients/{patient_id}
        routers=[identity.router, patients.router, catalog.router, orders.router,
                 identity.orders_router, practitioners.router, reactions.router,
                 outcomes.orders_router, outcomes.patients_router, outcomes.reports_router,
                 visit.router, observations.router],
    )
    app.add_middleware(QueryOutOfSpans)  # lookups carry names in the query: never in a span
    return app
