"""Payloads the orders service publishes on ``orders.events``."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from pydantic import Field

from chairside_shared.contracts.base import EventPayload, PayerRef, Window

# --------------------------------------------------------------------------- orders.events
# The clinician's same-day triage category (a code, never a note). Its meaning and its place in
# the same-day queue are scheduling's rule (services/scheduling seed/triage.json).
TriageCategory = Literal["status_migrainosus", "refractory_to_home_rescue", "prolonged_attack",
                         "routine"]


class FluidFacts(EventPayload):
    """An IV fluid line's purpose, rate and indication code: what hydration coding needs
    (only ``hydration`` with a documented indication can be 96360/96361). Codes only."""

    purpose: Literal["hydration", "carrier", "kvo"]
    rate_ml_per_h: Decimal | None = None
    indication: str | None = Field(None, description="ICD-10 code of the documented reason")


class OrderLine(EventPayload):
    sequence: int
    drug_code: str
    hcpcs: str | None = None
    hcpcs_unit: str | None = None  # billing descriptor, e.g. "15 mg"
    dose: Decimal
    dose_unit: str
    mode: Literal["push", "infusion"]
    minutes: int
    acuity_class: str = "standard"
    sedating: bool = False
    fluid: FluidFacts | None = None  # IV fluids only; the dose is then the volume in mL
    # The active ingredient a reference product and its biosimilars share (catalog), so a
    # payer's biosimilar-first policy or a quantity limit can count across brands. None: the
    # catalog names none (the drug is its own molecule) or an older producer.
    molecule: str | None = None
    # Which dose of the molecule this is in the patient's course (1 = first ever), as the
    # safety checks counted it at signing: loading doses, first-dose observation and billing
    # of titrated first infusions depend on it. None: not known (older producers).
    dose_number: int | None = Field(default=None, ge=1)
    # The dose the drug's regimen gives after this one, in ``next_dose_unit`` (the catalog's
    # dose unit): the next step's dose (ocrelizumab after the second 300 mg: 600 mg), the
    # same dose for a drug without a regimen, for a course drug the next day's dose of a
    # course under way or else the whole next course (IVIG after loading: the 1 g/kg
    # maintenance course). Purchasing counts a recall's next dose with it. None: not known
    # (a per-kg dose without a weight, an unstated course day, or an older producer).
    next_dose: Decimal | None = Field(default=None, ge=0)
    next_dose_unit: str | None = None


class SeriesFacts(EventPayload):
    """The course a signed dose starts, as the catalog names it (``drugs[].series``): exact
    day offsets from the first visit, or min-max consecutive clinic days. Scheduling books a
    series of the patient's orders with it when staff give no pattern."""

    drug_code: str
    from_dose: int = Field(ge=1)
    kind: Literal["day_offsets", "consecutive_days"]
    offsets: list[int] = []
    min_visits: int | None = Field(default=None, ge=2)
    max_visits: int | None = Field(default=None, ge=2)


class OrderSigned(EventPayload):
    order_id: UUID
    practice_id: str
    patient_id: UUID
    urgency: Literal["same_day", "planned"]
    requested_window: Window | None = None
    lines: list[OrderLine]
    estimated_chair_minutes: int
    acuity_class: str
    requires_driver: bool
    diagnoses: list[str]
    payer: PayerRef | None = None
    patient_age_band: Literal["0-5", "6-11", "12-17", "18-64", "65+"]
    patient_age_years: int
    patient_weight_kg: Decimal | None = None
    pediatric: bool
    prescriber_id: str | None = None
    prescriber_specialty: str | None = None  # PA criteria (e.g. neurology)
    cgrp_antibody_active: bool | None = None  # PA criteria: no concurrent CGRP antibody
    catalog_version: int
    signed_at: datetime
    # Identities by id only (never names); None means "not known". The payer identity of an
    # order (patient demographics, coverage, practitioners) is read from orders at the moment
    # of disclosure: GET /v1/orders/{order_id}/payer-identity?purpose=payment.
    ordering_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None
    # Same-day triage (optional; None = not triaged): the category the clinician chose and how
    # long the current attack has lasted, in whole hours. Scheduling orders its same-day queue
    # by them (clinical urgency, pediatric, waited time).
    triage_category: TriageCategory | None = None
    headache_hours: int | None = Field(None, ge=0)
    # Pharmacy preparation of the order, in minutes: its infusion lines compounded one after
    # another in one hood (catalog ``prep_minutes``). None: not known (older producers).
    prep_minutes: int | None = Field(default=None, ge=0, le=24 * 60)
    # The protocol the order was written from (None: written line by line, or an older
    # producer); reimbursement reports margin per protocol with it.
    protocol_id: UUID | None = None
    # The course this dose starts (a line's dose number is where its drug's catalog course
    # begins); None: no course starts here, or an older producer.
    series: SeriesFacts | None = None


class OrderCancelled(EventPayload):
    order_id: UUID
    practice_id: str
    reason: str
    previous_status: str
    cancelled_at: datetime


