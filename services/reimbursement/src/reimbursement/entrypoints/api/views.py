"""Typed records -> API documents (the shapes of schemas.py)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from reimbursement.adapters.cob_repo import CobRecord
from reimbursement.domain.inventory import Lot
from reimbursement.domain.lifecycle import BilledLine, Claim, hold_docs
from reimbursement.domain.posting import PostedPayment, PostedProviderAdjustment
from reimbursement.domain.settlement import open_recoupment
from reimbursement.domain.stock_reports import InventoryFlag
from reimbursement.service.denials import WorkItem
from reimbursement.service.queries import ClaimView, Denial
from reimbursement.service.remittances import ClaimPosting, RemittanceImport
from reimbursement.service.reports import InventoryItem


def claim_doc(claim: Claim, payments: tuple[PostedPayment, ...] = (),
              cob: CobRecord | None = None,
              adjustments: tuple[PostedProviderAdjustment, ...] = ()) -> dict[str, Any]:
    c = claim.coding
    return {
        "id": claim.id, "order_id": claim.order_id, "practice_id": claim.practice_id,
        "patient_id": claim.patient_id, "payer_id": c.payer_id, "member_id": c.member_id,
        "account_number": claim.account_number, "status": claim.status,
        "service_date": c.service_date, "place_of_service": c.place_of_service,
        "rendering_npi": c.rendering_npi, "diagnoses": list(c.diagnoses),
        "auth_number": c.auth_number, "registry_number": c.registry_number,
        "lines": [line_doc(b) for b in claim.lines],
        "total_charge": c.total_charge, "allowed": c.allowed,
        "patient_share": c.patient_share, "sequestration": c.sequestration,
        "expected_payment": c.expected_payment, "acquisition_cost": c.acquisition_cost,
        "waste_cost": c.waste_cost, "expected_margin": claim.expected_margin,
        "paid_amount": claim.paid_amount, "patient_responsibility": claim.patient_responsibility,
        "reviews": [{"code": r.code, "detail": r.detail, "line": r.sequence}
                    for r in c.reviews],
        "holds": hold_docs(claim.holds), "identity_checked_at": claim.identity_checked_at,
        "ordering_practitioner_id": c.ids.ordering_practitioner_id,
        "supervising_practitioner_id": c.ids.supervising_practitioner_id,
        "coverage_id": c.ids.coverage_id,
        "warnings": list(c.warnings), "notes": list(c.notes),
        "denial_reasons": list(claim.denial_reasons), "created_at": claim.created_at,
        "updated_at": claim.updated_at, "submitted_at": claim.submitted_at,
        "adjudicated_at": claim.adjudicated_at, "payments": [payment_doc(p) for p in payments],
        "cob": None if cob is None else cob_doc(cob, claim.id),
        "awaiting_crossover": claim.awaiting_crossover,
        "provider_adjustments": [{"remittance_id": a.remittance_id, "reason": a.reason,
                                  "reference": a.reference, "amount": a.amount,
                                  "posted_at": a.posted_at} for a in adjustments],
        "open_recoupment": open_recoupment((a.reason, a.amount) for a in adjustments),
        "clm01": claim.clm01 if claim.current else None,
        "frequency": claim.current.frequency if claim.current else None,
        "payer_claim_number": claim.payer_claim_number,
        "rejection_reasons": list(claim.current.reasons) if claim.status == "rejected"
        and claim.current else [],
        "history": [plain_row(t) for t in claim.history],
        "submissions": [plain_row(s) | {"reasons": list(s.reasons)}
                        for s in claim.submissions],
    }


def cob_doc(record: CobRecord, claim_id: UUID) -> dict[str, Any]:
    return {"role": "primary" if record.claim_id == claim_id else "secondary",
            "primary_claim_id": record.claim_id,
            "secondary_claim_id": record.secondary_claim_id, "state": record.state,
            "detail": record.detail, "crossover": record.crossover,
            "released_by": record.released_by, "release_reason": record.release_reason,
            "updated_at": record.updated_at}


def plain_row(obj: Any) -> dict[str, Any]:
    """A frozen dataclass as a dict of its values, as they are."""
    return {f: getattr(obj, f) for f in obj.__slots__}


def claim_view_doc(view: ClaimView) -> dict[str, Any]:
    return (claim_doc(view.claim, view.payments, view.cob, view.provider_adjustments)
            | {"filing_deadline": view.filing_deadline})


def line_doc(billed: BilledLine) -> dict[str, Any]:
    ln = billed.line
    return {"number": ln.number, "kind": ln.kind, "code": ln.code,
            "modifiers": list(ln.modifiers), "units": ln.units, "charge": ln.charge,
            "allowed": ln.allowed, "ndc": ln.ndc, "ndc_qty": ln.ndc_qty,
            "ndc_unit": ln.ndc_unit, "dx_pointers": list(ln.dx_pointers),
            "description": ln.description, "paid": billed.paid, "denied": billed.denied,
            "denial_reasons": list(billed.denial_reasons)}


def payment_doc(p: PostedPayment) -> dict[str, Any]:
    return {"remittance_id": p.remittance_id, "status_code": p.status_code,
            "payer_claim_number": p.payer_claim_number, "crossover": p.crossover,
            "remarks": list(p.remarks),
            "outcome": p.outcome, "paid": p.paid,
            "patient_responsibility": p.patient_responsibility, "contractual": p.contractual,
            "denial_reasons": list(p.denial_reasons),
            "adjustments": [{"line": a.line, "group": a.group, "reason": a.reason,
                             "amount": str(a.amount)} for a in p.adjustments],
            "posted_at": p.posted_at}


def denial_doc(d: Denial) -> dict[str, Any]:
    claim = d.claim
    return {"claim_id": claim.id, "order_id": claim.order_id,
            "practice_id": claim.practice_id, "payer_id": claim.coding.payer_id,
            "status": claim.status, "service_date": claim.coding.service_date,
            "age_days": d.age_days, "total_charge": claim.coding.total_charge,
            "paid_amount": claim.paid_amount, "denial_reasons": list(claim.denial_reasons),
            "denied_lines": [line_doc(b) for b in d.denied_lines]}


def work_item_doc(item: WorkItem) -> dict[str, Any]:
    """A worklist entry: the denial, what to do about it and by when."""
    return denial_doc(item.denial) | {
        "carcs": list(item.carcs), "suggested_action": item.action.action,
        "action_label": item.action.action_label, "payer_type": item.payer_type,
        "determined_on": item.determined_on, "act_by": item.act_by,
        "open_amount": item.open_amount}


def remittance_doc(posted: RemittanceImport) -> dict[str, Any]:
    return {"duplicate": posted.duplicate,
            "remittances": [{"id": str(r.id), "trace_number": r.trace_number,
                             "payment_amount": str(r.payment_amount), "claims": r.claims}
                            for r in posted.remittances],
            "claims": [posting_doc(p) for p in posted.claims]}


def posting_doc(p: ClaimPosting) -> dict[str, Any]:
    doc: dict[str, Any] = {"account_number": p.account_number,
                           "claim_id": str(p.claim_id) if p.claim_id is not None else None,
                           "outcome": p.outcome, "paid": str(p.paid)}
    if p.applied is not None:
        doc |= {"patient_responsibility": str(p.applied.patient_responsibility),
                "denial_reasons": list(p.applied.denial_reasons),
                "unmatched_lines": list(p.applied.unmatched_lines),
                "claim_status": p.applied.claim_status, "crossover": p.applied.crossover}
    return doc


def quarantine_doc(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "received_at": row["received_at"],
            "trace_number": row["trace_number"], "keys": row["keys"], "reasons": row["reasons"]}


def inventory_doc(item: InventoryItem) -> dict[str, Any]:
    product, on_hand = item.product, item.on_hand
    return {
        "ndc": product.ndc, "name": product.name, "hcpcs": product.hcpcs,
        "strength": product.strength, "strength_unit": product.strength_unit,
        "volume_ml": product.volume_ml, "vials_per_package": product.vials_per_package,
        "single_dose": product.single_dose, "ndc_unit": product.ndc_unit,
        "package_cost": product.package_cost, "cost_source": product.cost_source,
        "reorder_point": product.reorder_point, "usable_vials": on_hand.usable_vials,
        "expired_vials": on_hand.expired_vials, "usable_value": on_hand.usable_value,
        "lots": [lot_doc(lot) for lot in item.lots if lot.vials_on_hand > 0],
    }


def lot_doc(lot: Lot) -> dict[str, Any]:
    return {"lot_number": lot.lot_number, "expires_on": lot.expires_on,
            "vials_on_hand": lot.vials_on_hand, "vial_cost": lot.vial_cost,
            "cost_source": lot.cost_source, "contract_id": lot.contract_id,
            "wac_vial_cost": lot.wac_vial_cost}


def flag_doc(f: InventoryFlag) -> dict[str, str | None]:
    """Every value as text (the kind as it is)."""
    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return {"id": text(f.id), "order_id": text(f.order_id), "ndc": f.ndc, "kind": f.kind,
            "detail": f.detail, "needed": text(f.needed), "available": text(f.available),
            "created_at": text(f.created_at)}


def plain(obj: Any) -> dict[str, Any]:
    """A frozen dataclass row as JSON-ready dict (decimals and dates as strings)."""
    return {k: (str(v) if not isinstance(v, (int, str, bool, type(None))) else v)
            for k, v in ((f, getattr(obj, f)) for f in obj.__slots__)}
