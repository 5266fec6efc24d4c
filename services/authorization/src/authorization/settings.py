"""Authorization settings: every variable carries the ``AUTHORIZATION_`` prefix.

Payer endpoints and credentials are settings, never data: ``AUTHORIZATION_PAYER_ENDPOINTS`` is
JSON, e.g. ``{"summit-health": {"base_url": "https://payer.example/fhir", "token": "..."}}``;
payers without an entry use ``AUTHORIZATION_PAYER_DEFAULT_BASE_URL`` (the local payer sandbox in
the embedded default; unset in production unless given explicitly).

PAS requests name the practice as requestor (``AUTHORIZATION_PRACTICE_NAME``, ``_NPI``,
``_EIN``; the embedded defaults are a realistic fake clinic, dropped in production unless set)
and read who they are about from orders (``AUTHORIZATION_ORDERS_URL``) when they are built.
Eligibility (270/271) goes to ``AUTHORIZATION_CLEARINGHOUSE_URL`` (the local clearinghouse
sandbox in the embedded default; unset in production unless given). With
``AUTHORIZATION_ELIGIBILITY_ON_SIGN`` (default true, production too) every signed order with a
payer is checked and held until the check answers, but only when a clearinghouse is set: with
none, no check is opened and no order is held (``checks_on_sign``).
``AUTHORIZATION_RXNORM_CODES`` adds verified RxCUIs by catalog drug code, e.g.
``{"eptinezumab": "<RxCUI from RxNav>"}``, to the shipped seed_data/rxnorm.json.
"""

from __future__ import annotations

from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator

from chairside_shared.settings import ServiceSettings, service_config

from .domain.identity import npi_valid

SANDBOX_FHIR_BASE = "http://127.0.0.1:8090/fhir"
# A fake clinic for local runs: the NPI passes the check digit; the EIN is made up.
DEMO_PRACTICE = {"practice_name": "Chairside Infusion Center (demo)",
                 "practice_npi": "1548392608", "practice_ein": "041234567"}
SANDBOX_CLEARINGHOUSE = "http://127.0.0.1:8091/x12"
EMBEDDED_MEMBER_KEY = "chairside-embedded-eligibility-key"


class PayerEndpointSetting(BaseModel):
    base_url: str
    token: SecretStr | None = None
    timeout_s: float | None = Field(None, gt=0, le=120)


