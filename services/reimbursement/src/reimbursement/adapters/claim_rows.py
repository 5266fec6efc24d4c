"""The Claim aggregate <-> rows of claims, claim_lines and claim_drug_costs.

Money columns are Decimal both ways; JSON columns keep the shapes the API and older rows
have always had (reviews as {code, detail, line}, lot costs as decimal strings per NDC)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.engine import RowMapping

from reimbursement.domain.claim import ClaimIds, ClaimLine, DrugCost
from reimbursement.domain.drug_coding import Review
from reimbursement.domain.holds import Hold
from reimbursement.domain.lifecycle import BilledLine, Claim, Coding, hold_docs, review_reasons
from reimbursement.domain.submissions import Submission
from reimbursement.domain.transitions import Transition


def claim_from_rows(row: RowMapping, lines: Sequence[RowMapping],
                    costs: Sequence[RowMapping], history: Sequence[RowMapping] = (),
                    submissions: Sequence[RowMapping] = ()) -> Claim:
    return Claim(
        id=row["id"], order_id=row["order_id"], account_number=row["account_number"],
        practice_id=row["practice_id"], patient_id=row["patient_id"], status=row["status"],
        coding=_coding(row, costs), lines=[_billed_line(ln) for ln in lines],
        lot_costs={ndc: Decimal(cost) for ndc, cost in row["lot_costs"].items()},
        created_at=row["created_at"], updated_at=row["updated_at"],
        paid_amount=row["paid_amount"], patient_responsibility=row["patient_responsibility"],
        denial_reasons=tuple(row["denial_reasons"]), submitted_at=row["submitted_at"],
        adjudicated_at=row["adjudicated_at"], version=row["version"],
        identity_holds=_holds(row["identity_holds"]),
        identity_checked_at=row["identity_checked_at"],
        awaiting_crossover=row["awaiting_crossover"],
        history=[Transition(h["action"], h["from_status"], h["to_status"], h["actor"], h["at"],
                            h["reason"]) for h in history],
        submissions=[submission_from_row(r) for r in submissions],
    )


def submission_from_row(r: RowMapping) -> Submission:
    return Submission(
        number=r["number"], clm01=r["clm01"], frequency=r["frequency"],
        submitted_at=r["submitted_at"], original_icn=r["original_icn"], outcome=r["outcome"],
        icn=r["icn"], reasons=tuple(r["reasons"]), acknowledged_at=r["acknowledged_at"],
        control_number=r["control_number"])


def submission_values(claim_id: UUID, s: Submission) -> dict[str, Any]:
    return {"claim_id": claim_id, "number": s.number, "clm01": s.clm01,
            "frequency": s.frequency, "original_icn": s.original_icn,
            "submitted_at": s.submitted_at, "outcome": s.outcome, "icn": s.icn,
            "reasons": list(s.reasons), "acknowledged_at": s.acknowledged_at,
            "control_number": s.control_number}


def transition_values(claim_id: UUID, seq: int, t: Transition) -> dict[str, Any]:
    return {"claim_id": claim_id, "seq": seq, "action": t.action, "from_status": t.from_status,
            "to_status": t.to_status, "actor": t.actor, "reason": (t.reason or "")[:1000] or None,
            "at": t.at}


def _holds(docs: Sequence[dict[str, Any]]) -> tuple[Hold, ...]:
    return tuple(Hold(d["item"], d["detail"], d.get("line")) for d in docs)


def _coding(row: RowMapping, costs: Sequence[RowMapping]) -> Coding:
    return Coding(
        service_date=row["service_date"], payer_id=row["payer_id"], member_id=row["member_id"],
        rendering_npi=row["rendering_npi"], diagnoses=tuple(row["diagnoses"]),
        auth_number=row["auth_number"], place_of_service=row["place_of_service"],
        total_charge=row["total_charge"], allowed=row["allowed"],
        patient_share=row["patient_share"], sequestration=row["sequestration"],
        expected_payment=row["expected_payment"], acquisition_cost=row["acquisition_cost"],
        waste_cost=row["waste_cost"],
        reviews=tuple(Review(r["code"], r["detail"], r["line"]) for r in row["reviews"]),
        warnings=tuple(row["warnings"]), notes=tuple(row["notes"]),
        drug_costs=tuple(DrugCost(c["hcpcs"], c["ndc"], c["vials"], c["acquisition_cost"],
                                  c["waste_cost"]) for c in costs),
        holds=_holds(row["holds"]),
        ids=ClaimIds(row["ordering_practitioner_id"], row["supervising_practitioner_id"],
                     row["coverage_id"]),
        registry_number=row["registry_number"],
    )


def _billed_line(ln: RowMapping) -> BilledLine:
    line = ClaimLine(
        number=ln["number"], kind=ln["kind"], code=ln["code"], modifiers=tuple(ln["modifiers"]),
        units=ln["units"], charge=ln["charge"], allowed=ln["allowed"],
        dx_pointers=tuple(ln["dx_pointers"]), sequences=tuple(ln["sequences"]), ndc=ln["ndc"],
        ndc_qty=ln["ndc_qty"], ndc_unit=ln["ndc_unit"], description=ln["description"])
    return BilledLine(line, paid=ln["paid"], denied=ln["denied"],
                      denial_reasons=tuple(ln["denial_reasons"]))


def claim_values(claim: Claim) -> dict[str, Any]:
    """The columns a claim's lifecycle can change (version aside)."""
    c = claim.coding
    return {
        "status": claim.status, "service_date": c.service_date, "payer_id": c.payer_id,
        "member_id": c.member_id, "rendering_npi": c.rendering_npi,
        "diagnoses": list(c.diagnoses), "auth_number": c.auth_number,
        "place_of_service": c.place_of_service, "total_charge": c.total_charge,
        "allowed": c.allowed, "patient_share": c.patient_share,
        "sequestration": c.sequestration, "expected_payment": c.expected_payment,
        "acquisition_cost": c.acquisition_cost, "waste_cost": c.waste_cost,
        "reviews": review_reasons(c.reviews), "warnings": list(c.warnings),
        "notes": list(c.notes),
        "lot_costs": {ndc: str(cost) for ndc, cost in claim.lot_costs.items()},
        "paid_amount": claim.paid_amount, "patient_responsibility": claim.patient_responsibility,
        "denial_reasons": list(claim.denial_reasons), "updated_at": claim.updated_at,
        "submitted_at": claim.submitted_at, "adjudicated_at": claim.adjudicated_at,
        "holds": hold_docs(c.holds), "identity_holds": hold_docs(claim.identity_holds),
        "identity_checked_at": claim.identity_checked_at,
        "awaiting_crossover": claim.awaiting_crossover,
        "ordering_practitioner_id": c.ids.ordering_practitioner_id,
        "supervising_practitioner_id": c.ids.supervising_practitioner_id,
        "coverage_id": c.ids.coverage_id, "registry_number": c.registry_number,
    }


