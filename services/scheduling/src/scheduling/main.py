"""The scheduling service's ASGI app."""

from __future__ import annotations

from fastapi import FastAPI

from chairside_shared.settings import load_settings
from chairside_shared.web import create_service_app
from scheduling.bootstrap import build_runtime
from scheduling.entrypoints.api import admin, pharmacy, recalls, routes, series, staffing
from scheduling.settings import SchedulingSettings


def create_app(settings: SchedulingSettings | None = None) -> FastAPI:
    settings = settings or load_settings(SchedulingSettings)
    return create_service_app(
        build_runtime(settings),
        title="Chairside scheduling",
        description="Scheduling: chairs, nurses, slots, appointments and the same-day queue.",
        routers=[routes.router, series.router, admin.router, recalls.router, pharmacy.router,
                 staffing.router],
    )
