"""Read side: claim views, lists with cursors, the denials worklist, inventory and reports."""

from __future__ import annotations

import base64
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from chairside_shared.errors import InvalidInput, NotFound
from reimbursement.domain.money import ZERO
from reimbursement.domain.reports import (
    ArReport,
    ClaimFacts,
    DrugFacts,
    MarginRow,
    accounts_receivable,
    margin,
)
from reimbursement.domain.stock_reports import expiring_soon, on_hand, stock_outs
from reimbursement.service.uow import ReimbursementUnitOfWork


def encode_cursor(row: dict) -> str:
    return base64.urlsafe_b64encode(f"{row['created_at'].isoformat()}|{row['id']}".encode()
                                    ).decode()


def decode_cursor(cursor: str) -> tuple[datetime, UUID]:
    try:
        created, claim_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(created), UUID(claim_id)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput("cursor", "not a cursor this API issued") from exc


async def claim_view(uow: ReimbursementUnitOfWork, claim_id: UUID) -> dict[str, Any]:
    async with uow:
        claim = await uow.claims.get(claim_id)
        if claim is None:
            raise NotFound("no such claim")
        claim["lines"] = await uow.claims.lines(claim_id)
        claim["payments"] = await uow.claims.payments(claim_id=claim_id)
    return claim


async def list_claims(uow: ReimbursementUnitOfWork, *, limit: int, cursor: str | None,
                      **filters: Any) -> tuple[list[dict], str | None]:
    after = decode_cursor(cursor) if cursor else None
    async with uow:
        rows = await uow.claims.search(after=after, limit=limit + 1, **filters)
        for row in rows[:limit]:
            row["lines"] = await uow.claims.lines(row["id"])
    page = rows[:limit]
    return page, encode_cursor(page[-1]) if len(rows) > limit and page else None


async def denials(uow: ReimbursementUnitOfWork, today: date) -> list[dict[str, Any]]:
    """Denied and partially paid claims, oldest first, with reasons and the lines denied."""
    async with uow:
        rows = await uow.claims.search(status=["denied", "partially_paid"])
        for row in rows:
            lines = await uow.claims.lines(row["id"])
            row["denied_lines"] = [ln for ln in lines if ln["denied"]]
            row["age_days"] = (today - row["service_date"]).days
    return sorted(rows, key=lambda r: (r["service_date"], r["id"]))


async def inventory_overview(uow: ReimbursementUnitOfWork, today: date, within_days: int,
                             ) -> dict[str, Any]:
    async with uow:
        products = await uow.catalog.products()
        lots = await uow.inventory.lots()
        flags = await uow.inventory.flags()
    rows = {r.ndc: r for r in on_hand(products.values(), lots, today)}
    return {
        "products": [{"product": p, "on_hand": rows[p.ndc],
                      "lots": [lot for lot in lots if lot.ndc == p.ndc]}
                     for p in sorted(products.values(), key=lambda x: x.ndc)],
        "expiring": expiring_soon(lots, today, within_days),
        "stock_outs": stock_outs(products.values(), lots, today),
        "flags": flags,
    }


async def claim_facts(uow: ReimbursementUnitOfWork, *, start: date | None, end: date,
                      ) -> list[ClaimFacts]:
    async with uow:
        rows = await uow.claims.search(service_from=start, service_to=end)
        ids = [r["id"] for r in rows]
        lines = await uow.claims.drug_lines(ids)
        costs = await uow.claims.drug_costs(ids)
    facts = []
    for r in rows:
        facts.append(ClaimFacts(
            claim_id=r["id"], order_id=r["order_id"], payer_id=r["payer_id"],
            service_date=r["service_date"], status=r["status"], total_charge=r["total_charge"],
            allowed=r["allowed"] or ZERO, expected_payment=r["expected_payment"],
            paid=r["paid_amount"], patient_responsibility=r["patient_responsibility"],
            acquisition_cost=r["acquisition_cost"], waste_cost=r["waste_cost"],
            submitted_on=r["submitted_at"].date() if r["submitted_at"] else None,
            drugs=_drug_facts(lines.get(r["id"], []), costs.get(r["id"], [])),
        ))
    return facts


def _drug_facts(lines: list[dict], costs: list[dict]) -> tuple[DrugFacts, ...]:
    by_code: dict[str, list] = {}
    for ln in lines:
        acc = by_code.setdefault(ln["code"], [0, ZERO, ZERO, ZERO])
        acc[0] += ln["units"]
        acc[1] += ln["allowed"] or ZERO
    for c in costs:
        acc = by_code.setdefault(c["hcpcs"] or c["ndc"], [0, ZERO, ZERO, ZERO])
        acc[2] += c["acquisition_cost"]
        acc[3] += c["waste_cost"]
    return tuple(DrugFacts(code, units, allowed, cost, waste)
                 for code, (units, allowed, cost, waste) in sorted(by_code.items()))


async def margin_report(uow: ReimbursementUnitOfWork, *, start: date, end: date, by: str,
                        ) -> list[MarginRow]:
    return margin(await claim_facts(uow, start=start, end=end), by)  # type: ignore[arg-type]


async def ar_report(uow: ReimbursementUnitOfWork, *, start: date, end: date) -> ArReport:
    return accounts_receivable(await claim_facts(uow, start=None, end=end), start=start, end=end)


def decimal_or_none(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
