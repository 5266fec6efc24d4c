"""Pricing terms as effective-dated versions: payer contracts, fee schedules, the charge master.

Contracts change by payer and by quarter, so each is kept as numbered versions with effective
dates; a claim line is priced by the version effective on its date of service, and an old
version is never rewritten (only its open end is closed when a later version takes over).

Versions of one key (payer + plan, a fee schedule, the practice's charge master) never
overlap. A new version that starts after an open-ended version started closes that version the
day before; any other overlap is refused, naming the version it collides with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Generic, Literal, TypeVar

from chairside_shared.errors import Conflict
from reimbursement.domain.fees import ASP_ADD_ON, DrugBasis, PayerContract, PayerKind

VersionKind = Literal["contract", "fee_schedule", "charge_master"]
HUNDRED = Decimal(100)
PRACTICE = "practice"  # the one charge master's key


class DrugPricing(StrEnum):
    ASP = "asp"  # percent of ASP: 106 = ASP + 6 %
    AWP = "awp"  # percent of AWP: 83 = AWP - 17 %
    FEE_SCHEDULE = "fee_schedule"  # only per-code rates (inline or the named schedule)


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far the payer's allowed may stray from the expected before it is a variance: the
    larger of a flat amount and a percent of the expected (both zero: any cent counts)."""

    amount: Decimal = Decimal(0)
    percent: Decimal = Decimal(0)

    def allowance(self, expected: Decimal) -> Decimal:
        return max(self.amount, abs(expected) * self.percent / HUNDRED)


@dataclass(frozen=True, slots=True)
class ContractTerms:
    name: str
    payer_kind: PayerKind
    drug_pricing: DrugPricing
    drug_percent: Decimal = HUNDRED  # percent of the basis (ASP or AWP)
    fee_schedule_id: str | None = None  # a named, versioned schedule for per-code rates
    rates: Mapping[str, Decimal] = field(default_factory=dict)  # code -> per unit, overrides
    sequestration: Decimal = Decimal(0)  # fraction of the paid portion (Medicare: 0.02)
    tolerance: Tolerance = Tolerance()


@dataclass(frozen=True, slots=True)
class RateTable:
    """A fee schedule's or the charge master's rates: code -> amount per unit."""

    name: str
    rates: Mapping[str, Decimal]


T = TypeVar("T", ContractTerms, RateTable)


@dataclass(frozen=True, slots=True)
class Version(Generic[T]):
    kind: VersionKind
    owner: str  # payer id, fee schedule id, or "practice"
    plan: str  # "" = every plan of the payer (contracts only)
    number: int
    effective_from: date
    effective_to: date | None  # None: open-ended
    body: T
    source: str
    created_by: str
    created_at: datetime

    def covers(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None
                                               or day <= self.effective_to)


class VersionOverlap(Conflict):
    code = "version-overlap"


@dataclass(frozen=True, slots=True)
class Admission:
    number: int  # the new version's number
    closes: int | None = None  # the open-ended version it ends the day before it starts
    closed_to: date | None = None


def admit(existing: Sequence[Version[T]], effective_from: date, effective_to: date | None,
          ) -> Admission:
    """Where a new version [from, to] fits among a key's versions, or VersionOverlap."""
    number = max((v.number for v in existing), default=0) + 1
    closes: Version[T] | None = None
    for v in existing:
        if not _overlaps(v.effective_from, v.effective_to, effective_from, effective_to):
            continue
        if v.effective_to is None and v.effective_from < effective_from and closes is None:
            closes = v  # superseded from the new version's start on
            continue
        end = v.effective_to.isoformat() if v.effective_to else "open-ended"
        raise VersionOverlap(
            f"effective {effective_from.isoformat()} to "
            f"{effective_to.isoformat() if effective_to else 'open-ended'} overlaps version "
            f"{v.number} ({v.effective_from.isoformat()} to {end})",
            field="effective_from", overlaps_version=v.number)
    if closes is None:
        return Admission(number)
    return Admission(number, closes.number, effective_from - timedelta(days=1))


def _overlaps(a_from: date, a_to: date | None, b_from: date, b_to: date | None) -> bool:
    return (a_to is None or b_from <= a_to) and (b_to is None or a_from <= b_to)


def effective(versions: Sequence[Version[T]], day: date) -> Version[T] | None:
    return next((v for v in versions if v.covers(day)), None)


def from_legacy(contract: PayerContract) -> ContractTerms:
    """The unversioned contract (PUT /v1/fee-schedules/contracts) read as terms, so a payer
    with no versioned contract is still priced the way its claims were."""
    rates = {**contract.admin_rates, **contract.drug_rates}
    percent = contract.drug_percent * HUNDRED
    pricing = {DrugBasis.MEDICARE_ASP: DrugPricing.ASP, DrugBasis.ASP_PERCENT: DrugPricing.ASP,
               DrugBasis.AWP_PERCENT: DrugPricing.AWP,
               DrugBasis.FIXED: DrugPricing.FEE_SCHEDULE}[contract.drug_basis]
    if contract.drug_basis is DrugBasis.MEDICARE_ASP:
        percent = percent * ASP_ADD_ON  # the file's limit is already 106 % of ASP
    return ContractTerms(name=contract.name, payer_kind=contract.kind, drug_pricing=pricing,
                         drug_percent=percent, rates=rates,
                         sequestration=contract.sequestration)


def priced_by(contract: PayerContract, terms: ContractTerms,
              schedule: Mapping[str, Decimal]) -> PayerContract:
    """The payer's contract record (X12 payer id, filing code, coinsurance, coding policy) with
    the pricing of the version effective on the date of service, so a claim's expected allowed
    is the figure its variance is later measured against."""
    rates = {**schedule, **terms.rates}
    basis = {DrugPricing.ASP: DrugBasis.ASP_PERCENT, DrugPricing.AWP: DrugBasis.AWP_PERCENT,
             DrugPricing.FEE_SCHEDULE: DrugBasis.FIXED}[terms.drug_pricing]
    return replace(contract, drug_basis=basis, drug_percent=terms.drug_percent / HUNDRED,
                   drug_rates=rates, admin_rates=rates, sequestration=terms.sequestration)
