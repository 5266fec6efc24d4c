"""A payer decision obtained off PAS (the payer's portal, a phone call, a fax) and recorded by
staff: what clinics do when an electronic request cannot be sent (a required element is missing,
see ``PACase.hold_for_pas``) or the payer answered elsewhere.

It goes through the case's own ``record_decision``, so the same events leave
(authorization.approved / denied) and the case log keeps the channel, the payer's reference and
who recorded it. Allowed while the case is open (draft, held or not, submitted, pended);
a decided, withdrawn or expired case refuses (409).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from .case import PACase, PayerDecision
from .codes import OPEN_STATUSES
from .errors import FieldError, InvalidTransition, ValidationFailed

Channel = Literal["portal", "phone", "fax"]
Outcome = Literal["approved", "denied"]
OFFLINE_FROM = OPEN_STATUSES  # draft (also held for PAS), submitted, pended


@dataclass(frozen=True)
class DecidedLine:
    hcpcs: str
    approved_units: int


@dataclass(frozen=True)
class OfflineDecision:
    channel: Channel
    reference: str
    outcome: Outcome
    auth_number: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    lines: tuple[DecidedLine, ...] = field(default_factory=tuple)
    reason: str | None = None
    reason_code: str | None = None
    note: str | None = None


def _approval_problems(case: PACase, d: OfflineDecision) -> list[FieldError]:
    errors = [FieldError(name, "required when the outcome is approved")
              for name, value in (("auth_number", d.auth_number),
                                  ("valid_from", d.valid_from), ("valid_to", d.valid_to))
              if not value]
    if not d.lines:
        errors.append(FieldError("lines", "required when the outcome is approved: "
                                          "the approved units of each line"))
    if d.valid_from and d.valid_to and d.valid_to < d.valid_from:
        errors.append(FieldError("valid_to", "must not be before valid_from"))
    seen: set[str] = set()
    for i, ln in enumerate(d.lines):
        if case.line(ln.hcpcs) is None:
            known = ", ".join(x.hcpcs for x in case.lines)
            errors.append(FieldError(f"lines.{i}.hcpcs", f"not a line of this case ({known})"))
        elif ln.hcpcs in seen:
            errors.append(FieldError(f"lines.{i}.hcpcs", "appears twice"))
        seen.add(ln.hcpcs)
        if ln.approved_units < 0:
            errors.append(FieldError(f"lines.{i}.approved_units", "must not be negative"))
    errors += [FieldError(name, "only with a denial")
               for name, value in (("reason", d.reason), ("reason_code", d.reason_code))
               if value]
    return errors


def _denial_problems(d: OfflineDecision) -> list[FieldError]:
    errors = [FieldError(name, "required when the outcome is denied")
              for name, value in (("reason", d.reason), ("reason_code", d.reason_code))
              if not value]
    errors += [FieldError(name, "only with an approval")
               for name, value in (("auth_number", d.auth_number), ("valid_from", d.valid_from),
                                   ("valid_to", d.valid_to), ("lines", d.lines))
               if value]
    return errors


def check_offline_decision(case: PACase, d: OfflineDecision) -> list[FieldError]:
    """What is wrong with the decision as given for this case (field by field)."""
    errors = [FieldError("reference", "required: the payer's case or reference id")
              ] if not d.reference.strip() else []
    if d.outcome == "approved":
        return errors + _approval_problems(case, d)
    return errors + _denial_problems(d)


def record_offline_decision(case: PACase, d: OfflineDecision, actor: str,
                            now: datetime) -> None:
    """Record the payer's decision on the case; the submission blockers (what kept a PAS
    request back) no longer apply and are cleared, their text kept in the log."""
    if case.status not in OFFLINE_FROM:
        raise InvalidTransition(case.id, case.status, "record a payer decision")
    errors = check_offline_decision(case, d)
    if errors:
        raise ValidationFailed("the payer's decision is incomplete or does not fit the case",
                               errors)
    decision = PayerDecision(
        kind=d.outcome, auth_number=d.auth_number, valid_from=d.valid_from,
        valid_to=d.valid_to, approved_units={ln.hcpcs: ln.approved_units for ln in d.lines},
        reason=d.reason, reason_code=d.reason_code)
    blockers = list(case.blockers)
    case.record_decision(decision, None, actor, now, allowed=OFFLINE_FROM,
                         channel=d.channel, reference=d.reference, note=d.note,
                         blockers_cleared=blockers)
    case.blockers = []
