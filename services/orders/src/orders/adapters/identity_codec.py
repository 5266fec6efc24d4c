"""PHI records <-> the JSON documents sealed in the database, and practitioner rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from orders.adapters.codec import Row, utc
from orders.adapters.phi_crypto import Sealed
from orders.domain.identity import Address, Coverage, Demographics, Person
from orders.domain.practitioners import Practitioner


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def address_doc(a: Address) -> dict[str, Any]:
    return {"line1": a.line1, "line2": a.line2, "city": a.city, "state": a.state,
            "postal_code": a.postal_code}


def address_from(doc: dict[str, Any]) -> Address:
    return Address(line1=doc["line1"], line2=doc.get("line2"), city=doc["city"],
                   state=doc["state"], postal_code=doc["postal_code"])


def person_doc(p: Person) -> dict[str, Any]:
    return {"family_name": p.family_name, "given_name": p.given_name,
            "middle_name": p.middle_name, "birth_date": p.birth_date.isoformat(), "sex": p.sex,
            "address": address_doc(p.address), "phone": p.phone}


def person_from(doc: dict[str, Any]) -> Person:
    return Person(family_name=doc["family_name"], given_name=doc["given_name"],
                  middle_name=doc.get("middle_name"), birth_date=date.fromisoformat(
                      doc["birth_date"]), sex=doc["sex"], address=address_from(doc["address"]),
                  phone=doc.get("phone"))


def demographics_doc(d: Demographics) -> dict[str, Any]:
    return {"family_name": d.family_name, "given_name": d.given_name,
            "middle_name": d.middle_name, "address": address_doc(d.address), "phone": d.phone}


def demographics_from(row: Row, doc: dict[str, Any]) -> Demographics:
    return Demographics(patient_id=row.patient_id, family_name=doc["family_name"],
                        given_name=doc["given_name"], middle_name=doc.get("middle_name"),
                        address=address_from(doc["address"]), phone=doc.get("phone"),
                        updated_at=utc(row.updated_at), version=row.version)


def coverage_doc(c: Coverage) -> dict[str, Any]:
    """What is sealed: everything but the ids, the payer, priority and status."""
    return {"plan_id": c.plan_id, "member_id": c.member_id, "group_number": c.group_number,
            "relationship": c.relationship,
            "subscriber": None if c.subscriber is None else person_doc(c.subscriber),
            "effective_from": None if c.effective_from is None else c.effective_from.isoformat(),
            "effective_to": None if c.effective_to is None else c.effective_to.isoformat()}


def coverage_from(row: Row, doc: dict[str, Any]) -> Coverage:
    return Coverage(
        id=row.coverage_id, patient_id=row.patient_id, payer_id=row.payer_id,
        member_id=doc["member_id"], relationship=doc["relationship"], priority=row.priority,
        recorded_at=utc(row.recorded_at), plan_id=doc.get("plan_id"),
        group_number=doc.get("group_number"),
        subscriber=None if doc.get("subscriber") is None else person_from(doc["subscriber"]),
        effective_from=_day(doc.get("effective_from")),
        effective_to=_day(doc.get("effective_to")), status=row.status, version=row.version,
        recorded_by=row.recorded_by)


def sealed_columns(s: Sealed) -> dict[str, Any]:
    return {"key_id": s.key_id, "data_key": s.data_key, "payload": s.payload}


def sealed_of(row: Row) -> Sealed:
    return Sealed(row.key_id, bytes(row.data_key), bytes(row.payload))


def practitioner_row(p: Practitioner) -> dict[str, Any]:
    return {"id": p.id, "npi": p.npi, "family_name": p.family_name, "given_name": p.given_name,
            "taxonomy": p.taxonomy, "roles": sorted(p.roles), "practice_id": p.practice_id,
            "active": p.active, "created_at": p.created_at, "updated_at": p.updated_at}


def practitioner_from(row: Row) -> Practitioner:
    return Practitioner(id=row.id, npi=row.npi, family_name=row.family_name,
                        given_name=row.given_name, taxonomy=row.taxonomy,
                        roles=frozenset(row.roles), practice_id=row.practice_id,
                        active=row.active, created_at=utc(row.created_at),
                        updated_at=utc(row.updated_at), version=row.version)
