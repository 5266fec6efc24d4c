"""The claim exchange with the clearinghouse: send claim versions as 837P batches, fetch the
999 / 277CA / 835 files it answers with, and apply them.

Sending: the versions to send are taken in one transaction (each gets the interchange's ISA13
as its ``control_number``, so a second sender skips them), rendered, validated with pyx12 and
posted. An 837P pyx12 refuses is not sent: its claims become ``rejected`` with pyx12's reasons.
If the clearinghouse cannot be reached, the versions are released (``control_number`` cleared)
and sent again by the worker.

Receiving: each mailbox file is stored once (by digest) and then removed from the mailbox. A
file that is not valid X12 (pyx12) or cannot be read is stored as a problem and not applied.
999: an IK5 R rejects every claim version in that transaction set (domain/acks.py). 277CA: A2
accepts the version with its ICN, A3/A4/A6/A7/A8 reject it. 835: handed to
``remittances.import_remittance`` unchanged, then coordination of benefits for the claims it
applied to (a secondary claim, or a wait for the crossover payer), as POST /v1/remittances does.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from opentelemetry import trace

from chairside_shared.errors import DomainError
from reimbursement.adapters.clearinghouse import (
    Clearinghouse,
    ClearinghouseUnavailable,
    InboxFile,
)
from reimbursement.adapters.clients import PayerIdentitySource
from reimbursement.adapters.x12.read_acks import (
    AckFileError,
    read_277ca,
    read_999,
    transaction_type,
)
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.domain.acks import (
    ElementError,
    SegmentProblem,
    Verdict,
    claim_verdict,
    set_rejections,
)
from reimbursement.domain.transitions import IN_FLIGHT
from reimbursement.service import cob, exports, remittances
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.exchange")
tracer = trace.get_tracer("reimbursement.exchange")
ACTOR = "system:clearinghouse-exchange"


@dataclass(frozen=True, slots=True)
class Sent:
    control_number: int | None
    claim_ids: tuple[UUID, ...]
    problems: tuple[str, ...] = ()  # pyx12's, when the 837P was not sent
    unavailable: str | None = None  # the clearinghouse could not take it


async def transmit(*, uow: ReimbursementUnitOfWork, claim_ids: list[UUID],
                   source: PayerIdentitySource, clearinghouse: Clearinghouse,
                   now: datetime) -> Sent:
    """Send the current versions of ``claim_ids`` not sent yet, as one 837P."""
    async with uow:
        taken: list[UUID] = []
        for claim_id in claim_ids:
            claim = await uow.claims.get(claim_id, for_update=True)
            if (claim is not None and claim.status in IN_FLIGHT and claim.current is not None
                    and claim.current.control_number is None):
                taken.append(claim.id)
        if not taken:
            return Sent(None, ())
        control = await uow.claims.next_control_number(taken, now)
        for claim_id in taken:
            found = await uow.claims.get(claim_id)
            assert found is not None
            found.record_sent(control)
        await uow.commit()
    try:
        text = await exports.claim_x12(uow=uow, claim_ids=taken, source=source, now=now,
                                       control_number=control)
    except DomainError as exc:  # a hold found at render time, orders unavailable ...
        await _release(uow, taken)
        log.warning("837P for %d claim(s) not rendered: %s", len(taken), exc.title)
        return Sent(None, tuple(taken), unavailable=exc.detail or exc.title)
    problems = validate_x12(text)
    if problems:
        await _reject_unsent(uow, taken, tuple(problems), now)
        return Sent(control, tuple(taken), problems=tuple(problems))
    try:
        await clearinghouse.send_837(text)
    except ClearinghouseUnavailable as exc:
        await _release(uow, taken)
        log.warning("837P %d not sent: %s", control, exc)
        return Sent(None, tuple(taken), unavailable=str(exc))
    log.info("837P %d sent with %d claim(s)", control, len(taken))
    return Sent(control, tuple(taken))


async def transmit_pending(*, uow: ReimbursementUnitOfWork, source: PayerIdentitySource,
                           clearinghouse: Clearinghouse, now: datetime) -> list[Sent]:
    """The worker's send: every version recorded and not sent yet (released or new)."""
    async with uow:
        pending = await uow.exchange.unsent()
    return [await transmit(uow=uow, claim_ids=[claim_id], source=source,
                           clearinghouse=clearinghouse, now=now) for claim_id in pending]


async def _release(uow: ReimbursementUnitOfWork, claim_ids: list[UUID]) -> None:
    async with uow:
        for claim_id in claim_ids:
            claim = await uow.claims.get(claim_id, for_update=True)
            if claim is not None:
                claim.record_sent(None)
        await uow.commit()


async def _reject_unsent(uow: ReimbursementUnitOfWork, claim_ids: list[UUID],
                         problems: tuple[str, ...], now: datetime) -> None:
    reasons = tuple(f"837P not sent, invalid X12 (pyx12): {p}" for p in problems[:10])
    async with uow:
        for claim_id in claim_ids:
            claim = await uow.claims.get(claim_id, for_update=True)
            if claim is not None:
                claim.acknowledge(claim.clm01, accepted=False, now=now, actor=ACTOR,
                                  reasons=reasons)
        await uow.commit()
    log.warning("837P for %d claim(s) refused by pyx12: %d problem(s)", len(claim_ids),
                len(problems))


