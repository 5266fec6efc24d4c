"""Identities -> response documents (the contract's shapes)."""

from __future__ import annotations

from typing import Any

from orders.domain.identity import AccessRecord, Address, Coverage, Person
from orders.domain.practitioners import Practitioner
from orders.entrypoints.api import identity_schemas as s
from orders.service.disclosure import PayerIdentity


def address_view(a: Address) -> dict[str, Any]:
    return {"line1": a.line1, "line2": a.line2, "city": a.city, "state": a.state,
            "postal_code": a.postal_code}


def person_view(p: Person) -> dict[str, Any]:
    return {"family_name": p.family_name, "given_name": p.given_name,
            "middle_name": p.middle_name, "birth_date": p.birth_date, "sex": p.sex,
            "address": address_view(p.address), "phone": p.phone}


def coverage_view(c: Coverage, *, with_record: bool = False) -> dict[str, Any]:
    out = {"id": c.id, "patient_id": c.patient_id, "payer_id": c.payer_id,
           "plan_id": c.plan_id, "member_id": c.member_id, "group_number": c.group_number,
           "relationship": c.relationship,
           "subscriber": None if c.subscriber is None else person_view(c.subscriber),
           "priority": c.priority, "effective_from": c.effective_from,
           "effective_to": c.effective_to, "status": c.status, "version": c.version}
    if with_record:
        out |= {"recorded_at": c.recorded_at, "recorded_by": c.recorded_by}
    return out


def practitioner_view(p: Practitioner) -> dict[str, Any]:
    return {"id": p.id, "npi": p.npi, "family_name": p.family_name,
            "given_name": p.given_name, "taxonomy": p.taxonomy, "roles": sorted(p.roles),
            "practice_id": p.practice_id, "active": p.active}


def payer_identity_view(pi: PayerIdentity) -> dict[str, Any]:
    return {"order_id": pi.order_id, "patient_id": pi.patient_id,
            "practice_id": pi.practice_id,
            "patient": None if pi.patient is None else person_view(pi.patient),
            "coverage": None if pi.coverage is None else coverage_view(pi.coverage),
            "ordering": None if pi.ordering is None else practitioner_view(pi.ordering),
            "supervising": None if pi.supervising is None else practitioner_view(
                pi.supervising)}


def access_view(entry_id: int, r: AccessRecord) -> dict[str, Any]:
    return {"id": entry_id, "at": r.at, "client_id": r.client_id, "user_id": r.user_id,
            "patient_id": r.patient_id, "resource": r.resource, "action": r.action,
            "fields": list(r.fields), "purpose": r.purpose}


__all__ = ["access_view", "coverage_view", "payer_identity_view", "person_view",
           "practitioner_view", "s"]
