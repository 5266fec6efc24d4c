"""Rows <-> domain objects. JSON documents hold strings for Decimals and ISO times with offset."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, overload

from orders.domain.administration import AdministrationRecord
from orders.domain.findings import Finding
from orders.domain.lifecycle import Status
from orders.domain.lines import LineSpec
from orders.domain.order import Order
from orders.domain.patient import Allergy, HomeMed, OutsideDose, PatientFacts, PatientRecord
from orders.domain.protocols import Protocol, protocol_from_data
from orders.domain.values import HistoryEntry, Override, Payer

# A row as SQLAlchemy returns it (attribute access by column name); rows are untyped.
Row = Any


@overload
def utc(value: datetime) -> datetime: ...
@overload
def utc(value: None) -> None: ...
def utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else utc(value).isoformat()


@overload
def _time(text: str) -> datetime: ...
@overload
def _time(text: None) -> None: ...
def _time(text: str | None) -> datetime | None:
    return None if text is None else utc(datetime.fromisoformat(text))


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


# ------------------------------------------------------------------------------ patients
def patient_row(rec: PatientRecord) -> dict[str, Any]:
    f = rec.facts
    return {
        "id": f.patient_id, "practice_id": f.practice_id, "mrn": rec.mrn,
        "birth_date": f.birth_date, "sex": f.sex, "weight_kg": f.weight_kg,
        "pregnant": f.pregnant, "qtc_ms": f.qtc_ms,
        "allergies": [_jsonable(a.__dict__) for a in f.allergies],
        "conditions": sorted(f.conditions),
        "medications": [{"name": m.name, "rxnorm": m.rxnorm, "class": m.med_class,
                         "last_dose_at": _iso(m.last_dose_at)} for m in f.medications],
        "created_at": rec.created_at, "updated_at": rec.updated_at, "version": rec.version,
    }


def patient_from_row(row: Row) -> PatientRecord:
    facts = PatientFacts(
        patient_id=row.id, practice_id=row.practice_id, birth_date=row.birth_date, sex=row.sex,
        weight_kg=None if row.weight_kg is None else Decimal(str(row.weight_kg)),
        pregnant=row.pregnant, qtc_ms=row.qtc_ms,
        allergies=tuple(Allergy(**a) for a in row.allergies),
        conditions=frozenset(row.conditions),
        medications=tuple(HomeMed(name=m["name"], rxnorm=m.get("rxnorm"),
                                  med_class=m.get("class"),
                                  last_dose_at=_time(m.get("last_dose_at")))
                          for m in row.medications))
    return PatientRecord(facts=facts, mrn=row.mrn, created_at=utc(row.created_at),
                         updated_at=utc(row.updated_at), version=row.version)


def outside_dose_row(dose: OutsideDose) -> dict[str, Any]:
    return {"id": dose.id, "patient_id": dose.patient_id, "drug_code": dose.drug_code,
            "dose": dose.dose, "dose_unit": dose.dose_unit,
            "dose_catalog_unit": dose.dose_catalog_unit, "given_at": dose.given_at,
            "source": dose.source, "recorded_at": dose.recorded_at,
            "recorded_by": dose.recorded_by}


def outside_dose_from_row(row: Row) -> OutsideDose:
    return OutsideDose(id=row.id, patient_id=row.patient_id, drug_code=row.drug_code,
                       dose=row.dose, dose_unit=row.dose_unit,
                       dose_catalog_unit=row.dose_catalog_unit, given_at=row.given_at,
                       source=row.source, recorded_at=row.recorded_at,
                       recorded_by=row.recorded_by)


# ------------------------------------------------------------------------------ orders
def order_row(order: Order) -> dict[str, Any]:
    """Every column but the payer's (``order_payer.payer_columns`` seals its member id)."""
    window = order.requested_window or (None, None)
    return {
        "id": order.id, "practice_id": order.practice_id, "patient_id": order.patient_id,
        "status": str(order.status), "authorization_status": order.authorization_status,
        "authorization_decided_at": order.authorization_decided_at,
        "authorization_reason": order.authorization_reason, "urgency": order.urgency,
        "requested_from": window[0], "requested_to": window[1],
        "diagnoses": list(order.diagnoses), "protocol_id": order.protocol_id,
        "lines": [ln.to_dict() for ln in order.lines],
        "findings": [f.to_dict() for f in order.findings],
        "overrides": [{"finding_code": o.finding_code, "line": o.line, "reason": o.reason,
                       "by": o.by, "at": _iso(o.at)} for o in order.overrides],
        "history": [{"at": _iso(e.at), "action": e.action, "by": e.by,
                     "detail": _jsonable(e.detail)} for e in order.history],
        "catalog_version": order.catalog_version,
        "estimated_chair_minutes": order.estimated_chair_minutes,
        "acuity_class": order.acuity_class, "requires_driver": order.requires_driver,
        "prescriber_id": order.prescriber_id,
        "ordering_practitioner_id": order.ordering_practitioner_id,
        "supervising_practitioner_id": order.supervising_practitioner_id,
        "coverage_id": order.coverage_id, "triage_category": order.triage_category,
        "headache_hours": order.headache_hours, "created_at": order.created_at,
        "updated_at": order.updated_at, "signed_at": order.signed_at,
        "cancelled_at": order.cancelled_at, "cancel_reason": order.cancel_reason,
        "completed_at": order.completed_at,
    }


