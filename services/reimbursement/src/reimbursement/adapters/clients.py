"""Where an 837P's subscriber demographics come from at export time.

Chairside stores no patient names or addresses anywhere (by design: ids only). The orders
service holds birth date and sex; this client reads them when a claim is exported and keeps
nothing. Name and address are not available in Chairside, so the export carries the configured
placeholders and the member id, and the clearinghouse must complete them from the payer's
eligibility record before the claim can be adjudicated.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol
from uuid import UUID

import httpx

from reimbursement.adapters.x12.render_837 import Address, Subscriber

_SEX = {"female": "F", "male": "M"}


class SubscriberSource(Protocol):
    async def subscriber(self, *, patient_id: UUID, member_id: str) -> Subscriber: ...


class DemographicsUnavailable(Exception):
    """The orders service could not say who the subscriber is; the export cannot proceed."""


class OrdersSubscriberSource:
    def __init__(self, base_url: str, placeholder_address: Address, *,
                 timeout_s: float = 3.0, placeholder_name: str = "ON FILE") -> None:
        self.base_url = base_url.rstrip("/")
        self.address = placeholder_address
        self.name = placeholder_name
        self.timeout_s = timeout_s

    async def subscriber(self, *, patient_id: UUID, member_id: str) -> Subscriber:
        try:
            async with httpx.AsyncClient(timeout=self.timeout_s) as client:
                # Service to service, inside the center: identify as the gateway would.
                response = await client.get(
                    f"{self.base_url}/v1/patients/{patient_id}",
                    headers={"x-chairside-client-id": "reimbursement",
                             "x-chairside-scopes": "patients:read"})
        except httpx.HTTPError as exc:
            raise DemographicsUnavailable(f"orders service unreachable ({type(exc).__name__})"
                                          ) from exc
        if response.status_code != 200:
            raise DemographicsUnavailable(f"orders service answered {response.status_code}")
        body = response.json()
        return Subscriber(member_id=member_id, last_name=self.name, first_name="",
                          birth_date=date.fromisoformat(body["birth_date"]),
                          sex=_SEX.get(body.get("sex", ""), "U"), address=self.address)


class StaticSubscriberSource:
    """Fixed demographics (tests, demos)."""

    def __init__(self, subscriber: Subscriber) -> None:
        self._subscriber = subscriber

    async def subscriber(self, *, patient_id: UUID, member_id: str) -> Subscriber:
        s = self._subscriber
        return Subscriber(member_id, s.last_name, s.first_name, s.birth_date, s.sex, s.address,
                          s.group_number)
