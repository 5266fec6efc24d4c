"""Recall routes: the due list of recurring drugs' next doses (status, target dates,
practice) and one recall. Reads only; recalls change through events and the recall sweep."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from scheduling.domain.recall import Recall
from scheduling.entrypoints.api.deps import UoWDep
from scheduling.entrypoints.api.recall_schemas import RecallOut, RecallPage, RecallQuery
from scheduling.service import recall_queries

router = APIRouter(prefix="/v1", tags=["recalls"])


def recall_out(r: Recall) -> RecallOut:
    return RecallOut(
        id=r.id, patient_id=r.patient_id, practice_id=r.practice_id, drug_code=r.drug_code,
        hcpcs=r.hcpcs, status=r.status,
        source_order_id=r.source_order_id, next_order_id=r.next_order_id,
        last_dose_on=r.last_dose_on, units_given=r.units_given, earliest=r.earliest,
        target_from=r.target_from, target_to=r.target_to, latest=r.latest,
        quantity_limit_units=r.limit.units if r.limit else None,
        quantity_limit_period_days=r.limit.period_days if r.limit else None,
        auth_valid_to=r.auth_valid_to, pre_dose_checks=list(r.pre_dose_checks),
        offered_at=r.offered_at, overdue_at=r.overdue_at)


@router.get("/recalls", response_model=RecallPage,
            summary="The recall due list (next doses of recurring drugs)")
async def list_recalls(uow: UoWDep, q: Annotated[RecallQuery, Query()]) -> RecallPage:
    items = await recall_queries.due_list(
        uow=uow, status=q.status, practice_id=q.practice_id, date_from=q.from_,
        date_to=q.to, after=q.cursor, limit=q.limit)
    nxt = str(items[-1].id) if len(items) == q.limit else None
    return RecallPage(items=[recall_out(r) for r in items], next_cursor=nxt)


@router.get("/recalls/{recall_id}", response_model=RecallOut, summary="Get a recall")
async def get_recall(recall_id: UUID, uow: UoWDep) -> RecallOut:
    return recall_out(await recall_queries.get_recall(uow=uow, recall_id=recall_id))
