"""The order aggregate: lines, findings, overrides, lifecycle and the administration record.

The aggregate records what happened as plain domain events on ``events`` (``orders.domain.events``);
the unit of work turns them into outbox rows in the same transaction as the state. It never
publishes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypedDict, Unpack
from uuid import UUID

from orders.domain.administration import (
    AdministrationRecord,
    check_administration,
    validate_administration,
)
from orders.domain.catalog import Catalog
from orders.domain.checks import CheckResult
from orders.domain.errors import (
    Conflict,
    FieldError,
    IllegalTransition,
    NotPermitted,
    SignBlocked,
    ValidationFailed,
)
from orders.domain.events import (
    DomainEvent,
    EscortConfirmed,
    OrderCancelled,
    order_administered,
    order_signed,
)
from orders.domain.findings import Finding
from orders.domain.lifecycle import (
    APPOINTMENT_TARGETS,
    AUTHORIZATION_EVENTS,
    REASONED_AUTHORIZATION_EVENTS,
    TRANSITIONS,
    AuthorizationStatus,
    Status,
)
from orders.domain.lines import LineSpec
from orders.domain.patient import PatientFacts
from orders.domain.triage import triage_errors
from orders.domain.values import Actor, HistoryEntry, Override, Payer, Urgency

__all__ = ["TRANSITIONS", "Actor", "AuthorizationStatus", "HistoryEntry", "Order",
           "OrderChanges", "Override", "Payer", "Status", "Urgency", "check_time"]

SIGN_SCOPE = "orders:sign"


class OrderChanges(TypedDict, total=False):
    """What an edit of a draft may change; a key present means "set to this value"."""

    urgency: Urgency
    requested_window: tuple[datetime, datetime] | None
    diagnoses: list[str]
    payer: Payer | None
    lines: list[LineSpec]
    ordering_practitioner_id: UUID | None
    coverage_id: UUID | None
    triage_category: str | None
    headache_hours: int | None


@dataclass
class Order:
    id: UUID
    practice_id: str
    patient_id: UUID
    urgency: Urgency
    lines: list[LineSpec]
    diagnoses: list[str] = field(default_factory=list)
    requested_window: tuple[datetime, datetime] | None = None
    payer: Payer | None = None
    protocol_id: UUID | None = None
    status: Status = Status.DRAFT
    authorization_status: AuthorizationStatus = "pending"
    authorization_decided_at: datetime | None = None
    # The payer's words when the drug is denied, not covered, expired or withdrawn, so the
    # prescriber sees why on the order itself; cleared by the next favourable decision.
    authorization_reason: str | None = None
    findings: list[Finding] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    administrations: list[AdministrationRecord] = field(default_factory=list)
    catalog_version: int = 0
    estimated_chair_minutes: int = 0
    acuity_class: str = "standard"
    requires_driver: bool = False
    prescriber_id: str | None = None
    # Who ordered and who supervised (practitioners), and the patient's coverage billed: ids.
    ordering_practitioner_id: UUID | None = None
    supervising_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None
    # same-day triage (domain/triage.py): sent with order.signed for the same-day queue
    triage_category: str | None = None
    headache_hours: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    signed_at: datetime | None = None
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None
    completed_at: datetime | None = None
    version: int = 0
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    # ------------------------------------------------------------------ drafting
    @classmethod
    def create(cls, *, result: CheckResult, actor: Actor, at: datetime, id: UUID,
               practice_id: str, patient_id: UUID, urgency: Urgency, lines: list[LineSpec],
               diagnoses: list[str] | None = None,
               requested_window: tuple[datetime, datetime] | None = None,
               payer: Payer | None = None, protocol_id: UUID | None = None,
               ordering_practitioner_id: UUID | None = None,
               coverage_id: UUID | None = None, triage_category: str | None = None,
               headache_hours: int | None = None) -> Order:
        errors = triage_errors(urgency, triage_category, headache_hours)
        if errors:
            raise ValidationFailed(errors)
        order = cls(id=id, practice_id=practice_id, patient_id=patient_id, urgency=urgency,
                    lines=lines, diagnoses=diagnoses if diagnoses is not None else [],
                    requested_window=requested_window, payer=payer, protocol_id=protocol_id,
                    ordering_practitioner_id=ordering_practitioner_id, coverage_id=coverage_id,
                    triage_category=triage_category, headache_hours=headache_hours,
                    created_at=at, updated_at=at)
        order._apply(result)
        order._log(at, "created", actor, {"lines": len(order.lines)})
        return order

    def update(self, *, result: CheckResult, actor: Actor, at: datetime,
               **changes: Unpack[OrderChanges]) -> None:
        if self.status != Status.DRAFT:
            raise IllegalTransition(self.status, "edit")
        errors = triage_errors(changes.get("urgency", self.urgency),
                               changes.get("triage_category", self.triage_category),
                               changes.get("headache_hours", self.headache_hours))
        if errors:
            raise ValidationFailed(errors)
        lines_changed = "lines" in changes and changes["lines"] != self.lines
        for name, value in changes.items():
            setattr(self, name, value)
        if lines_changed and self.overrides:
            # an override was given for the lines as they were; new doses need a new decision
            self._log(at, "overrides_cleared", actor, {"count": len(self.overrides)})
            self.overrides = []
        self._apply(result)
        self.updated_at = at
        self._log(at, "updated", actor, {"fields": sorted(changes)})

    def _apply(self, result: CheckResult) -> None:
        self.lines = [replace(ln, monitoring=result.monitoring.get(ln.sequence, ()))
                      for ln in self.lines]
        self.findings = list(result.findings)
        self.estimated_chair_minutes = result.estimated_chair_minutes
        self.acuity_class = result.acuity_class
        self.requires_driver = result.requires_driver
        self.catalog_version = result.catalog_version

    # ------------------------------------------------------------------ overrides and signing
    def add_override(self, *, finding_code: str, line: int | None, reason: str, actor: Actor,
                     at: datetime, min_reason_length: int) -> Override:
        if not actor.can(SIGN_SCOPE):
            raise NotPermitted(f"overriding a finding needs the {SIGN_SCOPE} scope")
        if self.status != Status.DRAFT:
            raise IllegalTransition(self.status, "override a finding of")
        errors: list[FieldError] = []
        if len(reason.strip()) < min_reason_length:
            errors.append(FieldError("reason", f"give a reason of at least {min_reason_length} "
                                     "characters"))
        override = Override(finding_code, line, reason.strip(), actor.id, at)
        if not any(override.covers(f) for f in self.findings):
            errors.append(FieldError("finding_code", "no current finding with this code"
                                     + ("" if line is None else f" on line {line}")))
        if errors:
            raise ValidationFailed(errors)
        self.overrides.append(override)
        self.updated_at = at
        self._log(at, "override", actor, {"finding_code": finding_code, "line": line,
                                          "reason": override.reason})
        return override

    def unresolved_blocks(self) -> list[Finding]:
        return [f for f in self.findings
                if f.severity == "block" and not any(o.covers(f) for o in self.overrides)]

    def sign(self, *, result: CheckResult, actor: Actor, at: datetime, patient: PatientFacts,
             catalog: Catalog, default_coverage_id: UUID | None = None) -> None:
        """Applies the fresh re-check first; refuses while a block stands without an override.
        An order that names no coverage bills ``default_coverage_id`` (the patient's coverage
        in force for the order's payer, found when signing)."""
        if not actor.can(SIGN_SCOPE):
            raise NotPermitted(f"signing needs the {SIGN_SCOPE} scope")
        self._require(Status.SIGNED, "sign")
        self._apply(result)
        if self.coverage_id is None and self.payer is not None:
            self.coverage_id = default_coverage_id
        blocking = self.unresolved_blocks()
        if blocking:
            raise SignBlocked(blocking)
        self._move(Status.SIGNED, at, actor, "signed")
        self.signed_at, self.prescriber_id = at, actor.id
        self.authorization_status = "pending"
        self.events.append(order_signed(self, patient, catalog, at,
                                        dose_numbers=result.dose_numbers,
                                        next_doses=result.next_doses))

    def cancel(self, *, reason: str, actor: Actor, at: datetime) -> None:
        if not reason.strip():
            raise ValidationFailed([FieldError("reason", "a cancellation needs a reason")])
        previous = self.status
        self._require(Status.CANCELLED, "cancel")
        self._move(Status.CANCELLED, at, actor, "cancelled", {"reason": reason.strip()})
        self.cancelled_at, self.cancel_reason = at, reason.strip()
        self.events.append(OrderCancelled(
            order_id=self.id, practice_id=self.practice_id, reason=reason.strip(),
            previous_status=str(previous), cancelled_at=at))

    # ------------------------------------------------------------------ events from other services
    def apply_appointment(self, appointment_status: str, at: datetime) -> bool:
        """Follow the appointment. Late or repeated events are ignored, never an error."""
        target = APPOINTMENT_TARGETS.get(appointment_status)
        if target is None or target == self.status:
            return False
        if target == Status.SIGNED and self.status != Status.SCHEDULED:
            return False
        if target not in TRANSITIONS[self.status]:
            return False
        self._move(target, at, None, f"appointment_{appointment_status}")
        return True

    def apply_authorization(self, event_type: str, decided_at: datetime,
                            reason: str | None = None) -> bool:
        new = AUTHORIZATION_EVENTS.get(event_type)
        if new is None:
            return False
        if self.authorization_decided_at and decided_at < self.authorization_decided_at:
            return False  # an older decision arriving late
        reason = reason if event_type in REASONED_AUTHORIZATION_EVENTS else None
        changed = new != self.authorization_status or reason != self.authorization_reason
        self.authorization_status, self.authorization_decided_at = new, decided_at
        self.authorization_reason = reason
        if changed:
            detail: dict[str, Any] = {"event": event_type, "status": new}
            if reason:
                detail["reason"] = reason
            self._log(decided_at, "authorization", None, detail)
        return changed

    # ------------------------------------------------------------------ administration
    def record_administration(self, *, record: AdministrationRecord, catalog: Catalog,
                              actor: Actor, at: datetime) -> AdministrationRecord:
        """The supervising practitioner named on the record (if any) becomes the order's."""
        if self.status not in (Status.SIGNED, Status.SCHEDULED, Status.IN_PROGRESS):
            raise IllegalTransition(self.status, "record an administration for")
        line = next((ln for ln in self.lines if ln.sequence == record.line_sequence), None)
        if line is None:
            raise ValidationFailed([FieldError("line_sequence", "no such line on this order")])
        if any(a.line_sequence == record.line_sequence for a in self.administrations):
            raise Conflict(f"line {record.line_sequence} already has an administration record")
        drug = catalog.drug(line.drug_code)
        if drug is None:  # lines are validated against this very catalog version
            raise ValidationFailed([FieldError(
                "line_sequence", f"{line.drug_code} is not in catalog version {catalog.version}")])
        errors = validate_administration(record, drug)
        if errors:
            raise ValidationFailed(errors)
        checked = replace(record.with_findings(check_administration(record, line, drug,
                                                                    catalog.rules)),
                          monitoring=drug.monitoring)
        self.administrations.append(checked)
        if record.supervising_practitioner_id is not None:
            self.supervising_practitioner_id = record.supervising_practitioner_id
        if self.status != Status.IN_PROGRESS:
            self._move(Status.IN_PROGRESS, at, actor, "administration_started")
        self._log(at, "administration", actor, {"line": record.line_sequence,
                                                "findings": [f.code for f in checked.findings]})
        return checked

    def confirm_escort(self, *, actor: Actor, at: datetime) -> None:
        if self.status in (Status.DRAFT, Status.ADMINISTERED, Status.CANCELLED):
            raise IllegalTransition(self.status, "record an escort for")
        self._log(at, "escort_confirmed", actor, {})  # who and when; the person stays sealed
        self.updated_at = at
        self.events.append(EscortConfirmed(self.id, self.practice_id, at))

    def complete(self, *, actor: Actor, at: datetime, catalog: Catalog,
                 patient_age_years: int | None, rendering_provider_npi: str | None = None,
                 supervising_practitioner_id: UUID | None = None,
                 discharge_override: dict[str, Any] | None = None) -> None:
        """``discharge_override``: the reason and unmet criteria when the visit is completed
        though discharge criteria are unmet (domain/discharge.py ``require_ready``)."""
        self._require(Status.ADMINISTERED, "complete")
        if not self.administrations:
            raise Conflict("record at least one administration before completing")
        if discharge_override is not None:
            self._log(at, "discharge_override", actor, discharge_override)
        if supervising_practitioner_id is not None:
            self.supervising_practitioner_id = supervising_practitioner_id
        self._move(Status.ADMINISTERED, at, actor, "completed")
        self.completed_at = at
        self.events.append(order_administered(
            self, catalog, at, patient_age_years, rendering_provider_npi))

    # ------------------------------------------------------------------ helpers
    def _require(self, target: Status, action: str) -> None:
        if target not in TRANSITIONS[self.status]:
            raise IllegalTransition(self.status, action)

    def _move(self, target: Status, at: datetime, actor: Actor | None, action: str,
              detail: dict[str, Any] | None = None) -> None:
        self._require(target, action)
        self._log(
            at, action, actor, {"from": str(self.status), "to": str(target), **(detail or {})}
        )
        self.status, self.updated_at = target, at

    def _log(self, at: datetime, action: str, actor: Actor | None,
             detail: dict[str, Any]) -> None:
        self.history.append(HistoryEntry(at, action, actor.id if actor else None, detail))


def check_time(requested_window: tuple[datetime, datetime] | None, now: datetime) -> datetime:
    """When the drugs are expected to be given: the window start if it lies ahead, else now.
    Frequency and timing rules are evaluated at that moment."""
    if requested_window and requested_window[0] > now:
        return requested_window[0]
    return now
