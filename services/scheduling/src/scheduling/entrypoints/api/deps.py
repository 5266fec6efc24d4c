"""HTTP plumbing: a unit of work per request (its lock waits bounded) and the clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from scheduling.service.uow import SchedulingUnitOfWork


async def get_uow(request: Request) -> AsyncIterator[SchedulingUnitOfWork]:
    uow: SchedulingUnitOfWork = request.app.state.runtime.uow()
    yield uow.for_request()


def get_now() -> datetime:
    return datetime.now(UTC)


UoWDep = Annotated[SchedulingUnitOfWork, Depends(get_uow)]
NowDep = Annotated[datetime, Depends(get_now)]
