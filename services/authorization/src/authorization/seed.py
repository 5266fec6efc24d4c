"""Demo payers and policies for the embedded default (idempotent: existing payers are kept)."""

from __future__ import annotations

from datetime import UTC, datetime

from chairside_shared.runtime import ServiceRuntime

from .adapters.seed import load_seed_document, parse_seed


async def seed_payers(uow_factory, *, now: datetime | None = None) -> int:
    now = now or datetime.now(UTC)
    payers, sets = parse_seed(load_seed_document())
    by_payer = {s.payer_id: s for s in sets}
    added = 0
    async with uow_factory() as uow:
        for payer in payers:
            if await uow.payers.get(payer.id) is not None:
                continue
            await uow.payers.save(payer, now, create=True)
            if payer.id in by_payer:
                await uow.payers.put_policies(payer.id, 0, by_payer[payer.id].policies,
                                              "seed", now)
            added += 1
        await uow.commit()
    return added


async def seed_demo(runtime: ServiceRuntime) -> None:
    await seed_payers(runtime.uow)
