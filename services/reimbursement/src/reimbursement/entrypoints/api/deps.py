"""HTTP concerns only: the unit of work, the clock, settings and the subscriber source."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Request

from chairside_shared.web import get_runtime
from reimbursement.adapters.clients import SubscriberSource
from reimbursement.service.uow import ReimbursementUnitOfWork
from reimbursement.settings import ReimbursementSettings


def get_uow(request: Request) -> ReimbursementUnitOfWork:
    return get_runtime(request).uow()


def get_now() -> datetime:
    return datetime.now(UTC)


def get_settings(request: Request) -> ReimbursementSettings:
    return get_runtime(request).settings


def get_tz(request: Request) -> ZoneInfo:
    return get_runtime(request).state["clinic_tz"]


def get_subscribers(request: Request) -> SubscriberSource:
    return get_runtime(request).state["subscribers"]


UoW = Annotated[ReimbursementUnitOfWork, Depends(get_uow)]
Now = Annotated[datetime, Depends(get_now)]
Settings = Annotated[ReimbursementSettings, Depends(get_settings)]
Tz = Annotated[ZoneInfo, Depends(get_tz)]
Subscribers = Annotated[SubscriberSource, Depends(get_subscribers)]