def order_from_row(row: Row, administrations: list[AdministrationRecord],
                   payer: Payer | None) -> Order:
    """``payer``: the row's, member id opened (``order_payer.payer_of``)."""
    window: tuple[datetime, datetime] | None = None
    if row.requested_from is not None:
        window = (utc(row.requested_from), utc(row.requested_to))
    return Order(
        id=row.id, practice_id=row.practice_id, patient_id=row.patient_id,
        urgency=row.urgency, lines=[LineSpec.from_dict(d) for d in row.lines],
        diagnoses=list(row.diagnoses), requested_window=window, payer=payer,
        protocol_id=row.protocol_id, status=Status(row.status),
        authorization_status=row.authorization_status,
        authorization_decided_at=utc(row.authorization_decided_at),
        authorization_reason=row.authorization_reason,
        findings=[Finding.from_dict(d) for d in row.findings],
        overrides=[Override(o["finding_code"], o["line"], o["reason"], o["by"], _time(o["at"]))
                   for o in row.overrides],
        history=[HistoryEntry(_time(e["at"]), e["action"], e["by"], e["detail"])
                 for e in row.history],
        administrations=administrations, catalog_version=row.catalog_version,
        estimated_chair_minutes=row.estimated_chair_minutes, acuity_class=row.acuity_class,
        requires_driver=row.requires_driver, prescriber_id=row.prescriber_id,
        ordering_practitioner_id=row.ordering_practitioner_id,
        supervising_practitioner_id=row.supervising_practitioner_id,
        coverage_id=row.coverage_id, triage_category=row.triage_category,
        headache_hours=row.headache_hours, created_at=utc(row.created_at),
        updated_at=utc(row.updated_at),
        signed_at=utc(row.signed_at), cancelled_at=utc(row.cancelled_at),
        cancel_reason=row.cancel_reason, completed_at=utc(row.completed_at), version=row.version)


def administration_from_row(row: Row) -> AdministrationRecord:
    return AdministrationRecord(
        line_sequence=row.line_sequence, started_at=utc(row.started_at),
        stopped_at=utc(row.stopped_at), dose_given=Decimal(str(row.dose_given)),
        dose_unit=row.dose_unit, ndc=row.ndc, lot=row.lot,
        wasted_amount=Decimal(str(row.wasted_amount)), reaction=row.reaction,
        recorded_by=row.recorded_by, recorded_at=utc(row.recorded_at),
        findings=tuple(Finding.from_dict(d) for d in row.findings),
        supervising_practitioner_id=row.supervising_practitioner_id)


# ------------------------------------------------------------------------------ protocols
def protocol_row(p: Protocol) -> dict[str, Any]:
    return {"id": p.id, "practice_id": p.practice_id, "key": p.key, "name": p.name,
            "population": p.population, "description": p.description, "active": p.active,
            "lines": [{"sequence": ln.sequence, "drug_code": ln.drug_code, "mode": ln.mode,
                       "minutes": ln.minutes, "wait_after_minutes": ln.wait_after_minutes,
                       "with_previous": ln.with_previous, "dose_rule": ln.dose_rule.to_dict()}
                      for ln in p.lines]}


def protocol_from_row(row: Row) -> Protocol:
    data = {"id": str(row.id), "key": row.key, "name": row.name, "population": row.population,
            "description": row.description, "lines": row.lines}
    proto = protocol_from_data(data, practice_id=row.practice_id)
    return Protocol(**{**proto.__dict__, "active": row.active})
