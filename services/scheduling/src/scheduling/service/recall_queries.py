"""What the recall API reads: each query opens its own unit of work and changes nothing."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from scheduling.domain.errors import NotFound
from scheduling.domain.recall import Recall
from scheduling.service.recalls import repo
from scheduling.service.uow import SchedulingUnitOfWork


async def due_list(*, uow: SchedulingUnitOfWork, status: str | None, practice_id: str | None,
                   date_from: date | None, date_to: date | None, after: UUID | None,
                   limit: int) -> list[Recall]:
    async with uow:
        return await repo(uow).page(status=status, practice_id=practice_id,
                                    date_from=date_from, date_to=date_to, after=after,
                                    limit=limit)


async def get_recall(*, uow: SchedulingUnitOfWork, recall_id: UUID) -> Recall:
    async with uow:
        found = await repo(uow).get(recall_id)
    if found is None:
        raise NotFound(f"recall {recall_id} not found")
    return found
