"""The practice's billing identity (one row) and its payer enrollments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.adapters.dml import rowcount
from reimbursement.domain.practice import BillingIdentity, PayerEnrollment, PostalAddress

_ONE = 1  # the billing_identity row's key


def address_doc(a: PostalAddress) -> dict[str, str | None]:
    return {"line1": a.line1, "line2": a.line2, "city": a.city, "state": a.state,
            "postal_code": a.postal_code}


def address_from_doc(doc: dict[str, Any]) -> PostalAddress:
    return PostalAddress(doc["line1"], doc["city"], doc["state"], doc["postal_code"],
                         doc.get("line2"))


class PracticeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def billing_identity(self) -> BillingIdentity | None:
        t = orm.billing_identity
        row = (await self.session.execute(sa.select(t).where(t.c.id == _ONE))).mappings().first()
        if row is None:
            return None
        pay_to = row["pay_to_address"]
        return BillingIdentity(
            name=row["name"], npi=row["npi"], ein=row["ein"],
            npi_taxonomies=tuple(row["npi_taxonomies"]), address=address_from_doc(row["address"]),
            taxonomy=row["taxonomy"], pay_to=address_from_doc(pay_to) if pay_to else None)

    async def save_billing_identity(self, identity: BillingIdentity, now: datetime) -> None:
        t = orm.billing_identity
        values = {"name": identity.name, "npi": identity.npi, "ein": identity.ein,
                  "taxonomy": identity.taxonomy,
                  "npi_taxonomies": list(identity.npi_taxonomies),
                  "address": address_doc(identity.address),
                  "pay_to_address": address_doc(identity.pay_to) if identity.pay_to else None,
                  "updated_at": now}
        if await rowcount(self.session, t.update().where(t.c.id == _ONE).values(
                version=t.c.version + 1, **values)) == 0:
            await self.session.execute(t.insert().values(id=_ONE, version=1, **values))

    async def enrollment(self, payer_id: str | None) -> PayerEnrollment | None:
        if payer_id is None:
            return None
        t = orm.payer_enrollments
        row = (await self.session.execute(sa.select(t).where(t.c.payer_id == payer_id))
               ).mappings().first()
        return None if row is None else _enrollment(row)

    async def enrollments(self) -> list[PayerEnrollment]:
        t = orm.payer_enrollments
        rows = (await self.session.execute(sa.select(t).order_by(t.c.payer_id))).mappings()
        return [_enrollment(r) for r in rows]

    async def save_enrollment(self, enrollment: PayerEnrollment, now: datetime) -> None:
        t = orm.payer_enrollments
        values = {"npi": enrollment.npi, "taxonomy": enrollment.taxonomy,
                  "status": enrollment.status, "effective_from": enrollment.effective_from,
                  "effective_to": enrollment.effective_to, "updated_at": now}
        if await rowcount(self.session, t.update().where(
                t.c.payer_id == enrollment.payer_id).values(values)) == 0:
            await self.session.execute(t.insert().values(payer_id=enrollment.payer_id,
                                                         **values))


def _enrollment(row: Any) -> PayerEnrollment:
    return PayerEnrollment(row["payer_id"], row["npi"], row["taxonomy"], row["status"],
                           row["effective_from"], row["effective_to"])