class ReactionRecorded(EventPayload):
    """reaction.recorded: a structured infusion reaction on an order's visit. Ids, grade and
    catalog drug codes only: no manifestation, vitals or free text (PHI stays in orders)."""

    reaction_id: UUID
    order_id: UUID
    practice_id: str
    patient_id: UUID
    grade: int = Field(ge=1, le=5)  # CTCAE v5
    term: str  # infusion_related_reaction, anaphylaxis, other
    drug_codes: list[str]
    acuity_class: str | None = None  # RX-7: set when the visit's acuity was raised
    # RX-6: the reaction holds the patient's remaining series doses until a provider clears
    # it (reaction.cleared); scheduling pauses the unstarted series visits meanwhile
    holds_series: bool = False
    recorded_at: datetime


class ReactionCleared(EventPayload):
    """reaction.cleared: a provider cleared the series hold of a reaction (RX-6). Ids only."""

    reaction_id: UUID
    order_id: UUID
    practice_id: str
    patient_id: UUID
    cleared_at: datetime


class ReactionSevere(EventPayload):
    """reaction.severe: grade >= 3 (RX-1: new orders of the molecule are hard-stopped)."""

    reaction_id: UUID
    order_id: UUID
    practice_id: str
    patient_id: UUID
    grade: int = Field(ge=1, le=5)
    drug_codes: list[str]
    recorded_at: datetime


class OrderEscortConfirmed(EventPayload):
    """A sedating order's escort is on file (who it is stays with orders: PHI)."""

    order_id: UUID
    practice_id: str
    confirmed_at: datetime


class Administration(EventPayload):
    line_sequence: int
    drug_code: str
    hcpcs: str | None = None
    hcpcs_unit: str | None = None  # billing descriptor, e.g. "15 mg"
    mode: Literal["push", "infusion"]
    started_at: datetime
    stopped_at: datetime
    dose_given: Decimal
    dose_unit: str
    ndc: str | None = None
    lot: str | None = None
    wasted_amount: Decimal = Decimal("0")
    reaction: str | None = None
    fluid: FluidFacts | None = None  # IV fluids only: started_at/stopped_at time hydration


class RecallStepFacts(EventPayload):
    doses: list[int] = Field(min_length=1, description="the dose numbers it follows")
    earliest_days: int = Field(ge=0)
    target_from_days: int = Field(ge=0)
    target_to_days: int = Field(ge=0)
    latest_days: int = Field(ge=0)


class RecallFacts(EventPayload):
    """A recurring drug given on the visit: its catalog recall data (days after the dose) and
    the billing units given, so scheduling can open the recall. Codes and counts only."""

    drug_code: str
    hcpcs: str | None = None
    units_given: int = Field(ge=0, description="HCPCS billing units given on the visit")
    earliest_days: int = Field(ge=0)
    target_from_days: int = Field(ge=0)
    target_to_days: int = Field(ge=0)
    latest_days: int = Field(ge=0)
    pre_dose_checks: list[str] = []
    # The same molecule's products share one recall (reference product and biosimilars);
    # None: the drug is its own molecule (or an older producer).
    molecule: str | None = None
    # Loading doses recall sooner: the days after the dose numbers a step lists, picked with
    # the dose number the order was signed with; the days above apply to any other dose.
    by_dose: list[RecallStepFacts] = []


class OrderAdministered(EventPayload):
    order_id: UUID
    practice_id: str
    patient_id: UUID
    diagnoses: list[str]
    payer: PayerRef | None = None
    rendering_provider_npi: str | None = None
    patient_age_years: int | None = None
    administrations: list[Administration]
    completed_at: datetime
    # ids only; None means "not known" (see OrderSigned)
    ordering_practitioner_id: UUID | None = None
    supervising_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None
    # recurring drugs given (catalog recall data); empty in messages from before recalls
    recalls: list[RecallFacts] = []



# --------------------------------------------------------------------------- outcomes
class OutcomeAssessed(EventPayload):
    """A preventive assessment (diary, MIDAS or HIT-6) was recorded: the patient's outcome
    figures as they now stand, ids and numbers only. The authorization service keeps them to
    pre-fill renewal questions (documented reduction in migraine days, MIDAS, HIT-6)."""

    assessment_id: UUID
    patient_id: UUID
    practice_id: str
    kind: Literal["diary", "midas", "hit6"]
    drug_code: str | None = None
    assessed_at: datetime
    rules_version: int
    baseline_migraine_days: float | None = None  # per 28-day month
    current_migraine_days: float | None = None
    migraine_days_change_pct: float | None = None
    baseline_headache_days: float | None = None
    current_headache_days: float | None = None
    headache_days_change_pct: float | None = None
    midas_baseline: int | None = None
    midas_current: int | None = None
    hit6_baseline: int | None = None
    hit6_current: int | None = None
    ahs_effective: bool | None = None  # None: not judgeable yet (too early) or no figures
    renewal_ready: bool | None = None
