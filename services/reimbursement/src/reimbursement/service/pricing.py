"""Admin of pricing versions: payer contracts, named fee schedules and the charge master.

A new version is admitted by domain/pricing.py's rule (no overlap; a later start closes an
open-ended version) inside one transaction that locks the key's versions, so two admins adding
at once cannot both take the same dates.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from chairside_shared.errors import InvalidInput, NotFound
from reimbursement.domain.pricing import (
    PRACTICE,
    Admission,
    ContractTerms,
    RateTable,
    Version,
    VersionKind,
    admit,
)
from reimbursement.service.uow import ReimbursementUnitOfWork


async def add_contract_version(
    *, uow: ReimbursementUnitOfWork, payer_id: str, plan: str, effective_from: date,
    effective_to: date | None, terms: ContractTerms, source: str, created_by: str,
    now: datetime,
) -> tuple[Version[ContractTerms], Admission]:
    _dates(effective_from, effective_to)
    async with uow:
        if terms.fee_schedule_id and not await uow.pricing.rate_tables(
                "fee_schedule", terms.fee_schedule_id):
            raise InvalidInput("fee_schedule_id",
                               f"no fee schedule {terms.fee_schedule_id!r}; create it first")
        existing = await uow.pricing.contracts(payer_id, plan, for_update=True)
        admission = admit(existing, effective_from, effective_to)
        version = Version("contract", payer_id, plan, admission.number, effective_from,
                          effective_to, terms, source, created_by, now)
        await _store(uow, version, admission)
        await uow.commit()
    return version, admission


async def add_rate_table_version(
    *, uow: ReimbursementUnitOfWork, kind: VersionKind, owner: str, effective_from: date,
    effective_to: date | None, table: RateTable, source: str, created_by: str, now: datetime,
) -> tuple[Version[RateTable], Admission]:
    """A fee schedule's (owner = its id) or the charge master's (owner = practice) version."""
    _dates(effective_from, effective_to)
    async with uow:
        existing = await uow.pricing.rate_tables(kind, owner, for_update=True)
        admission = admit(existing, effective_from, effective_to)
        version = Version(kind, owner, "", admission.number, effective_from, effective_to,
                          table, source, created_by, now)
        await _store(uow, version, admission)
        await uow.commit()
    return version, admission


async def contract_versions(*, uow: ReimbursementUnitOfWork, payer_id: str | None = None,
                            plan: str | None = None) -> list[Version[ContractTerms]]:
    async with uow:
        return await uow.pricing.contracts(payer_id, plan)


async def rate_table_versions(*, uow: ReimbursementUnitOfWork, kind: VersionKind,
                              owner: str | None = None) -> list[Version[RateTable]]:
    async with uow:
        return await uow.pricing.rate_tables(kind, owner)


def one(versions: list[Version[Any]], number: int, what: str) -> Version[Any]:
    found = next((v for v in versions if v.number == number), None)
    if found is None:
        raise NotFound(f"{what} has no version {number}")
    return found


def _dates(effective_from: date, effective_to: date | None) -> None:
    if effective_to is not None and effective_to < effective_from:
        raise InvalidInput("effective_to", "must not be before effective_from")


async def _store(uow: ReimbursementUnitOfWork, version: Version[Any],
                 admission: Admission) -> None:
    if admission.closes is not None and admission.closed_to is not None:
        await uow.pricing.close(version.kind, version.owner, version.plan, admission.closes,
                                to=admission.closed_to, by=version.number)
    await uow.pricing.add(version)


__all__ = ["PRACTICE", "add_contract_version", "add_rate_table_version", "contract_versions",
           "one", "rate_table_versions"]
