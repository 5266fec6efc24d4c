"""HTTP concerns only: the unit of work, the clock and the subscriber source, each built by
bootstrap.py and read from the runtime here."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from chairside_shared.web import get_runtime
from reimbursement.adapters.clients import SubscriberSource
from reimbursement.service.uow import ReimbursementUnitOfWork


def get_uow(request: Request) -> ReimbursementUnitOfWork:
    uow = get_runtime(request).uow()
    assert isinstance(uow, ReimbursementUnitOfWork)
    return uow


def get_now() -> datetime:
    return datetime.now(UTC)


def get_subscribers(request: Request) -> SubscriberSource:
    source: SubscriberSource = get_runtime(request).state["subscribers"]
    return source


UoW = Annotated[ReimbursementUnitOfWork, Depends(get_uow)]
Now = Annotated[datetime, Depends(get_now)]
Subscribers = Annotated[SubscriberSource, Depends(get_subscribers)]
