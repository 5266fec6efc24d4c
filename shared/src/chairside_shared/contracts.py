"""Event payload contracts: the single source for every producer and consumer.

Each payload is a versioned pydantic model registered under its CloudEvents ``type``.
Consumers ignore fields they do not know (forward compatible); producers may add optional
fields within a version. A breaking change is a new version (``version=2``) registered beside
the old one. ``docs/asyncapi.json`` is generated from this module (``make asyncapi``) and a test
fails when it is stale.

No names or contact details ever appear in a payload: ids, codes and clinical facts the
receiving service needs (age band, weight) only.
"""

from __future__ import annotations

import builtins
from datetime import date, datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

# --- topics: one per producing service, keyed by order id so one visit's events stay in order
ORDERS_TOPIC = "orders.events"
SCHEDULING_TOPIC = "scheduling.events"
AUTHORIZATION_TOPIC = "authorization.events"
REIMBURSEMENT_TOPIC = "reimbursement.events"


def dlq_topic(topic: str) -> str:
    return f"{topic}.dlq"


class EventPayload(BaseModel):
    """Base of every payload. Unknown fields are ignored so producers can add fields."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# --------------------------------------------------------------------------- shared parts
class Window(EventPayload):
    from_: datetime = Field(alias="from")
    to: datetime

    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class PayerRef(EventPayload):
    payer_id: str
    # Not sent any more (None): a member id is PHI and events carry ids only. Read the
    # coverage through orders' payer identity (GET /v1/orders/{id}/payer-identity); the
    # event's ``coverage_id`` names it. Kept optional so old messages still parse.
    member_id: str | None = Field(
        None, description="not sent any more: read the coverage through orders' payer identity")
    plan_id: str | None = None


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


# --------------------------------------------------------------------------- scheduling.events
AppointmentStatus = Literal[
    "queued", "held", "booked", "checked_in", "in_chair", "completed", "cancelled", "no_show"
]


class AppointmentChanged(EventPayload):
    """Every appointment event carries the appointment's state after the change."""

    appointment_id: UUID
    order_id: UUID | None = None
    practice_id: str | None = None
    chair_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    status: AppointmentStatus
    hold_expires_at: datetime | None = None
    reason: str | None = None
    occurred_at: datetime


class RecallSlot(EventPayload):
    chair_id: str
    start: datetime
    end: datetime


class RecallChanged(EventPayload):
    """A recall of a recurring drug (dates are clinic days). ``practice_id`` is the referring
    practice of the dose, so partners receive their patients' recalls. Ids and codes only."""

    recall_id: UUID
    patient_id: UUID
    practice_id: str
    drug_code: str
    hcpcs: str | None = None
    status: Literal["due", "offered", "booked", "overdue", "closed"]
    source_order_id: UUID
    last_dose_on: date
    earliest: date
    target_from: date
    target_to: date
    latest: date
    auth_valid_to: date | None = None
    pre_dose_checks: list[str] = []
    slots: list[RecallSlot] = []  # recall.offered: feasible slots from earliest in the window
    occurred_at: datetime


# --------------------------------------------------------------------------- authorization.events
class CoverageDecisionLine(EventPayload):
    hcpcs: str
    # Da Vinci CRD: no PA code is given when the service is not covered.
    pa: Literal["no-auth", "auth-needed", "conditional"] | None
    coverage: Literal["covered", "not-covered", "conditional"]
    reasons: list[str] = []


class AuthorizationNotRequired(EventPayload):
    order_id: UUID
    payer_id: str | None = None
    plan_id: str | None = None
    lines: list[CoverageDecisionLine]
    decided_at: datetime


class AuthorizationNotCovered(EventPayload):
    order_id: UUID
    payer_id: str | None = None
    plan_id: str | None = None
    lines: list[CoverageDecisionLine]
    reason: str
    decided_at: datetime


class RequestedUnits(EventPayload):
    hcpcs: str
    requested_units: int


class AuthorizationRequested(EventPayload):
    case_id: UUID
    order_id: UUID
    payer_id: str
    plan_id: str | None = None
    status: str
    due_at: datetime | None = None
    lines: list[RequestedUnits]
    requested_at: datetime


class QuantityLimitFacts(EventPayload):
    """The payer's quantity limit of a code: at most ``units`` in any ``period_days`` days."""

    hcpcs: str
    units: int = Field(gt=0)
    period_days: int = Field(gt=0)


class ApprovedUnits(EventPayload):
    hcpcs: str
    approved_units: int
    # what one visit of the order draws, as authorization works units out (domain/units.py);
    # None when it could not (scheduling then checks the approval's dates only)
    units_per_visit: int | None = None


class AuthorizationApproved(EventPayload):
    case_id: UUID
    order_id: UUID
    payer_id: str
    auth_number: str
    lines: list[ApprovedUnits]
    valid_from: date
    valid_to: date
    decided_at: datetime
    # the payer policy's quantity limits of the approved codes (empty in older messages)
    quantity_limits: list[QuantityLimitFacts] = []


