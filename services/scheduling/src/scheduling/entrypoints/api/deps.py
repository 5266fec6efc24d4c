"""HTTP plumbing: the unit of work, the clock and settings (errors: shared http_errors)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

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
