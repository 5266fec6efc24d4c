"""Key rotation while the service runs: batches of rewrapped data keys, one transaction each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from orders.service.uow import OrdersUnitOfWork


@dataclass(frozen=True)
class RotationReport:
    rewrapped: int
    before: dict[str, dict[str, int]]  # table -> key id -> rows
    after: dict[str, dict[str, int]]

    @property
    def stale(self) -> int:
        """Rows still wrapped by another key than the current one (0 when done)."""
        return sum(n for by_key in self.after.values() for k, n in by_key.items()
                   if k != self.current)

    current: str = ""


async def rotate_phi_keys(*, uow_factory: Callable[[], OrdersUnitOfWork], batch_size: int,
                          current_key_id: str) -> RotationReport:
    async with uow_factory() as uow:
        before = await uow.phi_keys.counts()
    rewrapped = 0
    while True:
        async with uow_factory() as uow:
            selected, done = await uow.phi_keys.rewrap_batch(batch_size)
            await uow.commit()
        rewrapped += done
        if selected == 0:
            break
    async with uow_factory() as uow:
        after = await uow.phi_keys.counts()
    return RotationReport(rewrapped, before, after, current_key_id)
