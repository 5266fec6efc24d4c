"""What the handlers need from the settings, typed and built once by bootstrap.py, which hands
it to every unit of work (``ServiceSpec.uow_factory``): no handler reads settings itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from reimbursement.adapters.x12.render_837 import Submitter


@dataclass(frozen=True, slots=True)
class X12Parties:
    """Who sends an 837P interchange and to whom. The billing provider is the practice's
    billing identity, recorded as data (``PUT /v1/billing-identity``), not a setting."""

    submitter: Submitter
    receiver_name: str
    receiver_id: str
    usage: str  # ISA15: T test, P production


@dataclass(frozen=True, slots=True)
class BillingConfig:
    clinic_tz: tzinfo  # claims carry the clinic's local date of service
    expiring_within_days: int  # the inventory view's default "expiring soon" window
    parties: X12Parties
    # Timely filing for payers with no days on file and not Medicare FFS (12 months).
    timely_filing_default_days: int = 90
