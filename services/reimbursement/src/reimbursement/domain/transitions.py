"""The claim state machine as a table: which action may move a claim from which status to which.

    (build)       -> needs_review | held | ready
    settle        needs_review | held | ready | rejected -> needs_review | held | ready
                  (rebuilt, an NDC recorded, identities checked: the claim is being fixed)
    submit        ready | rejected -> submitted        (frequency 1: an original, new CLM01)
    reject        submitted | corrected | voided -> rejected   (999 IK5 R, 277CA A3/A6/A7/A8)
    accept        submitted | corrected | voided -> accepted   (277CA A2 + REF*1K)
    post          submitted | accepted | corrected | voided | appealed | adjudicated
                  -> paid | paid_zero | partially_paid | denied | reversed   (an 835)
    correct       adjudicated -> corrected                 (frequency 7, REF*F8 = ICN)
    void          adjudicated | accepted -> voided         (frequency 8, REF*F8 = ICN)
    appeal        denied | partially_paid | paid_zero -> appealed
    reopen        appealed -> accepted                      (appeal won: back for payment)
    write_off     denied | partially_paid | paid_zero | rejected | appealed -> written_off
    close         paid | paid_zero | partially_paid | denied | reversed | written_off -> closed

``migrate`` (from nothing, to any status) starts the history of a claim that existed before
histories were kept (reimbursement_0007).

``adjudicated`` = paid | paid_zero | partially_paid | denied | reversed. ``built`` is not a
status: it is the first transition (from nothing) of every claim. ``closed`` is final.

Every change of status is one :class:`Transition` (who, when, why); a pair the table does not
hold is refused (ClaimConflict, 409) and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from reimbursement.domain.claim import ClaimStatus
from reimbursement.domain.errors import ClaimConflict

Action = Literal["build", "migrate", "settle", "submit", "reject", "accept", "post", "correct",
                 "void", "appeal", "reopen", "write_off", "close"]
ACTIONS: tuple[Action, ...] = get_args(Action)
STATUSES: tuple[ClaimStatus, ...] = get_args(ClaimStatus)

UNSENT: frozenset[ClaimStatus] = frozenset({"needs_review", "held", "ready"})
ADJUDICATED: frozenset[ClaimStatus] = frozenset(
    {"paid", "paid_zero", "partially_paid", "denied", "reversed"})
# Sent and waiting for the payer's acknowledgement (999 / 277CA): an original, a
# replacement or a void.
IN_FLIGHT: frozenset[ClaimStatus] = frozenset({"submitted", "corrected", "voided"})
FINAL: frozenset[ClaimStatus] = frozenset({"closed"})

_Rule = tuple[frozenset[ClaimStatus], frozenset[ClaimStatus]]
TABLE: dict[Action, _Rule] = {
    "settle": (UNSENT | {"rejected"}, UNSENT),
    "submit": (frozenset({"ready", "rejected"}), frozenset({"submitted"})),
    "reject": (IN_FLIGHT, frozenset({"rejected"})),
    "accept": (IN_FLIGHT, frozenset({"accepted"})),
    "post": (IN_FLIGHT | ADJUDICATED | {"accepted", "appealed"}, ADJUDICATED),
    "correct": (ADJUDICATED - {"reversed"}, frozenset({"corrected"})),
    "void": ((ADJUDICATED - {"reversed"}) | {"accepted"}, frozenset({"voided"})),
    "appeal": (frozenset({"denied", "partially_paid", "paid_zero"}), frozenset({"appealed"})),
    # A won appeal: the payer adjudicates again and pays (the next 835 posts from accepted).
    "reopen": (frozenset({"appealed"}), frozenset({"accepted"})),
    "write_off": (frozenset({"denied", "partially_paid", "paid_zero", "rejected", "appealed"}),
                  frozenset({"written_off"})),
    "close": (frozenset({"paid", "paid_zero", "partially_paid", "denied", "reversed",
                         "written_off"}), frozenset({"closed"})),
}
BUILT: frozenset[ClaimStatus] = UNSENT


def allowed(action: Action, source: ClaimStatus | None, target: ClaimStatus) -> bool:
    """Whether the table holds ``source --action--> target`` (``None``: not built yet)."""
    if action == "build":
        return source is None and target in BUILT
    if action == "migrate":
        return source is None
    if source is None or action not in TABLE:
        return False
    sources, targets = TABLE[action]
    return source in sources and target in targets


def can(action: Action, source: ClaimStatus) -> bool:
    """Whether ``action`` is possible at all from ``source``."""
    return action in TABLE and source in TABLE[action][0]


def ensure(action: Action, source: ClaimStatus | None, target: ClaimStatus) -> None:
    if not allowed(action, source, target):
        raise ClaimConflict(f"a {source} claim cannot be moved to {target} ({action})",
                            status_now=source, action=action)


@dataclass(frozen=True, slots=True)
class Transition:
    """One change of a claim's status: who (``user:<id>``, ``client:<id>`` or
    ``system:<component>``), when and why. Append-only."""

    action: Action
    from_status: ClaimStatus | None
    to_status: ClaimStatus
    actor: str
    at: datetime
    reason: str | None = None


def consistent(history: list[Transition], status: ClaimStatus) -> bool:
    """A history that starts with the build, chains each step from the one before, holds only
    pairs the table allows, and ends in the claim's status."""
    if not history or history[0].action not in {"build", "migrate"}:
        return False
    previous: ClaimStatus | None = None
    for step in history:
        if step.from_status != previous or not allowed(step.action, previous, step.to_status):
            return False
        previous = step.to_status
    return previous == status
