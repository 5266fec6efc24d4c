"""Fee schedules, contracts, descriptors, charge master and products: read and write."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.adapters.codec import (
    contract_from_row,
    contract_values,
    descriptor_from_row,
    product_from_row,
    product_values,
)
from reimbursement.adapters.dml import rowcount
from reimbursement.domain.fees import (
    AspEntry,
    AspImport,
    AspQuarter,
    ChargeMaster,
    PayerContract,
)
from reimbursement.domain.hcpcs import HcpcsDescriptor
from reimbursement.domain.inventory import Product


class CatalogRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # ------------------------------------------------------------------ products
    async def products(self) -> dict[str, Product]:
        rows = (await self.session.execute(sa.select(orm.products))).mappings()
        return {r["ndc"]: product_from_row(r) for r in rows}

    async def product(self, ndc: str) -> Product | None:
        row = (await self.session.execute(
            sa.select(orm.products).where(orm.products.c.ndc == ndc))).mappings().first()
        return product_from_row(row) if row else None

    async def save_product(self, product: Product, now: datetime) -> bool:
        """Insert or update; True when it was new."""
        values = product_values(product)
        if await rowcount(self.session, orm.products.update().where(
                orm.products.c.ndc == product.ndc).values(**values, updated_at=now)):
            return False
        await self.session.execute(orm.products.insert().values(**values, created_at=now,
                                                                updated_at=now))
        return True

    # ------------------------------------------------------------------ descriptors, charges
    async def descriptors(self) -> dict[str, HcpcsDescriptor]:
        rows = (await self.session.execute(sa.select(orm.hcpcs_descriptors))).mappings()
        return {r["code"]: descriptor_from_row(r) for r in rows}

    async def save_descriptor(self, d: HcpcsDescriptor) -> None:
        values = {"description": d.description, "amount": d.amount, "unit": d.unit,
                  "up_to": d.up_to, "unclassified": d.unclassified, "source": d.source}
        t = orm.hcpcs_descriptors
        if await rowcount(self.session, t.update().where(t.c.code == d.code).values(
                **values)) == 0:
            await self.session.execute(t.insert().values(code=d.code, **values))

    async def charge_master(self) -> ChargeMaster:
        rows = (await self.session.execute(sa.select(orm.charge_master))).all()
        return ChargeMaster({r.code: r.unit_charge for r in rows},
                            version=max((r.version for r in rows), default=""))

    async def replace_charge_master(self, rates: dict[str, Decimal], version: str) -> None:
        await self.session.execute(orm.charge_master.delete())
        if rates:
            await self.session.execute(orm.charge_master.insert(), [
                {"code": code, "unit_charge": charge, "version": version}
                for code, charge in sorted(rates.items())])

    # ------------------------------------------------------------------ contracts
    async def contract(self, payer_id: str | None) -> PayerContract | None:
        if not payer_id:
            return None
        row = (await self.session.execute(sa.select(orm.payer_contracts).where(
            orm.payer_contracts.c.payer_id == payer_id))).mappings().first()
        return contract_from_row(row) if row else None

    async def contracts(self) -> list[PayerContract]:
        rows = (await self.session.execute(
            sa.select(orm.payer_contracts).order_by(orm.payer_contracts.c.payer_id))).mappings()
        return [contract_from_row(r) for r in rows]

    async def save_contract(self, contract: PayerContract) -> None:
        t = orm.payer_contracts
        values = contract_values(contract) | {"updated_at": datetime.now(UTC)}
        if await rowcount(self.session, t.update().where(
                t.c.payer_id == contract.payer_id).values(**values)) == 0:
            await self.session.execute(t.insert().values(**values))

    async def awp(self) -> dict[str, Decimal]:
        rows = (await self.session.execute(sa.select(orm.awp_prices))).all()
        return {r.hcpcs: r.per_unit for r in rows}

    async def add_awp(self, prices: dict[str, Decimal], *, source: str) -> None:
        if prices:
            await self.session.execute(orm.awp_prices.insert(), [
                {"hcpcs": code, "per_unit": price, "source": source}
                for code, price in prices.items()])

    # ------------------------------------------------------------------ ASP quarters
    async def asp_for(self, day: date) -> AspQuarter | None:
        """The quarter covering ``day``, else the latest one before it (CMS files lag)."""
        q = orm.asp_quarters
        row = (await self.session.execute(
            sa.select(q).where(q.c.effective_from <= day)
            .order_by(q.c.effective_from.desc()).limit(1))).mappings().first()
        return await self._load_quarter(row) if row else None

    async def asp_quarter(self, quarter: str) -> AspQuarter | None:
        row = (await self.session.execute(sa.select(orm.asp_quarters).where(
            orm.asp_quarters.c.quarter == quarter))).mappings().first()
        return await self._load_quarter(row) if row else None

    async def _load_quarter(self, row: RowMapping) -> AspQuarter:
        prices = (await self.session.execute(sa.select(orm.asp_prices).where(
            orm.asp_prices.c.quarter == row["quarter"]))).mappings()
        entries = {p["hcpcs"]: AspEntry(p["hcpcs"], p["description"], p["dosage"],
                                        p["payment_limit"], p["line"]) for p in prices}
        return AspQuarter(row["quarter"], row["effective_from"], row["effective_to"], entries,
                          row["source"])

    async def asp_quarters(self) -> list[AspImport]:
        rows = (await self.session.execute(sa.select(orm.asp_quarters).order_by(
            orm.asp_quarters.c.effective_from.desc()))).mappings()
        return [AspImport(r["quarter"], r["effective_from"], r["effective_to"], r["source"],
                          r["rows"], r["imported_at"]) for r in rows]

    async def replace_asp_quarter(self, quarter: AspQuarter, now: datetime) -> bool:
        """Store a quarter, replacing an earlier import of the same quarter (CMS revises)."""
        existed = await rowcount(self.session, orm.asp_quarters.delete().where(
            orm.asp_quarters.c.quarter == quarter.quarter)) > 0
        await self.session.execute(orm.asp_prices.delete().where(
            orm.asp_prices.c.quarter == quarter.quarter))
        await self.session.execute(orm.asp_quarters.insert().values(
            quarter=quarter.quarter, effective_from=quarter.effective_from,
            effective_to=quarter.effective_to, source=quarter.source,
            rows=len(quarter.entries), imported_at=now))
        await self.session.execute(orm.asp_prices.insert(), [
            {"quarter": quarter.quarter, "hcpcs": e.hcpcs, "description": e.description[:200],
             "dosage": e.dosage[:40], "payment_limit": e.payment_limit, "line": e.line}
            for e in quarter.entries.values()])
        return existed