def new_claim_values(claim: Claim, visit: dict[str, Any]) -> dict[str, Any]:
    return {"id": claim.id, "order_id": claim.order_id, "account_number": claim.account_number,
            "practice_id": claim.practice_id, "patient_id": claim.patient_id, "visit": visit,
            "created_at": claim.created_at, "version": claim.version} | claim_values(claim)


def line_values(claim_id: UUID, billed: BilledLine) -> dict[str, Any]:
    ln = billed.line
    return {"claim_id": claim_id, "number": ln.number, "kind": ln.kind, "code": ln.code,
            "modifiers": list(ln.modifiers), "units": ln.units, "charge": ln.charge,
            "allowed": ln.allowed, "dx_pointers": list(ln.dx_pointers),
            "sequences": list(ln.sequences), "ndc": ln.ndc, "ndc_qty": ln.ndc_qty,
            "ndc_unit": ln.ndc_unit, "description": ln.description} | payment_values(billed)


def payment_values(billed: BilledLine) -> dict[str, Any]:
    return {"paid": billed.paid, "denied": billed.denied,
            "denial_reasons": list(billed.denial_reasons)}


def cost_values(claim_id: UUID, d: DrugCost) -> dict[str, Any]:
    return {"claim_id": claim_id, "ndc": d.ndc, "hcpcs": d.hcpcs, "vials": d.vials,
            "acquisition_cost": d.acquisition_cost, "waste_cost": d.waste_cost}
