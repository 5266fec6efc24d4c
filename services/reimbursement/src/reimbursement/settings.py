"""Reimbursement settings: every variable carries the ``REIMBURSEMENT_`` prefix."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator

from chairside_shared.settings import ServiceSettings, service_config


class ReimbursementSettings(ServiceSettings):
    """Buy-and-bill: inventory, fee schedules, claims, remittances and margin."""

    model_config = service_config("REIMBURSEMENT_")

    service_name: str = "reimbursement"
    port: int = 8004
    # Claims carry the clinic's local date of service, not the UTC date.
    clinic_timezone: str = "America/New_York"
    expiring_within_days: int = 60
    # 837P interchange parties (the EDI sender and receiver). The practice's billing identity
    # (NPI, EIN, taxonomy, addresses) is data: PUT /v1/billing-identity, never a setting.
    submitter_name: str = "Chairside Infusion Center"
    submitter_id: str = "CHAIRSIDE01"
    submitter_contact: str = "Billing Office"
    submitter_phone: str = "6175550100"
    receiver_name: str = "Clearinghouse"
    receiver_id: str = "CLEARHOUSE01"
    x12_usage: str = "T"  # T test, P production (ISA15)
    # Timely filing, days from the date of service, for a commercial / MA / Medicaid payer with
    # no days on file (PUT /v1/payer-claim-rules/{payer_id}); Medicare FFS is 12 months.
    timely_filing_default_days: int = Field(90, ge=1, le=3650)
    # Where a claim's patient, coverage and practitioners are read at export time (kept nowhere
    # here): GET {orders_url}/v1/orders/{order_id}/payer-identity?purpose=payment.
    orders_url: str = "http://127.0.0.1:8001"
    # The claim exchange: 837P batches out, 999 / 277CA / 835 fetched from the clearinghouse's
    # mailbox (adapters/clearinghouse.py). None: nothing is sent (837P by export only).
    clearinghouse_url: str | None = None
    clearinghouse_token: str | None = None
    clearinghouse_timeout_s: float = Field(10.0, gt=0, le=120)
    # The worker: every interval while the clearinghouse answers; after failures exponential
    # backoff from backoff_base_s up to backoff_max_s, with jitter.
    exchange_poll_interval_s: float = Field(30.0, gt=0, le=3600)
    exchange_backoff_base_s: float = Field(2.0, gt=0, le=600)
    exchange_backoff_max_s: float = Field(600.0, gt=0, le=86400)

    @field_validator("clinic_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("x12_usage")
    @classmethod
    def _usage(cls, value: str) -> str:
        if value not in {"T", "P"}:
            raise ValueError("x12_usage is T (test) or P (production)")
        return value
