"""Post an 835: every claim payment in one transaction, or nothing.

The file is parsed and balanced before the transaction opens; a malformed file never reaches
the database. The same file posted twice is recognised by its digest and posts once.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from typing import Any

from chairside_shared.errors import Problem
from reimbursement.adapters.x12.parse_835 import RemittanceFileError, parse_835
from reimbursement.domain.remittance import ClaimPayment, Remittance, post_claim_payment
from reimbursement.metrics import CLAIMS_POSTED
from reimbursement.service.billing import emit_claim
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.remittances")
EVENT_FOR = {"paid": "claim.paid", "partially_paid": "claim.paid", "denied": "claim.denied"}
# A payer can only adjudicate what was sent to it; later remittances may adjust a decision.
POSTABLE = frozenset({"submitted", "paid", "partially_paid", "denied", "reversed"})


class RejectedRemittance(Problem):
    status, title = 422, "Remittance rejected"


async def import_remittance(*, uow: ReimbursementUnitOfWork, text: str, now: datetime,
                            ) -> dict[str, Any]:
    try:
        remittances = parse_835(text)
    except RemittanceFileError as exc:
        raise RejectedRemittance(
            f"{len(exc.errors)} problem(s); nothing was posted. First: {exc.errors[0]}",
            errors=[{"field": f"line {e.line}", "message": e.reason} for e in exc.errors],
        ) from exc
    digest = hashlib.sha256(text.strip().encode()).hexdigest()
    async with uow:
        if await uow.claims.remittance_by_digest(f"{digest}:0") is not None:
            return {"duplicate": True, "remittances": [], "claims": []}
        summary: dict[str, Any] = {"duplicate": False, "remittances": [], "claims": []}
        for index, remittance in enumerate(remittances):
            remittance_id = await uow.claims.add_remittance(_remittance_values(
                remittance, digest=f"{digest}:{index}", now=now))
            summary["remittances"].append({
                "id": str(remittance_id), "trace_number": remittance.trace_number,
                "payment_amount": str(remittance.payment_amount),
                "claims": len(remittance.claims)})
            for position, payment in enumerate(remittance.claims):
                summary["claims"].append(await _post(uow, remittance_id, position, payment, now))
        await uow.commit()
    return summary


async def _post(uow: ReimbursementUnitOfWork, remittance_id: Any, position: int,
                payment: ClaimPayment, now: datetime) -> dict[str, Any]:
    claim = await uow.claims.by_account(payment.account_number)
    base = {"remittance_id": remittance_id, "position": position,
            "account_number": payment.account_number, "status_code": payment.status_code,
            "payer_claim_number": payment.payer_claim_number, "charge": payment.charge,
            "paid": payment.paid, "posted_at": now,
            "adjustments": _adjustments(payment)}
    if claim is None:
        log.warning("remittance %s: no claim for account %s", remittance_id,
                    payment.account_number)
        # an unmatched payment stores no outcome: it belongs to no claim
        return await _hold(uow, base, payment, None, "unmatched", stored_outcome=None)
    if claim["status"] not in POSTABLE:
        # Money for a claim we never sent: keep the payment on the claim for a biller to
        # reconcile, but leave the claim's status and amounts alone.
        log.warning("remittance %s: claim %s is %s, not submitted; payment held",
                    remittance_id, claim["id"], claim["status"])
        return await _hold(uow, base, payment, claim["id"], "unsubmitted",
                           stored_outcome="unsubmitted")
    lines = await uow.claims.lines(claim["id"])
    outcome = post_claim_payment([(ln["number"], ln["code"], tuple(ln["modifiers"]))
                                  for ln in lines], payment)
    by_number = {ln["number"]: ln for ln in lines}
    for result in outcome.lines:
        if result.matched_line is not None:
            line = by_number[result.matched_line]
            await uow.claims.update_line(
                claim["id"], result.matched_line, paid=line["paid"] + result.paid,
                denied=result.denied, denial_reasons=list(result.reasons))
    denial = list(outcome.denial_reasons) if outcome.status in {"denied", "partially_paid"} else []
    await uow.claims.update(
        claim["id"], status=outcome.status, paid_amount=claim["paid_amount"] + outcome.paid,
        patient_responsibility=claim["patient_responsibility"] + outcome.patient_responsibility,
        denial_reasons=denial, adjudicated_at=now, updated_at=now)
    await uow.claims.add_payment(base | {
        "claim_id": claim["id"], "patient_responsibility": outcome.patient_responsibility,
        "contractual": outcome.contractual, "outcome": outcome.status, "denial_reasons": denial,
        "unmatched_lines": list(outcome.unmatched)})
    CLAIMS_POSTED.labels(outcome.status).inc()
    if outcome.status in EVENT_FOR:
        await emit_claim(uow, EVENT_FOR[outcome.status], claim["id"], claim["order_id"], now)
    return {"account_number": payment.account_number, "claim_id": str(claim["id"]),
            "outcome": outcome.status, "paid": str(outcome.paid),
            "patient_responsibility": str(outcome.patient_responsibility),
            "denial_reasons": denial, "unmatched_lines": list(outcome.unmatched)}


async def _hold(uow: ReimbursementUnitOfWork, base: dict[str, Any], payment: ClaimPayment,
                claim_id: Any, outcome: str, *, stored_outcome: str | None) -> dict[str, Any]:
    """Record a payment without applying it to any claim's amounts (unmatched or unsubmitted)."""
    await uow.claims.add_payment(base | {
        "claim_id": claim_id, "patient_responsibility": payment.patient_responsibility or 0,
        "contractual": 0, "outcome": stored_outcome,
        "denial_reasons": [], "unmatched_lines": []})
    CLAIMS_POSTED.labels(outcome).inc()
    return {"account_number": payment.account_number,
            "claim_id": str(claim_id) if claim_id is not None else None,
            "outcome": outcome, "paid": str(payment.paid)}


def _adjustments(payment: ClaimPayment) -> list[dict[str, str | None]]:
    rows = [{"line": None, "group": a.group, "reason": a.reason, "amount": str(a.amount)}
            for a in payment.adjustments]
    for service in payment.services:
        code = service.code + "".join(f"-{m}" for m in service.modifiers)
        rows += [{"line": code, "group": a.group, "reason": a.reason, "amount": str(a.amount)}
                 for a in service.adjustments]
    return rows


def _remittance_values(r: Remittance, *, digest: str, now: datetime) -> dict[str, Any]:
    return {"digest": digest, "trace_number": r.trace_number[:50],
            "payer_id": (r.payer_id or "")[:80] or None, "payer_name": (r.payer_name or "")[:60]
            or None, "payment_amount": r.payment_amount, "payment_method": r.payment_method,
            "payment_date": r.payment_date, "received_at": now,
            "provider_adjustments": [{"reason": p.reason, "reference": p.reference,
                                      "amount": str(p.amount)} for p in r.provider_adjustments]}
