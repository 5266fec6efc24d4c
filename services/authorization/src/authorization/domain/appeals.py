"""Appeals of a denied prior authorization: a peer-to-peer with the payer's reviewer, then the
payer type's appeal levels (reconsideration / internal appeal, then IRE / external review...).
The windows are data (seed_data/pa_appeal_rules.json, each with its source; the peer-to-peer
window is payer-specific and unverified).

    requested --schedule (peer-to-peer only)--> scheduled --decide--> decided
    requested --decide--> decided                 (won | partially_won | lost)

What may be requested next (``options``): with no appeal yet, the peer-to-peer (within its
window from the denial) and the first level (from the denial); after a lost peer-to-peer, the
first level (its clock still runs from the denial); after a lost level, the next one counted
from that decision, unless the payer forwards it itself (MA -> IRE). One appeal at a time. A
win turns the case approved through the case's own decision (service/pa_appeals.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from chairside_shared.dates import Window
from chairside_shared.errors import Conflict, InvalidInput

PEER_TO_PEER = "peer_to_peer"
AppealStatus = Literal["requested", "scheduled", "decided"]
AppealOutcome = Literal["won", "partially_won", "lost"]


class AppealConflict(Conflict):
    """The appeal (or the case) does not allow the action now (409)."""


@dataclass(frozen=True, slots=True)
class Level:
    code: str
    name: str
    window: Window
    source: str
    verified: bool = True
    auto_forwarded: bool = False


@dataclass(frozen=True, slots=True)
class PayerAppealRules:
    payer_type: str
    peer_to_peer: Level | None
    levels: tuple[Level, ...]

    def level(self, code: str) -> Level | None:
        if code == PEER_TO_PEER:
            return self.peer_to_peer
        return next((lv for lv in self.levels if lv.code == code), None)


@dataclass(frozen=True, slots=True)
class PaAppealRules:
    version: str
    source: str
    payers: Mapping[str, PayerAppealRules]

    def for_payer(self, payer_type: str | None) -> PayerAppealRules:
        rules = self.payers.get(payer_type or "")
        if rules is None or not (rules.levels or rules.peer_to_peer):
            raise InvalidInput("payer_type", f"no PA appeal rules for payer type {payer_type!r}"
                               f" (known: {', '.join(sorted(self.payers))})")
        return rules


def rules_from_doc(doc: Mapping[str, Any]) -> PaAppealRules:
    payers: dict[str, PayerAppealRules] = {}
    for payer_type, p in doc["payer_types"].items():
        p2p = p.get("peer_to_peer")
        payers[payer_type] = PayerAppealRules(
            payer_type=payer_type,
            peer_to_peer=Level(PEER_TO_PEER, "Peer-to-peer with the payer's reviewer",
                               Window.of(p2p), p2p["source"], bool(p2p.get("verified")))
            if p2p else None,
            levels=tuple(Level(lv["code"], lv["name"], Window.of(lv), lv["source"],
                               auto_forwarded=bool(lv.get("auto_forwarded")))
                         for lv in p["levels"]))
    return PaAppealRules(doc["version"], doc["source"], payers)


@dataclass(frozen=True, slots=True)
class Option:
    """A level that may be requested now, and by when."""

    level: Level
    deadline: date


@dataclass(frozen=True, slots=True)
class PaAppealEvent:
    appeal_id: UUID
    case_id: UUID
    order_id: UUID
    payer_id: str
    payer_type: str
    level: str
    status: AppealStatus
    deadline: date
    scheduled_at: datetime | None
    outcome: AppealOutcome | None
    next_level: str | None
    next_deadline: date | None
    occurred_at: datetime


@dataclass(eq=False)
class PaAppeal:
    id: UUID
    case_id: UUID
    order_id: UUID
    payer_id: str
    payer_type: str
    level: str
    status: AppealStatus
    denied_on: date  # the case's denial, as decided
    deadline: date
    reason: str
    created_at: datetime
    updated_at: datetime
    requested_on: date
    payer_reference: str | None = None
    reviewer: str | None = None  # the payer's reviewer (a payer physician; never logged)
    scheduled_at: datetime | None = None
    outcome: AppealOutcome | None = None
    decided_on: date | None = None
    decision_note: str | None = None
    next_level: str | None = None  # offered after a loss (or forwarded by the payer itself)
    next_deadline: date | None = None  # None with a next level: the payer forwards it
    version: int = 1
    events: list[PaAppealEvent] = field(default_factory=list)

    @classmethod
    def request(cls, *, appeal_id: UUID, case_id: UUID, order_id: UUID, payer_id: str,
                option: Option, payer_type: str, denied_on: date, reason: str,
                payer_reference: str | None, today: date, now: datetime) -> PaAppeal:
        if today > option.deadline:
            raise AppealConflict(f"the deadline to request a {option.level.name.lower()} was "
                                 f"{option.deadline}", deadline=option.deadline.isoformat())
        appeal = cls(id=appeal_id, case_id=case_id, order_id=order_id, payer_id=payer_id,
                     payer_type=payer_type, level=option.level.code, status="requested",
                     denied_on=denied_on, deadline=option.deadline, reason=reason,
                     created_at=now, updated_at=now, requested_on=today,
                     payer_reference=payer_reference)
        appeal._record(now)
        return appeal

    def schedule(self, *, reviewer: str, at: datetime, now: datetime) -> None:
        """The payer's reviewer and the time agreed (a peer-to-peer only; may be moved)."""
        if self.level != PEER_TO_PEER:
            raise AppealConflict("only a peer-to-peer is scheduled", level=self.level)
        if self.status == "decided":
            raise AppealConflict("the peer-to-peer was already decided",
                                 status_now=self.status)
        if at.tzinfo is None:
            raise InvalidInput("scheduled_at", "needs a UTC offset")
        self.status, self.reviewer, self.scheduled_at = "scheduled", reviewer, at
        self._touch(now)
        self._record(now)

    def decide(self, *, outcome: AppealOutcome, decided_on: date, note: str | None,
               rules: PayerAppealRules, now: datetime) -> None:
        if self.status == "decided":
            raise AppealConflict("the appeal was already decided", status_now=self.status,
                                 outcome=self.outcome)
        if decided_on < self.requested_on:
            raise InvalidInput("decided_on", f"before the appeal was requested "
                                             f"({self.requested_on})")
        self.status, self.outcome, self.decided_on = "decided", outcome, decided_on
        self.decision_note = note
        nxt = next_after(rules, self)
        self.next_level = nxt.level.code if nxt else forwarded_after(rules, self)
        self.next_deadline = nxt.deadline if nxt else None
        self._touch(now)
        self._record(now)

    def ensure_accepts_documents(self) -> None:
        if self.status == "decided":
            raise AppealConflict("a decided appeal takes no more documents",
                                 status_now=self.status)

    def _touch(self, now: datetime) -> None:
        self.updated_at = now
        self.version += 1

    def _record(self, now: datetime) -> None:
        self.events.append(PaAppealEvent(
            appeal_id=self.id, case_id=self.case_id, order_id=self.order_id,
            payer_id=self.payer_id, payer_type=self.payer_type, level=self.level,
            status=self.status, deadline=self.deadline, scheduled_at=self.scheduled_at,
            outcome=self.outcome, next_level=self.next_level,
            next_deadline=self.next_deadline, occurred_at=now))