class AuthorizationSettings(ServiceSettings):
    """Payer prior authorization: coverage rules, PA cases and authorized units."""

    model_config = service_config("AUTHORIZATION_")

    service_name: str = "authorization"
    port: int = 8003

    clinic_timezone: str = "America/New_York"

    payer_default_base_url: str | None = SANDBOX_FHIR_BASE
    payer_endpoints: dict[str, PayerEndpointSetting] = {}
    payer_timeout_s: float = Field(10.0, gt=0, le=120)
    practice_name: str | None = Field(DEMO_PRACTICE["practice_name"], min_length=1,
                                      max_length=200)
    practice_npi: str | None = Field(DEMO_PRACTICE["practice_npi"], pattern=r"^\d{10}$")
    practice_ein: str | None = Field(DEMO_PRACTICE["practice_ein"], pattern=r"^\d{9}$")
    rxnorm_codes: dict[str, str] = {}

    # Who a PAS request is about comes from orders (purpose payment) and is kept nowhere.
    orders_url: str = "http://127.0.0.1:8001"
    orders_timeout_s: float = Field(3.0, gt=0, le=60)

    # The payer poller: resubmits unanswered requests, inquires on pended ones, expires
    # approvals past their end date.
    poller_enabled: bool = True
    poll_interval_s: float = Field(15.0, gt=0)
    inquire_every_s: float = Field(120.0, ge=0)
    poll_batch_size: int = Field(50, ge=1, le=1000)

    # Worklist thresholds.
    near_expiry_days: int = Field(30, ge=0, le=365)
    near_exhaustion_ratio: float = Field(0.25, ge=0, le=1)
    draft_stale_hours: int = Field(24, ge=1)
    renewal_default_turnaround_days: int = Field(
        7, ge=0, le=120, description="A visit outside its approval goes on the renewal "
        "worklist due this many days before the visit when the payer has no PA clock on "
        "file (otherwise the payer's standard decision time frame decides).")

    # Eligibility (270/271): the clearinghouse endpoint (the local sandbox in the embedded
    # default; unset in production unless given), checks on signing (only with a
    # clearinghouse: see checks_on_sign), retries. The payer identity comes from orders
    # (orders_url above).
    clearinghouse_url: str | None = SANDBOX_CLEARINGHOUSE
    clearinghouse_token: SecretStr | None = None
    clearinghouse_timeout_s: float = Field(10.0, gt=0, le=120)
    eligibility_on_sign: bool = True
    eligibility_poll_interval_s: float = Field(2.0, gt=0)
    eligibility_max_attempts: int = Field(5, ge=1, le=20)
    eligibility_retry_base_s: float = Field(60.0, ge=0)
    eligibility_retry_max_s: float = Field(3600.0, ge=0)
    eligibility_service_types: list[str] = Field(["30", "1"], min_length=1)
    eligibility_sender_id: str = Field("CHAIRSIDE", pattern=r"^[A-Z0-9]{2,15}$")
    eligibility_receiver_id: str = Field("CLEARINGHOUSE", pattern=r"^[A-Z0-9]{2,15}$")
    eligibility_originator_id: str = Field("9CHAIRSIDE", pattern=r"^[0-9A-Z]{10}$")
    eligibility_usage: Literal["T", "P"] = "T"
    eligibility_provider_name: str = Field("CHAIRSIDE INFUSION CENTER", min_length=1,
                                           max_length=60)
    # HMAC key of the member-id fingerprint kept with each check (the id itself never is);
    # production keeps no fingerprint until this is set.
    eligibility_member_key: SecretStr = SecretStr(EMBEDDED_MEMBER_KEY)

    @field_validator("clinic_timezone")
    @classmethod
    def _zone(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {v!r}") from exc
        return v

    @field_validator("practice_npi")
    @classmethod
    def _npi(cls, v: str | None) -> str | None:
        if v is not None and not npi_valid(v):
            raise ValueError("not a valid NPI (check digit)")
        return v

    @field_validator("rxnorm_codes")
    @classmethod
    def _rxcuis(cls, v: dict[str, str]) -> dict[str, str]:
        bad = sorted(k for k, code in v.items() if not code.isdigit())
        if bad:
            raise ValueError(f"RxCUIs are digits; not for {bad}")
        return v

    @model_validator(mode="after")
    def _no_sandbox_in_production(self) -> AuthorizationSettings:
        if self.environment == "production":
            if "payer_default_base_url" not in self.model_fields_set:
                self.payer_default_base_url = None
            for name in DEMO_PRACTICE:  # the fake clinic never speaks for a real one
                if name not in self.model_fields_set:
                    setattr(self, name, None)
            if "clearinghouse_url" not in self.model_fields_set:
                self.clearinghouse_url = None
        return self

    @property
    def checks_on_sign(self) -> bool:
        """Open a check (and hold the order) when an order is signed: asked for and a
        clearinghouse to ask. Without one nothing would ever answer, so nothing is held."""
        return self.eligibility_on_sign and bool(self.clearinghouse_url)

    @property
    def member_key(self) -> bytes | None:
        """The fingerprint key; none in production until one of its own is set (then no
        fingerprint is kept at all rather than one made with a published key)."""
        key = self.eligibility_member_key.get_secret_value()
        if self.environment == "production" and key == EMBEDDED_MEMBER_KEY:
            return None
        return key.encode()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.clinic_timezone)
