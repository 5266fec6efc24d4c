"""Stock drawn for a billed visit: first-expiring lots first, never below zero.

A shortfall is refused (nothing deducted) and flagged; the claim still bills what was given.
Part of a billing handler's unit of work: it writes lots, movements and flags, never commits.
"""

from __future__ import annotations

import logging
from datetime import datetime
from decimal import Decimal

from reimbursement.domain.claim import BillingContext, ClaimDraft
from reimbursement.domain.drug_coding import Consumption
from reimbursement.domain.inventory import (
    ConsumptionPlan,
    InsufficientStock,
    Product,
    apply_plan,
    plan_consumption,
)
from reimbursement.domain.money import ZERO
from reimbursement.domain.ndc import format_ndc
from reimbursement.metrics import STOCK_FLAGS
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.billing")


async def consume_stock(
    *, uow: ReimbursementUnitOfWork, draft: ClaimDraft, ctx: BillingContext, now: datetime,
    already: set[tuple[str, int]],
) -> tuple[dict[str, Decimal], list[str]]:
    """Draw every administration's vials (lines in ``already`` were drawn before).

    Returns the acquisition cost per NDC (lots drawn, or the catalogue price where the draw was
    refused) and the inventory warnings for the claim.
    """
    by_ndc: dict[str, list[Consumption]] = {}
    for c in draft.consumptions:
        if (c.ndc, c.sequence) not in already and c.vials > 0:
            by_ndc.setdefault(c.ndc, []).append(c)
    drawer = _Drawer(uow, draft, now)
    for ndc, items in by_ndc.items():
        await drawer.draw(ctx.products[ndc], sorted(items, key=lambda x: x.sequence))
    return drawer.costs, drawer.warnings


class _Drawer:
    def __init__(self, uow: ReimbursementUnitOfWork, draft: ClaimDraft, now: datetime) -> None:
        self.uow, self.draft, self.now = uow, draft, now
        self.costs: dict[str, Decimal] = {}
        self.warnings: list[str] = []

    async def draw(self, product: Product, items: list[Consumption]) -> None:
        """One NDC's administrations, in line order, from its lots (locked for the draw)."""
        lots = await self.uow.inventory.lots(product.ndc, for_update=True)
        touched: set[str] = set()
        for c in items:
            try:
                plan = plan_consumption(product, lots, vials=c.vials,
                                        day=self.draft.service_date, recorded_lot=c.lot)
            except InsufficientStock as short:
                await self._refused(product, c, short)
                continue
            await self._flag(product.ndc, c.sequence, plan)
            lots = apply_plan(lots, plan)
            touched.update(await self._record(product.ndc, c.sequence, plan))
        for lot in lots:
            if lot.lot_number in touched:
                await self.uow.inventory.save_lot(lot)

    async def _refused(self, product: Product, c: Consumption, short: InsufficientStock,
                       ) -> None:
        detail = (f"NDC {format_ndc(product.ndc)} line {c.sequence}: needs {short.needed} "
                  f"vials, {short.available} usable on hand; not deducted")
        await self.uow.inventory.add_flag(kind="stock_out", detail=detail, at=self.now,
                                          order_id=self.draft.order_id, ndc=product.ndc,
                                          needed=short.needed, available=short.available)
        self.warnings.append(f"inventory: {detail}")
        STOCK_FLAGS.labels("stock_out").inc()
        self._add_cost(product.ndc, c.vials * product.vial_cost)

    async def _flag(self, ndc: str, sequence: int, plan: ConsumptionPlan) -> None:
        for flag in plan.flags:
            kind = "expired_lot" if "expired" in flag else "unknown_lot"
            await self.uow.inventory.add_flag(kind=kind, detail=f"line {sequence}: {flag}",
                                              at=self.now, order_id=self.draft.order_id,
                                              ndc=ndc)
            self.warnings.append(f"inventory: line {sequence}: {flag}")
            STOCK_FLAGS.labels(kind).inc()
            if kind == "expired_lot":
                log.warning("order %s line %s: expired lot administered (NDC %s)",
                            self.draft.order_id, sequence, ndc)

    async def _record(self, ndc: str, sequence: int, plan: ConsumptionPlan) -> set[str]:
        for d in plan.draws:
            await self.uow.inventory.add_movement(
                ndc=ndc, lot_number=d.lot_number, kind="administration", vials=-d.vials,
                vial_cost=d.vial_cost, at=self.now, order_id=self.draft.order_id,
                line_sequence=sequence)
        self._add_cost(ndc, sum((d.cost for d in plan.draws), ZERO))
        return {d.lot_number for d in plan.draws}

    def _add_cost(self, ndc: str, cost: Decimal) -> None:
        self.costs[ndc] = self.costs.get(ndc, ZERO) + cost
