"""The recall sweep (a background loop, bootstrap.py): recalls whose target window opens
within N days get feasible slots offered (``recall.offered``, to the referring practice too),
never before their earliest day and within their target window; recalls past their latest
day with no booking are flagged (``recall.overdue``). Both through the outbox, in one unit of
work per sweep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from scheduling.domain.recall import Recall, is_overdue
from scheduling.domain.slots import Slot, SlotRequest
from scheduling.service import planning
from scheduling.service.recalls import payload, repo
from scheduling.service.uow import SchedulingUnitOfWork

DEFAULT_MINUTES = 60  # a recall whose dose's order scheduling never saw (chair minutes)


@dataclass(frozen=True)
class SweepResult:
    offered: int
    overdue: int


async def sweep_recalls(*, uow: SchedulingUnitOfWork, now: datetime, offer_days_before: int,
                        slots_offered: int = 3, batch: int = 100) -> SweepResult:
    async with uow:
        hours = await uow.config.hours()
        today = hours.local_date(now)
        store = repo(uow)
        overdue = await store.past_latest(today, batch)
        for r in overdue:
            if is_overdue(r.latest, today):
                r.mark_overdue(now)
                await store.save(r)
                await uow.emit("recall.overdue", payload(r, now), key=str(r.id))
        due = await store.to_offer(today + timedelta(days=offer_days_before), batch)
        for r in due:
            slots = await _slots(uow, r, now, slots_offered)
            r.mark_offered(now)
            await store.save(r)
            await uow.emit("recall.offered", payload(r, now, slots), key=str(r.id))
        await uow.commit()
    return SweepResult(offered=len(due), overdue=len(overdue))


async def _slots(uow: SchedulingUnitOfWork, r: Recall, now: datetime, limit: int) -> list[Slot]:
    """Feasible slots from the earliest day (or today) to the end of the target window."""
    hours = await uow.config.hours()
    start = hours.local_instant(max(r.earliest, hours.local_date(now)), time(0, 0))
    end = hours.local_instant(r.target_to + timedelta(days=1), time(0, 0))
    if end <= max(start, now):
        return []
    order = await uow.orders.get(r.source_order_id)
    signed = order.signed if order else None
    req = SlotRequest(
        minutes=signed.minutes if signed else DEFAULT_MINUTES,
        acuity_class=signed.acuity_class if signed else "standard",
        pediatric=signed.pediatric if signed else False,
        requires_driver=signed.requires_driver if signed else False,
        not_before=start, limit=limit)
    return await planning.search_slots(uow, req, start, end, now, uow.options.policy,
                                       uow.options.max_search_days)
