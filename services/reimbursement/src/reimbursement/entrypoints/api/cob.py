"""Coordination of benefits, patient statements and credit balances (payer-exchange.md §6).

Registered before the claims router: ``/v1/claims/credit-balances`` must not be read as a
claim id."""

from __future__ import annotations

import csv
import io
from typing import Any
from uuid import UUID

from fastapi import APIRouter
from fastapi.responses import Response

from reimbursement.adapters.statement_pdf import statement_pdf
from reimbursement.domain.cob import CreditBalance
from reimbursement.entrypoints.api import cob_schemas as s
from reimbursement.entrypoints.api.deps import Identities, Now, UoW
from reimbursement.entrypoints.api.views import cob_doc
from reimbursement.service import cob, statements

router = APIRouter(tags=["billing"])
CREDIT_FIELDS = ("claim_id", "payer_id", "paid", "due", "credit", "reason")


@router.get("/v1/claims/credit-balances", response_model=list[s.CreditBalanceOut],
            summary="Claims holding more than the payers' standing decisions (a payment not "
                    "reversed, payments beyond the charge): credits to refund")
async def credit_balances(uow: UoW) -> list[dict[str, Any]]:
    return [_credit_doc(c) for c in await statements.credit_balances(uow=uow)]


@router.get("/v1/claims/credit-balances.csv", response_class=Response,
            summary="The credit balances as CSV (one row per claim, money as decimal "
                    "strings)",
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                             "description": "claim_id,payer_id,paid,due,credit,reason"}})
async def credit_balances_csv(uow: UoW) -> Response:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CREDIT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for c in await statements.credit_balances(uow=uow):
        writer.writerow({**_credit_doc(c), **{k: f"{getattr(c, k):.2f}"
                                              for k in ("paid", "due", "credit")}})
    return Response(out.getvalue(), media_type="text/csv")


def _credit_doc(c: CreditBalance) -> dict[str, Any]:
    return {"claim_id": c.claim_id, "payer_id": c.payer_id, "paid": c.paid, "due": c.due,
            "credit": c.credit, "reason": c.reason}


@router.get("/v1/claims/{claim_id}/statement", response_class=Response,
            summary="The patient statement (PDF) once the last payer is final",
            responses={200: {"content": {"application/pdf": {
                           "schema": {"type": "string", "format": "binary"}}},
                             "description": "The statement: practice, patient, date of "
                                            "service, services, what each payer paid and "
                                            "adjusted, the amount due (the last payer's PR)"},
                       404: {"description": "No such claim"},
                       409: {"description": "Not yet (problem type statement-held, `reason`):"
                                            " a secondary claim or a crossover payer is "
                                            "pending, or nothing is owed"},
                       503: {"description": "Orders could not say who the patient is"}})
async def statement(claim_id: UUID, uow: UoW, now: Now, identities: Identities) -> Response:
    found = await statements.statement(uow=uow, source=identities, claim_id=claim_id, now=now)
    return Response(statement_pdf(found), media_type="application/pdf",
                    headers={"cache-control": "no-store"})


@router.post("/v1/claims/{claim_id}/cob", response_model=s.CobOut | None,
             summary="Run coordination of benefits for the claim now (it runs after each "
                     "835; this retries it, e.g. after orders was unavailable)",
             responses={404: {"description": "No such claim"},
                        503: {"description": "Orders could not list the coverages"}})
async def coordinate(claim_id: UUID, uow: UoW, now: Now,
                     identities: Identities) -> dict[str, Any] | None:
    record = await cob.coordinate(uow=uow, source=identities, claim_id=claim_id, now=now)
    return None if record is None else cob_doc(record, claim_id)


@router.post("/v1/claims/{claim_id}/cob/release", response_model=s.CobOut,
             summary="A biller releases a claim awaiting a crossover (or whose secondary "
                     "claim was refused): the patient statement may go out",
             responses={409: {"description": "Nothing to release for this claim"}})
async def release(claim_id: UUID, body: s.ReleaseIn, uow: UoW, now: Now) -> dict[str, Any]:
    record = await cob.release(uow=uow, claim_id=claim_id, released_by=body.released_by,
                               reason=body.reason, now=now)
    return cob_doc(record, claim_id)
