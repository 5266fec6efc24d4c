"""The start-of-infusion guard for per-infusion regimen gates (the natalizumab TOUCH
pre-infusion checklist must exist for this very infusion before it starts)."""

from __future__ import annotations

from datetime import datetime

from orders.domain.checks.regimen_checks import start_blocks
from orders.domain.errors import Conflict
from orders.domain.order import Order
from orders.service.uow import OrdersUnitOfWork


async def ensure_may_start(uow: OrdersUnitOfWork, order: Order, now: datetime) -> None:
    """The first administration of an order starts the infusion: a per-infusion gate (TOUCH
    checklist for this very order) without its result refuses it (409)."""
    if order.administrations:
        return
    catalog = await uow.catalog.version(order.catalog_version)
    observations = await uow.observations.for_patient(order.patient_id)
    history = await uow.doses.history(order.patient_id, exclude_order=order.id)
    why: list[str] = []
    for code in dict.fromkeys(ln.drug_code for ln in order.lines):
        drug = catalog.drug(code)
        if drug is None or drug.regimen is None:
            continue
        same = {c for c, d in catalog.drugs.items() if d.molecule_key == drug.molecule_key}
        dose_number = sum(1 for d in history if d.drug_code in same and d.given_at <= now) + 1
        why += start_blocks(drug=drug, dose_number=dose_number, order_id=order.id,
                            on=catalog.rules.local_date(now), observations=observations,
                            kinds=catalog.observation_kinds)
    if why:
        raise Conflict("infusion start blocked: " + "; ".join(why))