class AuthorizationDenied(EventPayload):
    case_id: UUID
    order_id: UUID
    payer_id: str
    reason: str
    reason_code: str | None = None
    decided_at: datetime


class AuthorizationClosed(EventPayload):
    """Expired or withdrawn: the case no longer covers the order."""

    case_id: UUID
    order_id: UUID
    payer_id: str
    reason: str
    occurred_at: datetime


class AuthorizationUsageFlagged(EventPayload):
    case_id: UUID | None = None
    order_id: UUID
    code: Literal["outside_valid_dates", "units_exceeded", "no_authorization", "units_unknown"]
    hcpcs: str | None = None
    detail: str
    occurred_at: datetime


class AuthorizationEligibilityFlagged(EventPayload):
    """A 270/271 check for the order did not come back active (inactive coverage, an AAA
    rejection, no usable answer): its booking decision is withheld until staff resolve it."""

    order_id: UUID
    check_id: UUID
    patient_id: UUID | None = None
    payer_id: str | None = None
    # inactive | AAA<code> (AAA72, AAA75, AAA58...) | retry_exhausted | identity:<item> |
    # clearinghouse_unavailable | invalid_270 | invalid_271 | rejected_999 | no_coverage_answer
    reason_code: str
    reason: str | None = None  # the code's text; never a name, date or member id
    flagged_at: datetime


class AuthorizationEligibilityCleared(EventPayload):
    """The order's eligibility hold is over: a check came back active, or staff resolved it."""

    order_id: UUID
    check_id: UUID
    how: Literal["active", "resolved"]
    cleared_at: datetime


class AuthorizationRenewalNeeded(EventPayload):
    """Scheduling: a visit of the order does not fit its approval (a day outside the valid
    dates, or more units than remain under the auth number). The visit was refused, held, or
    is booked already; authorization puts the case on its renewal worklist, due in time for
    the payer to decide before ``visit_date``. Ids, codes and dates only."""

    order_id: UUID
    case_id: UUID | None = None
    appointment_id: UUID | None = None
    practice_id: str | None = None
    payer_id: str | None = None
    auth_number: str
    visit_date: date
    valid_from: date
    valid_to: date
    reasons: list[Literal["outside_valid_dates", "units_exceeded"]]
    outcome: Literal["refused", "held", "booked"]
    occurred_at: datetime


# --------------------------------------------------------------------------- reimbursement.events
class ClaimChanged(EventPayload):
    claim_id: UUID
    order_id: UUID
    practice_id: str | None = None
    payer_id: str | None = None
    status: str
    total_charge: Decimal
    expected_payment: Decimal | None = None
    paid_amount: Decimal | None = None
    denial_reasons: list[str] = []
    occurred_at: datetime


# --------------------------------------------------------------------------- appeals
class ClaimAppealChanged(EventPayload):
    """A claim appeal was filed or decided (reimbursement.events, keyed by order id). A decision
    won in full or in part carries ``reopen_claim``: the claim goes back for payment."""

    appeal_id: UUID
    claim_id: UUID
    order_id: UUID
    practice_id: str
    payer_id: str | None = None
    payer_type: str
    level: str  # redetermination, reconsideration, ..., reopening, plan_reconsideration...
    kind: Literal["appeal", "reopening"]
    status: Literal["filed", "decided"]
    deadline: date | None = None
    filed_on: date | None = None
    outcome: Literal["won", "partially_won", "lost"] | None = None
    decided_on: date | None = None
    amount_awarded: Decimal | None = None  # cents, as ClaimChanged carries money
    reopen_claim: bool = False
    next_level: str | None = None
    next_deadline: date | None = None
    occurred_at: datetime


class AuthorizationAppealChanged(EventPayload):
    """A prior-authorization appeal (peer-to-peer, reconsideration...) was filed or decided
    (authorization.events, keyed by order id). A win also publishes authorization.approved
    through the case's decision."""

    appeal_id: UUID
    case_id: UUID
    order_id: UUID
    payer_id: str
    payer_type: str | None = None
    level: str  # peer_to_peer, reconsideration, external_review...
    status: Literal["filed", "scheduled", "decided"]
    deadline: date | None = None
    scheduled_at: datetime | None = None
    outcome: Literal["won", "partially_won", "lost"] | None = None
    next_level: str | None = None
    next_deadline: date | None = None
    occurred_at: datetime


class ClaimAcknowledged(ClaimChanged):
    """claim.accepted / claim.rejected: the clearinghouse's or payer's word on one version."""

    clm01: str
    frequency: str  # CLM05-3: 1 original, 7 replacement, 8 void
    payer_claim_number: str | None = None  # ICN (277CA REF*1K), accepted only
    rejection_reasons: list[str] = []  # 999 IK3/IK4 or 277CA STC, rejected only


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


# --------------------------------------------------------------------------- registry
class EventContract(BaseModel):
    type: str
    version: int
    topic: str
    model: builtins.type[EventPayload]  # `type` is a field here
    summary: str


def _c(type_: str, topic: str, model: type[EventPayload], summary: str) -> EventContract:
    return EventContract(type=type_, version=1, topic=topic, model=model, summary=summary)


