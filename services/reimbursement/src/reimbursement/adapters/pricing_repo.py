"""Effective-dated pricing versions (contracts, fee schedules, the charge master): read, add,
and close an open end. Terms are stored as JSON with decimals as strings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.domain.fees import PayerKind
from reimbursement.domain.pricing import (
    ContractTerms,
    DrugPricing,
    RateTable,
    Tolerance,
    Version,
    VersionKind,
    VersionOverlap,
)

t = orm.pricing_versions


class PricingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def contracts(self, owner: str | None = None, plan: str | None = None,
                        *, for_update: bool = False) -> list[Version[ContractTerms]]:
        rows = await self._rows("contract", owner, plan, for_update=for_update)
        return [_version(r, _terms(r["body"])) for r in rows]

    async def rate_tables(self, kind: VersionKind, owner: str | None = None,
                          *, for_update: bool = False) -> list[Version[RateTable]]:
        rows = await self._rows(kind, owner, None if owner is None else "",
                                for_update=for_update)
        return [_version(r, _table(r["body"])) for r in rows]

    async def add(self, v: Version[ContractTerms] | Version[RateTable]) -> None:
        body = _terms_doc(v.body) if isinstance(v.body, ContractTerms) else _table_doc(v.body)
        try:
            await self.session.execute(t.insert().values(
                kind=v.kind, owner=v.owner, plan=v.plan, number=v.number,
                effective_from=v.effective_from, effective_to=v.effective_to, body=body,
                source=v.source, created_by=v.created_by, created_at=v.created_at))
        except IntegrityError as exc:
            # The key had no version to lock, and another admin's first version won the number.
            raise VersionOverlap("another version of this key was added at the same time; "
                                 "read its versions and retry", field="effective_from",
                                 ) from exc

    async def close(self, kind: VersionKind, owner: str, plan: str, number: int, *,
                    to: date, by: int) -> None:
        await self.session.execute(t.update().where(
            t.c.kind == kind, t.c.owner == owner, t.c.plan == plan, t.c.number == number,
        ).values(effective_to=to, closed_by=by))

    async def _rows(self, kind: str, owner: str | None, plan: str | None, *,
                    for_update: bool) -> list[RowMapping]:
        stmt = sa.select(t).where(t.c.kind == kind)
        if owner is not None:
            stmt = stmt.where(t.c.owner == owner)
        if plan is not None:
            stmt = stmt.where(t.c.plan == plan)
        stmt = stmt.order_by(t.c.owner, t.c.plan, t.c.number)
        if for_update and self.session.bind is not None \
                and self.session.bind.dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        return list((await self.session.execute(stmt)).mappings())


def _version(row: RowMapping, body: Any) -> Version[Any]:
    return Version(row["kind"], row["owner"], row["plan"], row["number"], row["effective_from"],
                   row["effective_to"], body, row["source"], row["created_by"],
                   row["created_at"])


def _rates(doc: Mapping[str, str]) -> dict[str, Decimal]:
    return {code: Decimal(rate) for code, rate in doc.items()}


def _terms(doc: dict[str, Any]) -> ContractTerms:
    return ContractTerms(
        name=doc["name"], payer_kind=PayerKind(doc["payer_kind"]),
        drug_pricing=DrugPricing(doc["drug_pricing"]), drug_percent=Decimal(doc["drug_percent"]),
        fee_schedule_id=doc.get("fee_schedule_id"), rates=_rates(doc["rates"]),
        sequestration=Decimal(doc["sequestration"]),
        tolerance=Tolerance(Decimal(doc["tolerance_amount"]),
                            Decimal(doc["tolerance_percent"])))


def _terms_doc(c: ContractTerms) -> dict[str, Any]:
    return {"name": c.name, "payer_kind": c.payer_kind.value,
            "drug_pricing": c.drug_pricing.value, "drug_percent": str(c.drug_percent),
            "fee_schedule_id": c.fee_schedule_id,
            "rates": {k: str(v) for k, v in sorted(c.rates.items())},
            "sequestration": str(c.sequestration),
            "tolerance_amount": str(c.tolerance.amount),
            "tolerance_percent": str(c.tolerance.percent)}


def _table(doc: dict[str, Any]) -> RateTable:
    return RateTable(doc["name"], _rates(doc["rates"]))


def _table_doc(r: RateTable) -> dict[str, Any]:
    return {"name": r.name, "rates": {k: str(v) for k, v in sorted(r.rates.items())}}