def next_after(rules: PayerAppealRules, appeal: PaAppeal) -> Option | None:
    """The level offered after a lost appeal, with its deadline: after a peer-to-peer the first
    level (its clock runs from the denial), after a level the next one (from that decision)
    unless the payer forwards it itself."""
    if appeal.outcome != "lost":
        return None
    if appeal.level == PEER_TO_PEER:
        first = _first(rules, appeal.denied_on)
        return first[0] if first else None
    codes = [lv.code for lv in rules.levels]
    at = codes.index(appeal.level) if appeal.level in codes else len(codes)
    if at + 1 >= len(codes) or rules.levels[at + 1].auto_forwarded:
        return None
    nxt = rules.levels[at + 1]
    end = nxt.window.end(appeal.decided_on or appeal.denied_on)
    return Option(nxt, end) if end else None


def options(rules: PayerAppealRules, appeals: Sequence[PaAppeal],
            denied_on: date) -> list[Option]:
    """What may be requested next for a denied case, each with its deadline (see above)."""
    if any(a.status != "decided" for a in appeals):
        return []
    if not appeals:
        p2p = rules.peer_to_peer
        end = p2p.window.end(denied_on) if p2p else None
        return ([Option(p2p, end)] if p2p and end else []) + _first(rules, denied_on)
    last = max(appeals, key=lambda a: (a.decided_on or date.min, a.created_at))
    nxt = next_after(rules, last)
    return [nxt] if nxt else []


def _first(rules: PayerAppealRules, denied_on: date) -> list[Option]:
    if not rules.levels:
        return []
    end = rules.levels[0].window.end(denied_on)
    return [Option(rules.levels[0], end)] if end else []


def forwarded_after(rules: PayerAppealRules, appeal: PaAppeal) -> str | None:
    """The level the payer forwards a lost appeal to by itself (MA -> IRE), if any."""
    codes = [lv.code for lv in rules.levels]
    if appeal.outcome != "lost" or appeal.level not in codes:
        return None
    at = codes.index(appeal.level)
    nxt = rules.levels[at + 1] if at + 1 < len(codes) else None
    return nxt.code if nxt is not None and nxt.auto_forwarded else None
