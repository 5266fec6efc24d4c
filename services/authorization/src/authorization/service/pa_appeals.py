"""Commands on PA appeals: request (peer-to-peer or an appeal level), schedule a peer-to-peer,
record the payer's decision, attach documents. Each owns its transaction and re-runs on a
concurrent change. A won appeal approves the case through the case's own decision (the same
``authorization.approved`` leaves, so the held chair is booked and the visit proceeds).

No PHI in logs: ids, levels and outcomes (never the reason, the reviewer or a document).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from chairside_shared.attachments import NewDocument, StoredDocument, check_upload
from chairside_shared.errors import Conflict

from ..adapters.appeal_rules_file import pa_appeal_rules
from ..domain.appeals import AppealConflict, AppealOutcome, PaAppeal, options
from ..domain.case import PACase, PayerDecision
from ..domain.errors import FieldError, InvalidTransition, NotFound, ValidationFailed
from ..domain.offline_decision import OfflineDecision, check_offline_decision
from .cases import retrying
from .uow import AuthorizationUnitOfWork, UowFactory

log = logging.getLogger("authorization.appeals")
APPEALABLE = frozenset({"denied"})


@dataclass(frozen=True, slots=True)
class AppealRequest:
    level: str
    reason: str
    payer_type: str | None = None  # None: the case's payer type
    payer_reference: str | None = None


@dataclass(frozen=True, slots=True)
class AppealDecision:
    outcome: AppealOutcome
    decided_on: date
    note: str | None
    approval: OfflineDecision | None  # a win: the approval as the payer gave it




async def _case(uow: AuthorizationUnitOfWork, case_id: UUID) -> PACase:
    case = await uow.cases.get(case_id, for_update=True)
    if case is None:
        raise NotFound(f"no authorization {case_id}")
    return case


async def _appeal(uow: AuthorizationUnitOfWork, case_id: UUID, appeal_id: UUID) -> PaAppeal:
    appeal = await uow.appeals.get(appeal_id, for_update=True)
    if appeal is None or appeal.case_id != case_id:
        raise NotFound(f"no appeal {appeal_id} on authorization {case_id}")
    return appeal


def denied_on(uow: AuthorizationUnitOfWork, case: PACase) -> date:
    at = case.decided_at or case.updated_at
    return at.astimezone(uow.settings.tz).date()


async def request_appeal(*, uows: UowFactory, case_id: UUID, request: AppealRequest,
                         now: datetime) -> UUID:
    async def step() -> UUID:
        async with uows() as uow:
            case = await _case(uow, case_id)
            if case.status not in APPEALABLE:
                raise InvalidTransition(case.id, case.status, "appeal")
            payer_type = request.payer_type or case.payer_type
            rules = pa_appeal_rules().for_payer(payer_type)
            denied = denied_on(uow, case)
            offered = options(rules, await uow.appeals.for_case(case.id), denied)
            option = next((o for o in offered if o.level.code == request.level), None)
            if option is None:
                raise AppealConflict(
                    f"{request.level} cannot be requested now",
                    options=[{"level": o.level.code, "deadline": o.deadline.isoformat()}
                             for o in offered])
            appeal = PaAppeal.request(
                appeal_id=uuid.uuid4(), case_id=case.id, order_id=case.order_id,
                payer_id=case.payer_id, option=option, payer_type=str(payer_type),
                denied_on=denied, reason=request.reason,
                payer_reference=request.payer_reference,
                today=now.astimezone(uow.settings.tz).date(), now=now)
            uow.appeals.add(appeal)
            await uow.commit()
            log.info("authorization %s: %s requested (%s)", case_id, appeal.level, appeal.id)
            return appeal.id
    return await retrying(step)


async def schedule_peer_to_peer(*, uows: UowFactory, case_id: UUID, appeal_id: UUID,
                                reviewer: str, at: datetime, now: datetime) -> None:
    async def step() -> None:
        async with uows() as uow:
            appeal = await _appeal(uow, case_id, appeal_id)
            appeal.schedule(reviewer=reviewer, at=at, now=now)
            await uow.commit()
    await retrying(step)
    log.info("authorization %s: peer-to-peer %s scheduled", case_id, appeal_id)


async def decide_appeal(*, uows: UowFactory, case_id: UUID, appeal_id: UUID,
                        decision: AppealDecision, actor: str, now: datetime) -> None:
    """The payer's decision; a win (in full or in part) records the approval on the case
    (denied -> approved) in the same transaction."""
    async def step() -> None:
        async with uows() as uow:
            case = await _case(uow, case_id)
            appeal = await _appeal(uow, case_id, appeal_id)
            won = decision.outcome != "lost"
            if won != (decision.approval is not None):
                raise ValidationFailed("a win carries the approval (auth_number, valid_from, "
                                       "valid_to, lines); a loss carries none",
                                       [_approval_error(won)])
            appeal.decide(outcome=decision.outcome, decided_on=decision.decided_on,
                          note=decision.note, rules=pa_appeal_rules().for_payer(
                              appeal.payer_type), now=now)
            if decision.approval is not None:
                _approve(case, appeal, decision.approval, actor, now)
            await uow.commit()
    await retrying(step)
    log.info("authorization %s: appeal %s decided: %s", case_id, appeal_id, decision.outcome)


def _approval_error(won: bool) -> FieldError:
    return FieldError("auth_number", "required when the appeal is won" if won
                      else "only when the appeal is won")


def _approve(case: PACase, appeal: PaAppeal, d: OfflineDecision, actor: str,
             now: datetime) -> None:
    if case.status not in APPEALABLE:
        raise InvalidTransition(case.id, case.status, "approve after an appeal")
    errors = [e for e in check_offline_decision(case, d) if e.field != "reference"]
    if errors:
        raise ValidationFailed("the approval is incomplete or does not fit the case", errors)
    case.record_decision(
        PayerDecision(kind="approved", auth_number=d.auth_number, valid_from=d.valid_from,
                      valid_to=d.valid_to,
                      approved_units={ln.hcpcs: ln.approved_units for ln in d.lines}),
        None, actor, now, allowed=APPEALABLE, channel="appeal",
        reference=appeal.payer_reference or str(appeal.id), appeal_id=str(appeal.id),
        level=appeal.level, outcome=appeal.outcome)


async def add_document(*, uows: UowFactory, case_id: UUID, appeal_id: UUID, doc: NewDocument,
                       now: datetime) -> StoredDocument:
    checked = check_upload(doc.upload)  # 413/422 before any transaction
    async with uows() as uow:
        appeal = await _appeal(uow, case_id, appeal_id)
        appeal.ensure_accepts_documents()
        if await uow.appeals.attached(appeal.id, checked.sha256):
            raise Conflict("this file is already attached to the appeal", sha256=checked.sha256)
        stored = doc.stored(checked, document_id=uuid.uuid4(), owner_id=appeal.id,
                            now=now)
        await uow.appeals.attach(stored, checked.content)
        await uow.commit()
    log.info("authorization %s: appeal %s document %s (%s bytes)", case_id, appeal_id,
             stored.id, stored.size)
    return stored
