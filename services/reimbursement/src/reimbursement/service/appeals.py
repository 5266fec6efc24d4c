"""Claim appeals: open one for a denied claim, file it, record the payer's decision, go to the
next level, attach documents. Each handler owns its transaction; the rules are data
(adapters/appeal_data.py) applied by the domain (domain/appeal_rules.py, domain/appeals.py).

No PHI in logs: ids, levels and outcomes only (an appeal's reason and documents stay out).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from chairside_shared.attachments import NewDocument, StoredDocument, check_upload
from chairside_shared.errors import Conflict, NotFound
from reimbursement.adapters.appeal_data import appeal_rules
from reimbursement.domain.appeals import Appeal, AppealConflict, AppealOutcome, DeniedClaim
from reimbursement.domain.denial_actions import denial_carcs
from reimbursement.service.claim_reopen import mark_claim_appealed, reopen_claim_after_appeal
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.appeals")


@dataclass(frozen=True, slots=True)
class OpenAppeal:
    claim_id: UUID
    reason: str
    payer_type: str | None = None  # None: the payer contract's kind
    clerical: bool = False  # a clerical error: a reopening, not a redetermination
    remark_codes: tuple[str, ...] = ()  # RARCs of the denial (MA130: no appeal rights)
    amount_in_controversy: Decimal | None = None  # None: charged less paid less patient's




def _today(uow: ReimbursementUnitOfWork, now: datetime) -> date:
    return now.astimezone(uow.config.clinic_tz).date()


async def _load(uow: ReimbursementUnitOfWork, appeal_id: UUID) -> Appeal:
    appeal = await uow.appeals.get(appeal_id, for_update=True)
    if appeal is None:
        raise NotFound("no such appeal", appeal_id=str(appeal_id))
    return appeal


async def denied_claim(uow: ReimbursementUnitOfWork, claim_id: UUID) -> DeniedClaim:
    claim = await uow.claims.get(claim_id)
    if claim is None:
        raise NotFound("no such claim", claim_id=str(claim_id))
    found = (await uow.appeals.determinations([claim.id])).get(claim.id)
    carcs = denial_carcs(found.carc_amounts if found else (), claim.denial_reasons)
    disputed = claim.coding.total_charge - claim.paid_amount - claim.patient_responsibility
    return DeniedClaim(claim.id, claim.order_id, claim.practice_id, claim.coding.payer_id,
                       claim.status, found.determined_on if found else None, carcs, disputed)


async def payer_type_of(uow: ReimbursementUnitOfWork, payer_id: str | None) -> str | None:
    contract = await uow.catalog.contract(payer_id)
    return None if contract is None else str(contract.kind)


async def open_appeal(*, uow: ReimbursementUnitOfWork, command: OpenAppeal,
                      now: datetime) -> UUID:
    rules = appeal_rules()
    async with uow:
        claim = await denied_claim(uow, command.claim_id)
        payer_type = command.payer_type or await payer_type_of(uow, claim.payer_id)
        pending = [a for a in await uow.appeals.for_claim(claim.claim_id)
                   if a.status != "decided"]
        if pending:
            raise AppealConflict("the claim already has an appeal in progress",
                                 appeal_id=str(pending[0].id), status_now=pending[0].status)
        if claim.determined_on is None:
            raise AppealConflict("no remittance denied this claim: nothing to appeal yet")
        step = rules.first_step(payer_type, determined_on=claim.determined_on,
                                carcs=claim.carcs, rarcs=command.remark_codes,
                                clerical=command.clerical)
        appeal = Appeal.open(appeal_id=uuid.uuid4(), claim=claim, payer_type=str(payer_type),
                             step=step, rarcs=command.remark_codes, reason=command.reason,
                             amount=command.amount_in_controversy, today=_today(uow, now),
                             now=now)
        uow.appeals.add(appeal)
        await uow.commit()
    log.info("claim %s: %s %s opened (%s), deadline %s", claim.claim_id, appeal.kind,
             appeal.level, appeal.id, appeal.deadline)
    return appeal.id


async def file_appeal(*, uow: ReimbursementUnitOfWork, appeal_id: UUID, filed_on: date | None,
                      payer_reference: str | None, now: datetime) -> None:
    async with uow:
        appeal = await _load(uow, appeal_id)
        appeal.file(filed_on=filed_on or _today(uow, now), payer_reference=payer_reference,
                    now=now)
        await mark_claim_appealed(uow=uow, claim_id=appeal.claim_id, appeal_id=appeal.id,
                                  now=now)
        await uow.commit()
    log.info("appeal %s filed", appeal_id)


async def decide_appeal(*, uow: ReimbursementUnitOfWork, appeal_id: UUID,
                        outcome: AppealOutcome, decided_on: date,
                        amount_awarded: Decimal | None, note: str | None,
                        now: datetime) -> None:
    """Record the payer's decision; a win (in full or in part) goes to the claim in the same
    transaction (service/claim_reopen.py)."""
    rules = appeal_rules()
    async with uow:
        appeal = await _load(uow, appeal_id)
        payer = rules.for_payer(appeal.payer_type)
        appeal.decide(outcome=outcome, decided_on=decided_on, amount_awarded=amount_awarded,
                      note=note, next_level=payer.after(appeal.level), now=now)
        if outcome != "lost":
            state = await reopen_claim_after_appeal(uow=uow, claim_id=appeal.claim_id,
                                                    appeal_id=appeal.id, now=now)
            appeal.record_claim_reopen(state, now)
        await uow.commit()
    log.info("appeal %s decided: %s", appeal_id, outcome)


async def escalate_appeal(*, uow: ReimbursementUnitOfWork, appeal_id: UUID, reason: str,
                          amount_in_controversy: Decimal | None, now: datetime) -> UUID:
    """Open the next level after a loss, within its deadline."""
    rules = appeal_rules()
    async with uow:
        previous = await _load(uow, appeal_id)
        payer = rules.for_payer(previous.payer_type)
        level = payer.level(previous.next_level or "") if previous.next_level else None
        if level is None:
            raise AppealConflict("no further level to file after this appeal",
                                 status_now=previous.status, outcome=previous.outcome)
        later = [a for a in await uow.appeals.for_claim(previous.claim_id)
                 if a.previous_appeal_id == previous.id]
        if later:
            raise AppealConflict("the next level was already opened",
                                 appeal_id=str(later[0].id))
        appeal = previous.escalate(appeal_id=uuid.uuid4(), level=level, reason=reason,
                                   amount=amount_in_controversy, today=_today(uow, now),
                                   now=now)
        uow.appeals.add(appeal)
        await uow.commit()
    log.info("appeal %s escalated to %s (%s)", appeal_id, appeal.level, appeal.id)
    return appeal.id


async def add_document(*, uow: ReimbursementUnitOfWork, appeal_id: UUID, doc: NewDocument,
                       now: datetime) -> StoredDocument:
    checked = check_upload(doc.upload)  # 413/422 before any transaction
    async with uow:
        appeal = await _load(uow, appeal_id)
        appeal.ensure_accepts_documents()
        if await uow.appeals.has_document(appeal.id, checked.sha256):
            raise Conflict("this file is already attached to the appeal", sha256=checked.sha256)
        stored = doc.stored(checked, document_id=uuid.uuid4(), owner_id=appeal.id,
                            now=now)
        await uow.appeals.add_document(stored, checked.content)
        await uow.commit()
    log.info("appeal %s: document %s attached (%s bytes)", appeal_id, stored.id, stored.size)
    return stored
