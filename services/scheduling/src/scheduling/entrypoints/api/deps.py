"""HTTP plumbing: the unit of work, the clock, settings, and domain errors as problem+json."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError

from chairside_shared.errors import TYPE_BASE
from chairside_shared.http_errors import problem_response
from scheduling.adapters.orm import CHAIR_OVERLAP_CONSTRAINT, violates_one_current_per_order
from scheduling.domain.errors import ALREADY_BOOKED, DomainError, SlotUnavailable
from scheduling.optimizer.cpsat import SolveOptions
from scheduling.service.uow import SchedulingUnitOfWork
from scheduling.settings import SchedulingSettings


def get_settings(request: Request) -> SchedulingSettings:
    return request.app.state.runtime.settings


async def get_uow(request: Request) -> AsyncIterator[SchedulingUnitOfWork]:
    runtime = request.app.state.runtime
    yield runtime.uow().bound_waits(runtime.settings.request_lock_wait_s)


def get_now() -> datetime:
    return datetime.now(UTC)


def solve_options(settings: SchedulingSettings) -> SolveOptions:
    return SolveOptions(time_limit_s=settings.optimizer_time_limit_s,
                        workers=settings.optimizer_workers)


UoWDep = Annotated[SchedulingUnitOfWork, Depends(get_uow)]
SettingsDep = Annotated[SchedulingSettings, Depends(get_settings)]
NowDep = Annotated[datetime, Depends(get_now)]

_TITLES = {404: "Not found", 409: "Conflict", 422: "Validation failed"}


def install_domain_errors(app: FastAPI) -> None:
    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        # The database's own guards caught a clash the code missed (the repository maps the
        # order index when it writes; this covers any other statement).
        if CHAIR_OVERLAP_CONSTRAINT in str(exc.orig):
            return problem_response(409, "Conflict", detail="the chair is taken at that time",
                                    type_=TYPE_BASE + "slot-unavailable",
                                    instance=request.url.path, next_options=[])
        if violates_one_current_per_order(exc):
            return problem_response(409, "Conflict", detail=f"the order {ALREADY_BOOKED}",
                                    type_=TYPE_BASE + "conflict", instance=request.url.path)
        raise exc

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        extra: dict = {}
        if isinstance(exc, SlotUnavailable):
            extra["reasons"] = [{"code": r.code, "detail": r.detail} for r in exc.reasons]
            extra["next_options"] = [
                {"chair_id": s.chair_id, "start": s.start.isoformat(),
                 "end": s.end.isoformat()} for s in exc.next_options]
        errors = None
        if exc.status == 422:
            errors = [{"field": exc.field or "body", "message": exc.detail}]
        title = _TITLES.get(exc.status, "Bad request")
        return problem_response(exc.status, title, detail=exc.detail,
                                type_=TYPE_BASE + exc.code.replace("_", "-"), errors=errors,
                                instance=request.url.path, **extra)
