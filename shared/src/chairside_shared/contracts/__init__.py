"""Event payload contracts: the single source for every producer and consumer.

Each payload is a versioned pydantic model registered under its CloudEvents ``type``.
Consumers ignore fields they do not know (forward compatible); producers may add optional
fields within a version. A breaking change is a new version (``version=2``) registered beside
the old one. ``docs/asyncapi.json`` is generated from this package (``make asyncapi``) and a test
fails when it is stale.

No names or contact details ever appear in a payload: ids, codes and clinical facts the
receiving service needs (age band, weight) only.

Split by responsibility: ``base`` (topics, the payload base, shared parts), one module per
producing service (``orders_events`` …), and ``registry`` (type → contract). Everything is
re-exported here: callers keep writing ``contracts.OrderSigned``.
"""

from chairside_shared.contracts.authorization_events import (
    ApprovedUnits,
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
    CoverageDecisionLine,
    QuantityLimitFacts,
    RequestedUnits,
)
from chairside_shared.contracts.base import (
    AUTHORIZATION_TOPIC,
    ORDERS_TOPIC,
    REIMBURSEMENT_TOPIC,
    SCHEDULING_TOPIC,
    EventPayload,
    PayerRef,
    Window,
    dlq_topic,
)
from chairside_shared.contracts.orders_events import (
    Administration,
    FluidFacts,
    OrderAdministered,
    OrderCancelled,
    OrderEscortConfirmed,
    OrderLine,
    OrderSigned,
    OutcomeAssessed,
    ReactionCleared,
    ReactionRecorded,
    ReactionSevere,
    RecallFacts,
    RecallStepFacts,
    SeriesFacts,
    TriageCategory,
)
from chairside_shared.contracts.registry import (
    CONTRACTS,
    EventContract,
    contract_for,
)
from chairside_shared.contracts.reimbursement_events import (
    ClaimAcknowledged,
    ClaimAppealChanged,
    ClaimChanged,
)
from chairside_shared.contracts.scheduling_events import (
    AppointmentChanged,
    AppointmentStatus,
    RecallChanged,
    RecallSlot,
)

__all__ = [
    "AUTHORIZATION_TOPIC",
    "Administration",
    "AppointmentChanged",
    "AppointmentStatus",
    "ApprovedUnits",
    "AuthorizationAppealChanged",
    "AuthorizationApproved",
    "AuthorizationClosed",
    "AuthorizationDenied",
    "AuthorizationEligibilityCleared",
    "AuthorizationEligibilityFlagged",
    "AuthorizationNotCovered",
    "AuthorizationNotRequired",
    "AuthorizationRenewalNeeded",
    "AuthorizationRequested",
    "AuthorizationUsageFlagged",
    "CONTRACTS",
    "ClaimAcknowledged",
    "ClaimAppealChanged",
    "ClaimChanged",
    "CoverageDecisionLine",
    "EventContract",
    "EventPayload",
    "FluidFacts",
    "ORDERS_TOPIC",
    "OrderAdministered",
    "OrderCancelled",
    "OrderEscortConfirmed",
    "OrderLine",
    "OrderSigned",
    "OutcomeAssessed",
    "PayerRef",
    "QuantityLimitFacts",
    "REIMBURSEMENT_TOPIC",
    "ReactionCleared",
    "ReactionRecorded",
    "ReactionSevere",
    "RecallChanged",
    "RecallFacts",
    "RecallStepFacts",
    "SeriesFacts",
    "RecallSlot",
    "RequestedUnits",
    "SCHEDULING_TOPIC",
    "TriageCategory",
    "Window",
    "contract_for",
    "dlq_topic",
]
