"""The two parties an eligibility check talks to over HTTP.

- Orders, for the payer identity at the moment of disclosure (identity contract, issue 13):
  ``GET /v1/orders/{order_id}/payer-identity?purpose=payment`` for an order, and for an
  on-demand check without an order ``GET /v1/patients/{patient_id}/payer-identity?purpose=
  payment&payer_id=`` (proposed to orders). Read, used for one 270, kept nowhere, never logged.
- The clearinghouse: ``POST <url>`` with the 270 interchange as ``application/edi-x12``; the
  answer is the 271 (or a 999 rejecting the 270).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol
from uuid import UUID

import httpx
from pydantic import SecretStr

from ..domain.eligibility import Coverage, PayerIdentity, Person, Provider, Sex

X12_MEDIA = "application/edi-x12"
HEADERS = {"x-chairside-client-id": "authorization", "x-chairside-scopes": "patients:read"}


class IdentityUnavailable(Exception):
    """Orders could not be asked (down, timeout) or refused; ``retryable`` when it may pass."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class ClearinghouseUnavailable(Exception):
    """No 271 came back (transport error, timeout, HTTP error status)."""


class IdentitySource(Protocol):
    async def for_order(self, order_id: UUID) -> PayerIdentity: ...

    async def for_patient(self, patient_id: UUID, payer_id: str) -> PayerIdentity: ...


def _person(doc: dict[str, Any] | None) -> Person | None:
    if not doc:
        return None
    sex: Sex = "female" if doc.get("sex") == "female" else (
        "male" if doc.get("sex") == "male" else "unknown")
    return Person(family_name=doc["family_name"], given_name=doc["given_name"],
                  middle_name=doc.get("middle_name"),
                  birth_date=date.fromisoformat(doc["birth_date"]), sex=sex)


def _coverage(doc: dict[str, Any] | None) -> Coverage | None:
    if not doc:
        return None
    return Coverage(id=UUID(str(doc["id"])), payer_id=doc["payer_id"],
                    member_id=doc["member_id"], group_number=doc.get("group_number"),
                    relationship=doc.get("relationship", "self"),
                    subscriber=_person(doc.get("subscriber")))


def _practitioner(doc: dict[str, Any] | None) -> Provider | None:
    if not doc or not doc.get("npi") or doc.get("active") is False:
        return None
    return Provider(npi=doc["npi"], name=doc["family_name"], given_name=doc["given_name"])


def parse_identity(doc: dict[str, Any]) -> PayerIdentity:
    """The contract's payer-identity body -> the domain's PayerIdentity (KeyError/ValueError
    when the body breaks the contract)."""
    return PayerIdentity(patient_id=UUID(str(doc["patient_id"])),
                         patient=_person(doc.get("patient")),
                         coverage=_coverage(doc.get("coverage")),
                         ordering=_practitioner(doc.get("ordering")))


class OrdersIdentitySource:
    def __init__(self, base_url: str, *, timeout_s: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s

    async def _get(self, path: str, params: dict[str, str]) -> PayerIdentity:
        try:
            async with httpx.AsyncClient(timeout=self.timeout_s) as client:
                r = await client.get(f"{self.base_url}{path}", params=params, headers=HEADERS)
        except httpx.HTTPError as exc:
            raise IdentityUnavailable(f"orders unreachable ({type(exc).__name__})",
                                      retryable=True) from exc
        if r.status_code != 200:
            raise IdentityUnavailable(f"orders answered {r.status_code}",
                                      retryable=r.status_code >= 500)
        try:
            return parse_identity(r.json())
        except (KeyError, ValueError, TypeError) as exc:
            raise IdentityUnavailable(f"orders' payer identity is malformed "
                                      f"({type(exc).__name__})", retryable=False) from exc

    async def for_order(self, order_id: UUID) -> PayerIdentity:
        return await self._get(f"/v1/orders/{order_id}/payer-identity", {"purpose": "payment"})

    async def for_patient(self, patient_id: UUID, payer_id: str) -> PayerIdentity:
        return await self._get(f"/v1/patients/{patient_id}/payer-identity",
                               {"purpose": "payment", "payer_id": payer_id})


class StaticIdentitySource:
    """Fixed identities by patient id (tests, demos without orders' payer-identity)."""

    def __init__(self, identities: dict[UUID, PayerIdentity] | None = None) -> None:
        self.identities = dict(identities or {})
        self.orders: dict[UUID, UUID] = {}  # order id -> patient id

    async def for_order(self, order_id: UUID) -> PayerIdentity:
        patient = self.orders.get(order_id)
        if patient is None or patient not in self.identities:
            raise IdentityUnavailable("orders answered 404", retryable=False)
        return self.identities[patient]

    async def for_patient(self, patient_id: UUID, payer_id: str) -> PayerIdentity:
        if patient_id not in self.identities:
            raise IdentityUnavailable("orders answered 404", retryable=False)
        return self.identities[patient_id]


class ClearinghouseClient:
    def __init__(self, url: str, *, token: SecretStr | None = None,
                 timeout_s: float = 10.0) -> None:
        self.url = url
        self.token = token
        self.timeout_s = timeout_s

    async def exchange(self, x12: str) -> str:
        headers = {"content-type": X12_MEDIA, "accept": X12_MEDIA}
        if self.token is not None:
            headers["authorization"] = f"Bearer {self.token.get_secret_value()}"
        try:
            async with httpx.AsyncClient(timeout=self.timeout_s) as client:
                r = await client.post(self.url, content=x12.encode(), headers=headers)
        except httpx.HTTPError as exc:
            raise ClearinghouseUnavailable(f"clearinghouse unreachable ({type(exc).__name__})"
                                           ) from exc
        if r.status_code != 200:
            raise ClearinghouseUnavailable(f"clearinghouse answered {r.status_code}")
        return r.text
