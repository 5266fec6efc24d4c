"""Authorization settings: every variable carries the ``AUTHORIZATION_`` prefix.

Payer endpoints and credentials are settings, never data: ``AUTHORIZATION_PAYER_ENDPOINTS`` is
JSON, e.g. ``{"summit-health": {"base_url": "https://payer.example/fhir", "token": "..."}}``;
payers without an entry use ``AUTHORIZATION_PAYER_DEFAULT_BASE_URL`` (the local payer sandbox in
the embedded default; unset in production unless given explicitly).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator

from chairside_shared.settings import ServiceSettings, service_config

SANDBOX_FHIR_BASE = "http://127.0.0.1:8090/fhir"


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
    practice_npi: str | None = Field(None, pattern=r"^\d{10}$")

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

    @field_validator("clinic_timezone")
    @classmethod
    def _zone(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {v!r}") from exc
        return v

    @model_validator(mode="after")
    def _no_sandbox_in_production(self) -> AuthorizationSettings:
        if (self.environment == "production"
                and "payer_default_base_url" not in self.model_fields_set):
            self.payer_default_base_url = None
        return self

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.clinic_timezone)
