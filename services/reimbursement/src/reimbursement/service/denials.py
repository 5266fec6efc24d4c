"""Read side of denials and appeals: the worklist with each claim's suggested action and
deadline to act, the same grouped by CARC, and appeals with their documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from chairside_shared.attachments import StoredDocument
from chairside_shared.errors import NotFound
from reimbursement.adapters.appeal_data import appeal_rules, denial_actions
from reimbursement.domain.appeals import Appeal
from reimbursement.domain.denial_actions import CarcAction, act_by, denial_carcs
from reimbursement.domain.money import ZERO
from reimbursement.service import queries
from reimbursement.service.queries import Denial
from reimbursement.service.uow import ReimbursementUnitOfWork


@dataclass(frozen=True, slots=True)
class WorkItem:
    denial: Denial
    carcs: tuple[str, ...]
    action: CarcAction  # for the primary CARC (the first of ``carcs``)
    payer_type: str | None
    determined_on: date | None
    act_by: date | None
    open_amount: Decimal  # charged, neither paid nor the patient's


@dataclass(frozen=True, slots=True)
class CarcGroup:
    carc: str
    action: CarcAction
    items: tuple[WorkItem, ...]

    @property
    def amount(self) -> Decimal:
        return sum((i.open_amount for i in self.items), ZERO)

    @property
    def earliest_act_by(self) -> date | None:
        return min((i.act_by for i in self.items if i.act_by), default=None)


async def worklist(*, uow: ReimbursementUnitOfWork, now: datetime) -> list[WorkItem]:
    """The denials worklist (oldest service date first), each claim with its CARCs, the
    suggested action of its primary CARC and the date to act by."""
    denials = await queries.denials(uow=uow, now=now)
    rules, actions = appeal_rules(), denial_actions()
    async with uow:
        found = await uow.appeals.determinations([d.claim.id for d in denials])
        kinds = {c.payer_id: str(c.kind) for c in await uow.catalog.contracts()}
    items: list[WorkItem] = []
    for d in denials:
        claim, det = d.claim, found.get(d.claim.id)
        carcs = denial_carcs(det.carc_amounts if det else (), claim.denial_reasons)
        action = actions.for_carc(carcs[0] if carcs else "")
        payer_type = kinds.get(claim.coding.payer_id or "")
        determined = det.determined_on if det else None
        items.append(WorkItem(
            d, carcs, action, payer_type, determined,
            act_by(action, rules=rules, payer_type=payer_type, determined_on=determined,
                   service_date=claim.coding.service_date),
            claim.coding.total_charge - claim.paid_amount - claim.patient_responsibility))
    return items


def by_carc(items: list[WorkItem]) -> list[CarcGroup]:
    """Claims grouped under their primary CARC; the groups with most dollars first, each
    group's claims by deadline (none last)."""
    groups: dict[str, list[WorkItem]] = {}
    for item in items:
        groups.setdefault(item.carcs[0] if item.carcs else "", []).append(item)
    out = [CarcGroup(carc, members[0].action, tuple(sorted(
        members, key=lambda i: (i.act_by or date.max, str(i.denial.claim.id)))))
        for carc, members in groups.items()]
    return sorted(out, key=lambda g: (-g.amount, g.carc))


@dataclass(frozen=True, slots=True)
class AppealView:
    appeal: Appeal
    documents: tuple[StoredDocument, ...]


async def appeal_view(*, uow: ReimbursementUnitOfWork, appeal_id: UUID) -> AppealView:
    async with uow:
        appeal = await uow.appeals.get(appeal_id)
        if appeal is None:
            raise NotFound("no such appeal", appeal_id=str(appeal_id))
        docs = await uow.appeals.documents(appeal_id)
    return AppealView(appeal, tuple(docs))


async def claim_appeals(*, uow: ReimbursementUnitOfWork, claim_id: UUID) -> list[AppealView]:
    async with uow:
        if await uow.claims.get(claim_id) is None:
            raise NotFound("no such claim", claim_id=str(claim_id))
        appeals = await uow.appeals.for_claim(claim_id)
        return [AppealView(a, tuple(await uow.appeals.documents(a.id))) for a in appeals]


async def document(*, uow: ReimbursementUnitOfWork, appeal_id: UUID,
                   document_id: UUID) -> tuple[StoredDocument, bytes]:
    async with uow:
        found = await uow.appeals.document(appeal_id, document_id)
    if found is None:
        raise NotFound("no such document on this appeal", document_id=str(document_id))
    return found
