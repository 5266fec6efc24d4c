"""The reimbursement service's ASGI app."""

from __future__ import annotations

from fastapi import FastAPI

from chairside_shared.settings import load_settings
from chairside_shared.web import create_service_app
from reimbursement.bootstrap import build_runtime
from reimbursement.entrypoints.api import (
    appeals,
    catalog,
    claim_states,
    claims,
    cob,
    practice,
    pricing,
    purchasing,
    referral_reports,
    reports,
)
from reimbursement.settings import ReimbursementSettings


def create_app(settings: ReimbursementSettings | None = None) -> FastAPI:
    settings = settings or load_settings(ReimbursementSettings)
    return create_service_app(
        build_runtime(settings),
        title="Chairside reimbursement",
        description="Buy-and-bill: inventory, fee schedules, claims, remittances and margin.",
        routers=[appeals.router, cob.router, claim_states.router, claims.router,
                 catalog.router, reports.router, referral_reports.router, practice.router,
                 pricing.router, purchasing.router],
    )
