"""What happened to an order, as plain data: the aggregate appends these to ``Order.events``;
``orders.service.events`` maps each one to its public contract.

Each event carries the facts receivers need, computed here (age band, weight, billing codes,
the acuity a line was checked at), and never a name, MRN or birth date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from uuid import UUID

from orders.domain.catalog import Catalog, Mode
from orders.domain.lines import FluidOrder
from orders.domain.patient import AgeBand, PatientFacts, age_band
from orders.domain.prep import order_prep_minutes
from orders.domain.recall_data import RecallGiven, recalls_given
from orders.domain.series_data import SeriesData
from orders.domain.values import Payer, Urgency

if TYPE_CHECKING:
    from orders.domain.order import Order


@dataclass(frozen=True)
class SignedLine:
    sequence: int
    drug_code: str
    hcpcs: str | None
    hcpcs_unit: str | None
    dose: Decimal
    dose_unit: str
    mode: Mode
    minutes: int
    acuity_class: str
    sedating: bool
    fluid: FluidOrder | None = None  # IV fluids: purpose, rate, indication code
    molecule: str | None = None  # shared by a reference product and its biosimilars
    dose_number: int | None = None  # this dose in the patient's course of the molecule
    # the dose the regimen gives next, in ``next_dose_unit`` (the drug's dose unit)
    next_dose: Decimal | None = None
    next_dose_unit: str | None = None


@dataclass(frozen=True)
class OrderSigned:
    order_id: UUID
    practice_id: str
    patient_id: UUID
    urgency: Urgency
    requested_window: tuple[datetime, datetime] | None
    lines: tuple[SignedLine, ...]
    estimated_chair_minutes: int
    acuity_class: str
    requires_driver: bool
    diagnoses: tuple[str, ...]
    payer: Payer | None
    patient_age_band: AgeBand
    patient_age_years: int
    patient_weight_kg: Decimal | None
    pediatric: bool
    prescriber_id: str | None
    catalog_version: int
    signed_at: datetime
    ordering_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None
    triage_category: str | None = None
    headache_hours: int | None = None
    prep_minutes: int | None = None  # pharmacy preparation (domain/prep.py); None: unknown
    protocol_id: UUID | None = None
    series: SeriesGiven | None = None  # the course this dose starts (catalog ``series``)


@dataclass(frozen=True)
class SeriesGiven:
    """The catalog's course pattern of a line whose dose number starts it."""

    drug_code: str
    series: SeriesData


def series_started(lines: tuple[SignedLine, ...], catalog: Catalog) -> SeriesGiven | None:
    """The first line whose drug's course starts at this line's dose number."""
    for line in lines:
        drug = catalog.drug(line.drug_code)
        if drug is not None and drug.series is not None \
                and line.dose_number is not None and drug.series.starts_at(line.dose_number):
            return SeriesGiven(line.drug_code, drug.series)
    return None


@dataclass(frozen=True)
class OrderCancelled:
    order_id: UUID
    practice_id: str
    reason: str
    previous_status: str
    cancelled_at: datetime


@dataclass(frozen=True)
class GivenLine:
    """One administration record, with the billing code of its drug."""

    line_sequence: int
    drug_code: str
    hcpcs: str | None
    mode: Mode
    started_at: datetime
    stopped_at: datetime
    dose_given: Decimal
    dose_unit: str
    ndc: str | None
    lot: str | None
    wasted_amount: Decimal
    reaction: str | None
    # IV fluids: why it ran and its indication code (what hydration coding needs); the
    # start/stop above are the times hydration is counted from
    fluid: FluidOrder | None = None


@dataclass(frozen=True)
class OrderAdministered:
    order_id: UUID
    practice_id: str
    patient_id: UUID
    diagnoses: tuple[str, ...]
    payer: Payer | None
    rendering_provider_npi: str | None
    patient_age_years: int | None
    administrations: tuple[GivenLine, ...]
    completed_at: datetime
    ordering_practitioner_id: UUID | None = None
    supervising_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None
    recalls: tuple[RecallGiven, ...] = ()  # recurring drugs given: scheduling opens recalls


@dataclass(frozen=True)
class ReactionRecorded:
    """A structured reaction was recorded on the order's visit (ids and codes only)."""

    reaction_id: UUID
    order_id: UUID
    practice_id: str
    patient_id: UUID
    grade: int
    term: str
    drug_codes: tuple[str, ...]
    severe: bool  # grade at or above the hard-stop grade (RX-1): also reaction.severe
    acuity_class: str | None  # RX-7: the acuity the visit now has, when it was raised
    recorded_at: datetime
    holds_series: bool = False  # RX-6: the patient's remaining series doses are held


