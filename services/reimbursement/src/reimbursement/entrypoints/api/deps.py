"""HTTP concerns only: the unit of work, the clock and the payer-identity source (orders),
each built by bootstrap.py and read from the runtime here."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from chairside_shared.web import get_runtime, request_actor
from reimbursement.adapters.clearinghouse import Clearinghouse
from reimbursement.adapters.clients import PayerIdentitySource
from reimbursement.service.uow import ReimbursementUnitOfWork


def get_uow(request: Request) -> ReimbursementUnitOfWork:
    uow = get_runtime(request).uow()
    assert isinstance(uow, ReimbursementUnitOfWork)
    return uow


def get_now() -> datetime:
    return datetime.now(UTC)


def get_identities(request: Request) -> PayerIdentitySource:
    source: PayerIdentitySource = get_runtime(request).state["identities"]
    return source


def get_clearinghouse(request: Request) -> Clearinghouse | None:
    """None: no clearinghouse configured (claims leave by 837P export)."""
    found: Clearinghouse | None = get_runtime(request).state.get("clearinghouse")
    return found


def get_actor(request: Request) -> str:
    """Who acts, as the gateway forwards the caller (ids only): kept in a claim's history."""
    return request_actor(request)


UoW = Annotated[ReimbursementUnitOfWork, Depends(get_uow)]
Now = Annotated[datetime, Depends(get_now)]
Identities = Annotated[PayerIdentitySource, Depends(get_identities)]
Actor = Annotated[str, Depends(get_actor)]
ClearinghouseDep = Annotated[Clearinghouse | None, Depends(get_clearinghouse)]
