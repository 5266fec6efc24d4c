"""Read side of PA appeals: a case's appeals with their documents and what may be requested
next (each option with its deadline), one document's bytes."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from chairside_shared.attachments import StoredDocument

from ..adapters.appeal_rules_file import pa_appeal_rules
from ..domain.appeals import Option, PaAppeal, options
from ..domain.errors import NotFound
from .pa_appeals import APPEALABLE, denied_on
from .uow import UowFactory


@dataclass(frozen=True, slots=True)
class CaseAppeals:
    case_id: UUID
    case_status: str
    appeals: tuple[tuple[PaAppeal, tuple[StoredDocument, ...]], ...]
    options: tuple[Option, ...]


async def case_appeals(*, uows: UowFactory, case_id: UUID) -> CaseAppeals:
    async with uows() as uow:
        case = await uow.cases.get(case_id)
        if case is None:
            raise NotFound(f"no authorization {case_id}")
        appeals = await uow.appeals.for_case(case_id)
        docs = await uow.appeals.documents([a.id for a in appeals])
        offered: list[Option] = []
        rules = pa_appeal_rules().payers.get(case.payer_type or "")
        if case.status in APPEALABLE and rules is not None:
            offered = options(rules, appeals, denied_on(uow, case))
    return CaseAppeals(case_id, case.status, tuple((a, tuple(docs[a.id])) for a in appeals),
                       tuple(offered))


async def document(*, uows: UowFactory, case_id: UUID, appeal_id: UUID,
                   document_id: UUID) -> tuple[StoredDocument, bytes]:
    async with uows() as uow:
        appeal = await uow.appeals.get(appeal_id)
        found = None if appeal is None or appeal.case_id != case_id else (
            await uow.appeals.content(appeal_id, document_id))
    if found is None:
        raise NotFound(f"no document {document_id} on appeal {appeal_id}")
    return found