# --------------------------------------------------------------------------- receiving
@dataclass(frozen=True, slots=True)
class Received:
    remote_id: str
    kind: str
    outcome: str  # applied | problem | duplicate
    problems: tuple[str, ...] = ()
    claims: tuple[dict[str, Any], ...] = ()


async def poll_once(*, uow: ReimbursementUnitOfWork, clearinghouse: Clearinghouse,
                    now: datetime, source: PayerIdentitySource | None = None
                    ) -> list[Received]:
    """Fetch the mailbox, apply each file once, then take it out of the mailbox. ``source``:
    the patients' coverages, for coordination of benefits after an 835."""
    out = []
    for file in await clearinghouse.inbox():
        out.append(await receive(uow=uow, file=file, now=now, source=source))
        await clearinghouse.remove(file.id)
    return out


async def receive(*, uow: ReimbursementUnitOfWork, file: InboxFile, now: datetime,
                  source: PayerIdentitySource | None = None) -> Received:
    digest = hashlib.sha256(file.text.strip().encode()).hexdigest()
    async with uow:
        if await uow.exchange.seen(digest):
            return Received(file.id, file.kind, "duplicate")
    try:
        kind = transaction_type(file.text)
        problems = validate_x12(file.text)
    except AckFileError as exc:
        kind, problems = file.kind, [str(exc)]
    if not problems and kind == "835":
        try:
            posted = await remittances.import_remittance(uow=uow, text=file.text, now=now)
        except DomainError as exc:
            problems = [exc.detail or exc.title]
        else:
            claims = tuple({"clm01": p.account_number, "claim_id": str(p.claim_id),
                            "outcome": p.outcome} for p in posted.claims)
            stored = await _store(uow, file, kind, digest, "applied", [], claims, now)
            if source is not None:  # the postings are committed: what follows the payer
                await cob.after_remittance(uow=uow, source=source, now=now, claim_ids=[
                    p.claim_id for p in posted.claims if p.claim_id is not None and p.applied])
            return stored
    if problems or kind not in {"999", "277"}:
        problems = problems or [f"unexpected transaction set {kind}"]
        log.warning("clearinghouse file %s (%s) kept as a problem: %d problem(s)", file.id,
                    kind, len(problems))
        return await _store(uow, file, kind, digest, "problem", problems, (), now)
    async with uow:
        verdicts = (await _verdicts_999(uow, file.text) if kind == "999"
                    else _verdicts_277(file.text))
        applied = []
        for verdict in verdicts:
            # Each answer continues the trace its version was sent in (the visit's): its
            # events are staged inside that span; the file still commits as one.
            with tracer.start_as_current_span(
                    "claim acknowledgement", context=await uow.exchange.trace_of(verdict.clm01),
                    attributes={"chairside.clm01": verdict.clm01}):
                applied.append(await _apply(uow, verdict, now))
                await uow.collect_events()
        result = await _store(uow, file, kind, digest, "applied", [], tuple(applied), now,
                              commit=False)
        await uow.commit()
    return result


async def _verdicts_999(uow: ReimbursementUnitOfWork, text: str) -> list[Verdict]:
    verdicts: list[Verdict] = []
    for ack in read_999(text):
        clm01s = tuple(await uow.exchange.versions_in(int(ack.gs_control))
                       ) if ack.gs_control.isdigit() else ()
        for st in ack.sets:
            problems = tuple(SegmentProblem(e.segment, e.position, e.loop, e.code, e.clm01,
                                            tuple(ElementError(*x) for x in e.elements))
                             for e in st.errors)
            # one transaction set per interchange: the set carried every version of it
            verdicts += set_rejections(st.outcome, st.st_control, problems, clm01s)
    return verdicts


def _verdicts_277(text: str) -> list[Verdict]:
    found = (claim_verdict(c.clm01, c.category, c.status_code, c.entity, c.icn)
             for c in read_277ca(text))
    return [v for v in found if v is not None]


async def _apply(uow: ReimbursementUnitOfWork, verdict: Verdict,
                 now: datetime) -> dict[str, Any]:
    claim = await uow.claims.by_account(verdict.clm01)
    doc: dict[str, Any] = {"clm01": verdict.clm01, "claim_id": None,
                           "outcome": "accepted" if verdict.accepted else "rejected"}
    if claim is None:
        return doc | {"applied": False, "note": "no claim with that CLM01"}
    doc["claim_id"] = str(claim.id)
    try:
        changed = claim.acknowledge(verdict.clm01, accepted=verdict.accepted, now=now,
                                    actor=ACTOR, icn=verdict.icn, reasons=verdict.reasons)
    except DomainError as exc:
        return doc | {"applied": False, "note": exc.detail or exc.title}
    return doc | {"applied": changed, "note": None if changed else "an older version"}


async def _store(uow: ReimbursementUnitOfWork, file: InboxFile, kind: str, digest: str,
                 outcome: str, problems: list[str], claims: tuple[dict[str, Any], ...],
                 now: datetime, *, commit: bool = True) -> Received:
    if commit:
        async with uow:
            await uow.exchange.add(remote_id=file.id, kind=kind, digest=digest,
                                   outcome=outcome, problems=problems, claims=list(claims),
                                   now=now)
            await uow.commit()
    else:
        await uow.exchange.add(remote_id=file.id, kind=kind, digest=digest, outcome=outcome,
                               problems=problems, claims=list(claims), now=now)
    return Received(file.id, kind, outcome, tuple(problems), claims)

