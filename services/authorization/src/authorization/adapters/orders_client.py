"""Who a PAS request or an eligibility inquiry is about, read from the orders service when it is
built and kept nowhere (the identity contract; audited reads on the orders side):

- ``GET /v1/orders/{order_id}/payer-identity?purpose=payment`` for an order;
- ``GET /v1/patients/{patient_id}/payer-identity?purpose=payment&payer_id=`` for a patient and
  payer without an order (an on-demand eligibility check).

404 -> None (orders has no such order or patient). Logs carry ids only, never what came back."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from typing import Any, Protocol
from uuid import UUID

import httpx

from chairside_shared.retry_after import RetryAfterTransport

from ..domain.errors import IdentityUnavailable
from ..domain.identity import Address, Coverage, PayerIdentity, Person, Practitioner

log = logging.getLogger(__name__)
HEADERS = {"x-chairside-client-id": "authorization", "x-chairside-scopes": "patients:read"}


class IdentitySource(Protocol):
    async def for_order(self, order_id: UUID) -> PayerIdentity | None: ...

    async def for_patient(self, patient_id: UUID, payer_id: str) -> PayerIdentity | None: ...


def _text(doc: dict[str, Any], key: str) -> str:
    value = doc.get(key)
    return value if isinstance(value, str) else ""


def _address(doc: Any) -> Address | None:
    if not isinstance(doc, dict):
        return None
    return Address(line1=_text(doc, "line1"), line2=doc.get("line2") or None,
                   city=_text(doc, "city"), state=_text(doc, "state"),
                   postal_code=_text(doc, "postal_code"))


def _person(doc: Any) -> Person | None:
    if not isinstance(doc, dict):
        return None
    born = doc.get("birth_date")
    sex = doc.get("sex")
    return Person(family_name=_text(doc, "family_name"), given_name=_text(doc, "given_name"),
                  middle_name=doc.get("middle_name") or None,
                  birth_date=date.fromisoformat(born) if isinstance(born, str) else None,
                  sex=sex if sex in ("female", "male", "unknown") else None,
                  address=_address(doc.get("address")))


def _practitioner(doc: Any) -> Practitioner | None:
    if not isinstance(doc, dict):
        return None
    return Practitioner(id=str(doc.get("id", "")), npi=_text(doc, "npi"),
                        family_name=_text(doc, "family_name"),
                        given_name=_text(doc, "given_name"), taxonomy=doc.get("taxonomy"),
                        active=bool(doc.get("active", True)))


def _coverage(doc: Any) -> Coverage | None:
    if not isinstance(doc, dict):
        return None
    rel = doc.get("relationship")
    return Coverage(id=UUID(str(doc["id"])), payer_id=_text(doc, "payer_id"),
                    plan_id=doc.get("plan_id") or None, member_id=_text(doc, "member_id"),
                    group_number=doc.get("group_number") or None,
                    relationship=rel if rel in ("self", "spouse", "child", "other") else "other",
                    subscriber=_person(doc.get("subscriber")),
                    status=_text(doc, "status") or "active")


def parse_payer_identity(doc: dict[str, Any]) -> PayerIdentity:
    """The contract's body -> the domain's PayerIdentity (KeyError/ValueError/TypeError when the
    ids break the contract; missing names and dates stay empty for the callers to name)."""
    order_id = doc.get("order_id")
    return PayerIdentity(order_id=UUID(str(order_id)) if order_id else None,
                         patient_id=UUID(str(doc["patient_id"])),
                         patient=_person(doc.get("patient")),
                         coverage=_coverage(doc.get("coverage")),
                         ordering=_practitioner(doc.get("ordering")))


class OrdersIdentitySource:
    def __init__(self, base_url: str, *, timeout_s: float = 3.0,
                 client: httpx.AsyncClient | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self._client = client

    async def for_order(self, order_id: UUID) -> PayerIdentity | None:
        return await self._get(f"/v1/orders/{order_id}/payer-identity",
                               {"purpose": "payment"}, f"order {order_id}")

    async def for_patient(self, patient_id: UUID, payer_id: str) -> PayerIdentity | None:
        return await self._get(f"/v1/patients/{patient_id}/payer-identity",
                               {"purpose": "payment", "payer_id": payer_id},
                               f"patient {patient_id}")

    async def _get(self, path: str, params: dict[str, str], about: str) -> PayerIdentity | None:
        url = f"{self.base_url}{path}"
        try:
            if self._client is not None:
                resp = await self._client.get(url, params=params, headers=HEADERS,
                                              timeout=self.timeout_s)
            else:
                # a 503 of a lost database connection is waited out (retry_after.py)
                async with httpx.AsyncClient(timeout=self.timeout_s,
                                             transport=RetryAfterTransport()) as client:
                    resp = await client.get(url, params=params, headers=HEADERS)
        except httpx.HTTPError as exc:
            log.warning("orders unreachable for the payer identity of %s", about)
            raise IdentityUnavailable(
                f"orders service unreachable ({type(exc).__name__})") from exc
        if resp.status_code == 404:
            return None
        if resp.status_code != 200:
            raise IdentityUnavailable(f"orders service answered {resp.status_code}",
                                      retryable=resp.status_code >= 500)
        try:
            return parse_payer_identity(resp.json())
        except (ValueError, KeyError, TypeError) as exc:
            raise IdentityUnavailable("orders service answered an unreadable payer identity",
                                      retryable=False) from exc


class StaticIdentitySource:
    """Fixed identities by order id and by patient id, or one for everything (tests, demos).
    ``by_order`` is shared: tests add to it."""

    def __init__(self, default: PayerIdentity | None = None,
                 by_order: dict[UUID, PayerIdentity | None] | None = None,
                 by_patient: dict[UUID, PayerIdentity | None] | None = None) -> None:
        self.default = default
        self.by_order = by_order if by_order is not None else {}
        self.by_patient = by_patient if by_patient is not None else {}
        self.calls: list[UUID] = []

    async def for_order(self, order_id: UUID) -> PayerIdentity | None:
        self.calls.append(order_id)
        if order_id in self.by_order:
            return self.by_order[order_id]
        return None if self.default is None else replace(self.default, order_id=order_id)

    async def for_patient(self, patient_id: UUID, payer_id: str) -> PayerIdentity | None:
        self.calls.append(patient_id)
        if patient_id in self.by_patient:
            return self.by_patient[patient_id]
        return None if self.default is None else replace(self.default, order_id=None,
                                                         patient_id=patient_id)