CONTRACTS: dict[str, EventContract] = {
    c.type: c
    for c in [
        _c("order.signed", ORDERS_TOPIC, OrderSigned, "A clinician signed an order."),
        _c("order.cancelled", ORDERS_TOPIC, OrderCancelled, "An order was cancelled."),
        _c("order.administered", ORDERS_TOPIC, OrderAdministered, "A visit was completed."),
        _c("reaction.recorded", ORDERS_TOPIC, ReactionRecorded,
           "An infusion reaction was recorded on an order's visit."),
        _c("reaction.severe", ORDERS_TOPIC, ReactionSevere,
           "A grade >= 3 infusion reaction was recorded (orders of the molecule are blocked)."),
        _c("reaction.cleared", ORDERS_TOPIC, ReactionCleared,
           "A provider cleared a reaction's hold on the patient's series (RX-6)."),
        _c("outcome.assessed", ORDERS_TOPIC, OutcomeAssessed,
           "A preventive outcome assessment was recorded (figures, no PHI)."),
        _c("order.escort_confirmed", ORDERS_TOPIC, OrderEscortConfirmed,
           "The escort of an order with a no-drive drug was recorded at check-in."),
        *(
            _c(f"appointment.{s}", SCHEDULING_TOPIC, AppointmentChanged, f"Appointment {s}.")
            for s in (
                "queued", "held", "booked", "moved", "checked_in", "started",
                "completed", "cancelled", "no_show",
            )
        ),
        _c("recall.offered", SCHEDULING_TOPIC, RecallChanged,
           "Slots for a recurring drug's next dose were offered (target - N days)."),
        _c("recall.overdue", SCHEDULING_TOPIC, RecallChanged,
           "A recurring drug's next dose passed its latest day without a booking."),
        _c("appointment.renewal_needed", SCHEDULING_TOPIC, AuthorizationRenewalNeeded,
           "A visit falls outside its order's approval (dates or units): renew in time."),
        _c("authorization.not_required", AUTHORIZATION_TOPIC, AuthorizationNotRequired,
           "No prior authorization is needed for any line of the order."),
        _c("authorization.not_covered", AUTHORIZATION_TOPIC, AuthorizationNotCovered,
           "The payer does not cover a line of the order."),
        _c("authorization.requested", AUTHORIZATION_TOPIC, AuthorizationRequested,
           "A prior-authorization case was opened."),
        _c("authorization.approved", AUTHORIZATION_TOPIC, AuthorizationApproved,
           "The payer approved the prior authorization."),
        _c("authorization.denied", AUTHORIZATION_TOPIC, AuthorizationDenied,
           "The payer denied the prior authorization."),
        _c("authorization.expired", AUTHORIZATION_TOPIC, AuthorizationClosed,
           "An approval expired."),
        _c("authorization.withdrawn", AUTHORIZATION_TOPIC, AuthorizationClosed,
           "The practice withdrew the case."),
        _c("authorization.usage_flagged", AUTHORIZATION_TOPIC, AuthorizationUsageFlagged,
           "An administration fell outside the approved units or dates."),
        _c("authorization.eligibility_flagged", AUTHORIZATION_TOPIC,
           AuthorizationEligibilityFlagged,
           "Eligibility for the order's payer is not confirmed; booking waits for staff."),
        _c("authorization.eligibility_cleared", AUTHORIZATION_TOPIC,
           AuthorizationEligibilityCleared,
           "The order's eligibility hold is over (active coverage, or resolved by staff)."),
        *(
            _c(f"claim.{s}", REIMBURSEMENT_TOPIC, ClaimChanged, f"Claim {s}.")
            for s in ("created", "submitted", "paid", "denied")
        ),
        _c("appeal.filed", REIMBURSEMENT_TOPIC, ClaimAppealChanged,
           "A claim appeal (or reopening) was filed with the payer."),
        _c("appeal.decided", REIMBURSEMENT_TOPIC, ClaimAppealChanged,
           "The payer decided a claim appeal; a win reopens the claim for payment."),
        _c("authorization.appeal_filed", AUTHORIZATION_TOPIC, AuthorizationAppealChanged,
           "A prior-authorization appeal or peer-to-peer was requested."),
        _c("authorization.appeal_scheduled", AUTHORIZATION_TOPIC, AuthorizationAppealChanged,
           "A peer-to-peer with the payer's reviewer was scheduled."),
        _c("authorization.appeal_decided", AUTHORIZATION_TOPIC, AuthorizationAppealChanged,
           "The payer decided a prior-authorization appeal; a win approves the case."),
        _c("claim.accepted", REIMBURSEMENT_TOPIC, ClaimAcknowledged,
           "The payer accepted a claim version into adjudication (277CA A2); its ICN."),
        _c("claim.rejected", REIMBURSEMENT_TOPIC, ClaimAcknowledged,
           "A claim version was rejected unprocessed (999 IK5 R or 277CA A3/A6/A7/A8), "
           "with the reasons; it is fixed and sent again."),
    ]
}


def contract_for(event_type: str) -> EventContract | None:
    return CONTRACTS.get(event_type)
