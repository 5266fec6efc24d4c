"""Reimbursement settings: every variable carries the ``REIMBURSEMENT_`` prefix."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import field_validator

from chairside_shared.settings import ServiceSettings, service_config


class ReimbursementSettings(ServiceSettings):
    """Buy-and-bill: inventory, fee schedules, claims, remittances and margin."""

    model_config = service_config("REIMBURSEMENT_")

    service_name: str = "reimbursement"
    port: int = 8004
    # Claims carry the clinic's local date of service, not the UTC date.
    clinic_timezone: str = "America/New_York"
    expiring_within_days: int = 60
    # 837P parties. The practice's own identity; demo values for the embedded default.
    billing_name: str = "Chairside Infusion Center"
    billing_npi: str = "1245319599"
    billing_tax_id: str = "123456789"
    billing_address: str = "100 Main St"
    billing_city: str = "Boston"
    billing_state: str = "MA"
    billing_zip: str = "021101234"
    billing_taxonomy: str = "207RN0300X"
    submitter_id: str = "CHAIRSIDE01"
    submitter_contact: str = "Billing Office"
    submitter_phone: str = "6175550100"
    receiver_name: str = "Clearinghouse"
    receiver_id: str = "CLEARHOUSE01"
    x12_usage: str = "T"  # T test, P production (ISA15)
    # Where the subscriber's birth date and sex come from at export time (never stored here).
    orders_url: str = "http://127.0.0.1:8001"

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
