"""Who a claim names, read from orders at the moment of disclosure (837P export, claim check).

Orders owns patient demographics, coverages and practitioners (PHI encrypted at rest, reads
audited). This client asks ``GET {orders_url}/v1/orders/{order_id}/payer-identity?purpose=payment``
(the cross-service identity contract) and keeps nothing: no cache, no log line with a value,
no span attribute but ids. It calls as a service inside the clinic: ``x-chairside-client-id:
reimbursement`` and ``x-chairside-scopes: patients:read``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol, runtime_checkable
from uuid import UUID

import httpx

from chairside_shared.retry_after import RetryAfterTransport
from reimbursement.domain.parties import (
    Coverage,
    CoverageStatus,
    PayerIdentity,
    Person,
    Practitioner,
    Priority,
    Relationship,
    Sex,
)
from reimbursement.domain.practice import PostalAddress

HEADERS = {"x-chairside-client-id": "reimbursement", "x-chairside-scopes": "patients:read"}


class PayerIdentitySource(Protocol):
    async def payer_identity(self, *, order_id: UUID) -> PayerIdentity | None:
        """The order's parties (None: orders has no such order)."""
        ...


@runtime_checkable
class CoverageSource(Protocol):
    async def coverages(self, *, patient_id: UUID) -> list[Coverage]:
        """The patient's coverages in force or not, every priority (audited read, purpose
        payment): coordination of benefits picks the next payer from them."""
        ...


class IdentityUnavailable(Exception):
    """Orders could not answer (unreachable, failing, or an answer this service cannot read).
    The message names the cause, never a value."""


class OrdersPayerIdentityClient:
    def __init__(self, base_url: str, *, timeout_s: float = 3.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s

    async def payer_identity(self, *, order_id: UUID) -> PayerIdentity | None:
        doc = await self._read(f"/v1/orders/{order_id}/payer-identity")
        try:
            return None if doc is None else payer_identity_from_doc(doc)
        except (KeyError, TypeError, ValueError) as exc:  # never echo the body: it is PHI
            raise IdentityUnavailable(f"unreadable payer identity ({type(exc).__name__})"
                                      ) from None

    async def coverages(self, *, patient_id: UUID) -> list[Coverage]:
        """``GET {orders_url}/v1/patients/{id}/coverages?purpose=payment`` (audited by
        orders as a payment read); [] when orders has no such patient."""
        doc = await self._read(f"/v1/patients/{patient_id}/coverages")
        try:
            found = [] if doc is None else [_coverage(item) for item in doc["items"]]
        except (KeyError, TypeError, ValueError) as exc:  # never echo the body: it is PHI
            raise IdentityUnavailable(f"unreadable coverages ({type(exc).__name__})") from None
        return [c for c in found if c is not None]

    async def _read(self, path: str) -> Any:
        """The JSON answer of a payment-purpose read (None: 404)."""
        try:
            # a 503 of a lost database connection is waited out (retry_after.py)
            async with httpx.AsyncClient(timeout=self.timeout_s,
                                         transport=RetryAfterTransport()) as client:
                response = await client.get(f"{self.base_url}{path}",
                                            params={"purpose": "payment"}, headers=HEADERS)
        except httpx.HTTPError as exc:
            raise IdentityUnavailable(f"orders service unreachable ({type(exc).__name__})"
                                      ) from exc
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise IdentityUnavailable(f"orders service answered {response.status_code}")
        try:
            return response.json()
        except ValueError as exc:
            raise IdentityUnavailable(f"unreadable answer ({type(exc).__name__})") from None


class StaticPayerIdentitySource:
    """Fixed answers per order, or one answer for every order (tests, demos without orders)."""

    def __init__(self, answers: dict[UUID, PayerIdentity | None] | None = None, *,
                 default: PayerIdentity | None = None,
                 coverages: dict[UUID, list[Coverage]] | None = None) -> None:
        self.answers = dict(answers or {})
        self.default = default
        self.patient_coverages = dict(coverages or {})  # patient id -> coverages

    async def coverages(self, *, patient_id: UUID) -> list[Coverage]:
        return list(self.patient_coverages.get(patient_id, []))

    async def payer_identity(self, *, order_id: UUID) -> PayerIdentity | None:
        if order_id in self.answers:
            return self.answers[order_id]
        return None if self.default is None else _for_order(self.default, order_id)


def _for_order(identity: PayerIdentity, order_id: UUID) -> PayerIdentity:
    return PayerIdentity(order_id, identity.patient, identity.coverage, identity.ordering,
                         identity.supervising)


# ------------------------------------------------------------------ the contract's JSON shapes
# Codes the contract allows, typed (an unknown code is a KeyError: an unreadable answer).
_SEXES: dict[str, Sex] = {"female": "female", "male": "male", "unknown": "unknown"}
_RELATIONSHIPS: dict[str, Relationship] = {
    "self": "self", "spouse": "spouse", "child": "child", "other": "other"}
_PRIORITIES: dict[str, Priority] = {
    "primary": "primary", "secondary": "secondary", "tertiary": "tertiary"}
_STATUSES: dict[str, CoverageStatus] = {"active": "active", "ended": "ended"}


def payer_identity_from_doc(doc: dict[str, Any]) -> PayerIdentity:
    return PayerIdentity(
        order_id=UUID(doc["order_id"]),
        patient=_person(doc.get("patient")),
        coverage=_coverage(doc.get("coverage")),
        ordering=_practitioner(doc.get("ordering")),
        supervising=_practitioner(doc.get("supervising")))


def _person(doc: dict[str, Any] | None) -> Person | None:
    if doc is None:
        return None
    a = doc["address"]
    sex = _SEXES[doc.get("sex") or "unknown"]
    return Person(
        family_name=str(doc["family_name"]), given_name=str(doc["given_name"]),
        middle_name=doc.get("middle_name"), birth_date=date.fromisoformat(doc["birth_date"]),
        sex=sex, address=PostalAddress(str(a["line1"]), str(a["city"]), str(a["state"]),
                                       str(a["postal_code"]), a.get("line2")))


def _practitioner(doc: dict[str, Any] | None) -> Practitioner | None:
    if doc is None:
        return None
    return Practitioner(id=UUID(doc["id"]), npi=str(doc["npi"]),
                        family_name=str(doc["family_name"]), given_name=str(doc["given_name"]),
                        taxonomy=doc.get("taxonomy"), active=bool(doc.get("active", True)))


def _coverage(doc: dict[str, Any] | None) -> Coverage | None:
    if doc is None:
        return None
    relationship = _RELATIONSHIPS[doc["relationship"]]
    priority = _PRIORITIES[doc.get("priority") or "primary"]
    status = _STATUSES[doc.get("status") or "active"]
    return Coverage(
        id=UUID(doc["id"]), payer_id=str(doc["payer_id"]), member_id=str(doc["member_id"]),
        relationship=relationship, subscriber=_person(doc.get("subscriber")),
        priority=priority, group_number=doc.get("group_number"), status=status,
        effective_from=_day(doc.get("effective_from")),
        effective_to=_day(doc.get("effective_to")))


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)
