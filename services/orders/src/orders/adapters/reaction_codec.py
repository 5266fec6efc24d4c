"""Reaction rows <-> domain objects. The document holds Decimals as strings, times as ISO
with offset (like the order documents in codec.py)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from orders.adapters.codec import utc
from orders.domain.reactions import Action, Reaction, RescueMed, SuspectDrug, Vitals

Row = Any


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return utc(value).isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _dec(v: str | None) -> Decimal | None:
    return None if v is None else Decimal(v)


def _at(v: str | None) -> datetime | None:
    return None if v is None else utc(datetime.fromisoformat(v))


def _req_at(v: str) -> datetime:
    return utc(datetime.fromisoformat(v))


DOC_FIELDS = ("minutes_from_start", "suspects", "manifestations", "graded_by", "rechallenge",
              "vitals", "actions", "rescue_meds", "provider_notified_at", "resolved_at",
              "ordering_practitioner_id", "clearance_note", "warnings", "acuity_class")


def reaction_row(r: Reaction) -> dict[str, Any]:
    doc = {k: _plain(getattr(r, k)) for k in DOC_FIELDS}
    doc["suspects"] = [_plain(asdict(s)) for s in r.suspects]
    doc["vitals"] = [_plain(asdict(v)) for v in r.vitals]
    doc["actions"] = [_plain(asdict(a)) for a in r.actions]
    doc["rescue_meds"] = [_plain(asdict(m)) for m in r.rescue_meds]
    return {"id": r.id, "order_id": r.order_id, "patient_id": r.patient_id,
            "practice_id": r.practice_id, "onset_at": r.onset_at, "grade": r.grade,
            "term": r.term, "kind": r.kind, "outcome": r.outcome,
            "drug_codes": list(r.drug_codes), "document": doc, "cleared_at": r.cleared_at,
            "cleared_by": r.cleared_by, "created_at": r.recorded_at,
            "recorded_by": r.recorded_by}


def reaction_from_row(row: Row) -> Reaction:
    d = row.document
    return Reaction(
        id=row.id, order_id=row.order_id, patient_id=row.patient_id,
        practice_id=row.practice_id, onset_at=utc(row.onset_at),
        minutes_from_start=d.get("minutes_from_start"),
        suspects=tuple(SuspectDrug(
            drug_code=s["drug_code"], lot=s.get("lot"),
            amount_infused=_dec(s.get("amount_infused")), amount_unit=s.get("amount_unit"),
            rate_at_onset=_dec(s.get("rate_at_onset")),
            dose_number=s.get("dose_number")) for s in d["suspects"]),
        manifestations=tuple(d["manifestations"]), term=row.term, grade=row.grade,
        graded_by=d["graded_by"], kind=row.kind, outcome=row.outcome,
        rechallenge=d["rechallenge"],
        vitals=tuple(Vitals(
            at=_req_at(v["at"]), systolic=v.get("systolic"), diastolic=v.get("diastolic"),
            heart_rate=v.get("heart_rate"), resp_rate=v.get("resp_rate"), spo2=v.get("spo2"),
            temp_c=_dec(v.get("temp_c"))) for v in d["vitals"]),
        actions=tuple(Action(kind=a["kind"], at=_req_at(a["at"]), rate=_dec(a.get("rate")),
                             drug_code=a.get("drug_code")) for a in d["actions"]),
        rescue_meds=tuple(RescueMed(
            drug=m["drug"], dose=Decimal(m["dose"]), unit=m["unit"], route=m["route"],
            given_at=_req_at(m["given_at"]), given_by=m["given_by"]) for m in d["rescue_meds"]),
        provider_notified_at=_at(d.get("provider_notified_at")),
        resolved_at=_at(d.get("resolved_at")),
        ordering_practitioner_id=(UUID(d["ordering_practitioner_id"])
                                  if d.get("ordering_practitioner_id") else None),
        recorded_at=utc(row.created_at), recorded_by=row.recorded_by,
        cleared_at=utc(row.cleared_at), cleared_by=row.cleared_by,
        clearance_note=d.get("clearance_note"), warnings=tuple(d.get("warnings") or ()),
        acuity_class=d.get("acuity_class"))
