"""Domain objects -> response documents (api.md field names)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from orders.domain.administration import AdministrationRecord
from orders.domain.catalog import Catalog, CatalogChange, Drug
from orders.domain.findings import Finding
from orders.domain.order import Order
from orders.domain.patient import PatientRecord
from orders.domain.protocols import Protocol


def finding_view(f: Finding, order: Order | None = None) -> dict[str, Any]:
    covered = order is not None and any(o.covers(f) for o in order.overrides)
    return {**f.to_dict(), "overridden": covered}


def order_view(order: Order) -> dict[str, Any]:
    window: dict[str, datetime] | None = None
    if order.requested_window:
        window = {"from": order.requested_window[0], "to": order.requested_window[1]}
    return {
        "id": order.id, "practice_id": order.practice_id, "patient_id": order.patient_id,
        "status": str(order.status), "authorization_status": order.authorization_status,
        "authorization_reason": order.authorization_reason,
        "urgency": order.urgency, "requested_window": window, "diagnosis": order.diagnoses,
        "payer": order.payer, "protocol_id": order.protocol_id,
        "lines": [{**ln.to_dict(), "monitoring": list(ln.monitoring)} for ln in order.lines],
        "findings": [finding_view(f, order) for f in order.findings],
        "overrides": [{"finding_code": o.finding_code, "line": o.line, "reason": o.reason,
                       "by": o.by, "at": o.at} for o in order.overrides],
        "estimated_chair_minutes": order.estimated_chair_minutes,
        "acuity_class": order.acuity_class, "requires_driver": order.requires_driver,
        "catalog_version": order.catalog_version, "prescriber_id": order.prescriber_id,
        "ordering_practitioner_id": order.ordering_practitioner_id,
        "supervising_practitioner_id": order.supervising_practitioner_id,
        "coverage_id": order.coverage_id, "triage_category": order.triage_category,
        "headache_hours": order.headache_hours,
        "administrations": [administration_view(a, _monitoring(order, a))
                            for a in order.administrations],
        "history": [{"at": h.at, "action": h.action, "by": h.by, "detail": h.detail}
                    for h in order.history],
        "created_at": order.created_at, "updated_at": order.updated_at,
        "signed_at": order.signed_at, "cancelled_at": order.cancelled_at,
        "cancel_reason": order.cancel_reason, "completed_at": order.completed_at,
    }


def _monitoring(order: Order, a: AdministrationRecord) -> tuple[str, ...]:
    """The record's own text when just recorded, else its line's (kept with the order)."""
    line = next((ln for ln in order.lines if ln.sequence == a.line_sequence), None)
    return a.monitoring or (line.monitoring if line else ())


def administration_view(a: AdministrationRecord,
                        monitoring: tuple[str, ...] | None = None) -> dict[str, Any]:
    return {"line_sequence": a.line_sequence, "started_at": a.started_at,
            "stopped_at": a.stopped_at, "dose_given": a.dose_given, "dose_unit": a.dose_unit,
            "ndc": a.ndc, "lot": a.lot, "wasted_amount": a.wasted_amount,
            "reaction": a.reaction, "findings": [finding_view(f) for f in a.findings],
            "supervising_practitioner_id": a.supervising_practitioner_id,
            "monitoring": list(a.monitoring if monitoring is None else monitoring)}


def patient_view(p: PatientRecord) -> dict[str, Any]:
    f = p.facts
    return {"id": f.patient_id, "practice_id": f.practice_id, "mrn": p.mrn,
            "birth_date": f.birth_date, "sex": f.sex, "weight_kg": f.weight_kg,
            "pregnant": f.pregnant, "qtc_ms": f.qtc_ms,
            "allergies": [a.__dict__ for a in f.allergies], "conditions": sorted(f.conditions),
            "medications": [{"name": m.name, "rxnorm": m.rxnorm, "class": m.med_class,
                             "last_dose_at": m.last_dose_at} for m in f.medications],
            "created_at": p.created_at, "updated_at": p.updated_at}


def drug_view(d: Drug, catalog: Catalog) -> dict[str, Any]:
    return {"code": d.code, "name": d.name, "class_": d.drug_class,
            "route_modes": list(d.route_modes), "dose_unit": d.dose_unit,
            "usual_dose": d.usual_dose, "max_dose": d.max_dose,
            "peds_mg_per_kg": d.peds_mg_per_kg, "peds_max": d.peds_max,
            "peds_age_caps": [b.model_dump(mode="json") for b in d.peds_age_caps],
            "peds_policy": d.peds_policy, "default_minutes": d.default_minutes,
            "sedation": d.sedation, "requires_driver": d.requires_driver,
            "monitoring": list(d.monitoring), "acuity_class": d.acuity_class,
            "first_dose_acuity_class": d.first_dose_acuity_class, "hcpcs": d.hcpcs,
            "hcpcs_unit": d.hcpcs_unit, "hcpcs_unit_amount": d.hcpcs_unit_amount,
            "vial_size": d.vial_size, "single_dose": d.single_dose,
            "frequency_limits": [fl.model_dump(mode="json") for fl in d.frequency_limits],
            "fluid": d.fluid.model_dump(mode="json") if d.fluid else None,
            "sources": d.sources, "catalog_version": catalog.version}


def catalog_change_view(c: CatalogChange) -> dict[str, Any]:
    return {"version": c.version, "created_by": c.created_by, "created_at": c.created_at,
            "note": c.note}


def protocol_view(p: Protocol) -> dict[str, Any]:
    return {"id": p.id, "practice_id": p.practice_id, "key": p.key, "name": p.name,
            "population": p.population, "description": p.description,
            "lines": [{"sequence": ln.sequence, "drug_code": ln.drug_code, "mode": ln.mode,
                       "minutes": ln.minutes, "wait_after_minutes": ln.wait_after_minutes,
                       "with_previous": ln.with_previous, "dose_rule": ln.dose_rule.to_dict()}
                      for ln in p.lines]}
