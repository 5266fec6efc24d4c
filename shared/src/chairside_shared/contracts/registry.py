"""The registry: every event type with its topic, payload model and summary."""

from __future__ import annotations

import builtins

from pydantic import BaseModel

from chairside_shared.contracts.authorization_events import (
    AuthorizationAppealChanged,
    AuthorizationApproved,
    AuthorizationClosed,
    AuthorizationDenied,
    AuthorizationEligibilityCleared,
    AuthorizationEligibilityFlagged,
    AuthorizationNotCovered,
    AuthorizationNotRequired,
    AuthorizationRenewalNeeded,
    AuthorizationRequested,
    AuthorizationUsageFlagged,
)
from chairside_shared.contracts.base import (
    AUTHORIZATION_TOPIC,
    ORDERS_TOPIC,
    REIMBURSEMENT_TOPIC,
    SCHEDULING_TOPIC,
    EventPayload,
)
from chairside_shared.contracts.orders_events import (
    OrderAdministered,
    OrderCancelled,
    OrderEscortConfirmed,
    OrderSigned,
    OutcomeAssessed,
    ReactionCleared,
    ReactionRecorded,
    ReactionSevere,
)
from chairside_shared.contracts.reimbursement_events import (
    ClaimAcknowledged,
    ClaimAppealChanged,
    ClaimChanged,
)
from chairside_shared.contracts.scheduling_events import AppointmentChanged, RecallChanged


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
