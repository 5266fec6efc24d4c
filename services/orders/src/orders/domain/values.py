"""Small values an order is made of: who acts, the payer, an override, a history entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, NotRequired, TypedDict

from orders.domain.findings import Finding

Urgency = Literal["same_day", "planned"]


class Payer(TypedDict):
    payer_id: str
    member_id: str
    plan_id: NotRequired[str | None]


@dataclass(frozen=True)
class Actor:
    id: str
    scopes: frozenset[str] = frozenset()

    def can(self, scope: str) -> bool:
        return scope in self.scopes


@dataclass(frozen=True)
class Override:
    finding_code: str
    line: int | None
    reason: str
    by: str
    at: datetime

    def covers(self, finding: Finding) -> bool:
        return finding.code == self.finding_code and self.line in (None, finding.line)


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    action: str
    by: str | None
    detail: dict[str, Any] = field(default_factory=dict)