@dataclass(frozen=True)
class EscortConfirmed:
    """The sedating order's escort is on file (ids only: the name and phone stay sealed)."""

    order_id: UUID
    practice_id: str
    confirmed_at: datetime


DomainEvent = (OrderSigned | OrderCancelled | OrderAdministered | ReactionRecorded
               | EscortConfirmed)


def _payer(order: Order) -> Payer | None:
    return order.payer.copy() if order.payer else None


def _signed_lines(order: Order, catalog: Catalog, dose_numbers: Mapping[int, int],
                  next_doses: Mapping[int, Decimal]) -> tuple[SignedLine, ...]:
    out = []
    for line in sorted(order.lines, key=lambda ln: ln.sequence):
        drug = catalog.drug(line.drug_code)
        first = drug.first_dose_acuity_class if drug else None
        acuity = drug.acuity_class if drug else "standard"
        if first and order.acuity_class == first:
            acuity = first  # the order was checked as this drug's first dose
        out.append(SignedLine(
            sequence=line.sequence, drug_code=line.drug_code,
            hcpcs=drug.hcpcs if drug else None, hcpcs_unit=drug.hcpcs_unit if drug else None,
            dose=line.dose, dose_unit=line.dose_unit, mode=line.mode, minutes=line.minutes,
            acuity_class=acuity, sedating=bool(drug and drug.requires_driver),
            fluid=line.fluid, molecule=drug.molecule if drug else None,
            dose_number=dose_numbers.get(line.sequence),
            next_dose=next_doses.get(line.sequence),
            next_dose_unit=drug.dose_unit if drug and line.sequence in next_doses else None))
    return tuple(out)


def order_signed(order: Order, patient: PatientFacts, catalog: Catalog, at: datetime,
                 dose_numbers: Mapping[int, int] | None = None,
                 next_doses: Mapping[int, Decimal] | None = None) -> OrderSigned:
    age = patient.age_on(catalog.rules.local_date(at))
    lines = _signed_lines(order, catalog, dose_numbers or {}, next_doses or {})
    return OrderSigned(
        order_id=order.id, practice_id=order.practice_id, patient_id=order.patient_id,
        urgency=order.urgency, requested_window=order.requested_window,
        lines=lines,
        estimated_chair_minutes=order.estimated_chair_minutes, acuity_class=order.acuity_class,
        requires_driver=order.requires_driver, diagnoses=tuple(order.diagnoses),
        payer=_payer(order), patient_age_band=age_band(age), patient_age_years=age,
        patient_weight_kg=patient.weight_kg,
        pediatric=age < catalog.rules.pediatric_below_age, prescriber_id=order.prescriber_id,
        catalog_version=order.catalog_version, signed_at=at,
        ordering_practitioner_id=order.ordering_practitioner_id, coverage_id=order.coverage_id,
        triage_category=order.triage_category, headache_hours=order.headache_hours,
        prep_minutes=order_prep_minutes(order.lines, catalog), protocol_id=order.protocol_id,
        series=series_started(lines, catalog))


def order_administered(order: Order, catalog: Catalog, at: datetime,
                       patient_age_years: int | None,
                       rendering_provider_npi: str | None = None) -> OrderAdministered:
    by_seq = {ln.sequence: ln for ln in order.lines}
    given = []
    for rec in sorted(order.administrations, key=lambda a: a.line_sequence):
        line = by_seq[rec.line_sequence]
        drug = catalog.drug(line.drug_code)
        given.append(GivenLine(
            line_sequence=rec.line_sequence, drug_code=line.drug_code,
            hcpcs=drug.hcpcs if drug else None, mode=line.mode, started_at=rec.started_at,
            stopped_at=rec.stopped_at, dose_given=rec.dose_given, dose_unit=rec.dose_unit,
            ndc=rec.ndc, lot=rec.lot, wasted_amount=rec.wasted_amount, reaction=rec.reaction,
            fluid=line.fluid))
    return OrderAdministered(
        order_id=order.id, practice_id=order.practice_id, patient_id=order.patient_id,
        diagnoses=tuple(order.diagnoses), payer=_payer(order),
        rendering_provider_npi=rendering_provider_npi, patient_age_years=patient_age_years,
        administrations=tuple(given), completed_at=at,
        ordering_practitioner_id=order.ordering_practitioner_id,
        supervising_practitioner_id=order.supervising_practitioner_id,
        coverage_id=order.coverage_id, recalls=recalls_given(order, catalog))
