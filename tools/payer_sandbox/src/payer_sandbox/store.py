"""In-memory record of what the sandbox payer received and answered (lost on restart)."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .config import Rule


@dataclass
class ClaimRecord:
    identifier: str
    facts: dict[str, Any]
    rule: Rule
    state: str  # approve | deny | pend
    auth_number: str | None
    received_at: datetime
    response: dict[str, Any]  # the current ClaimResponse
    inquiries: int = 0
    submissions: int = 1
    history: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "identifier": self.identifier, "payer_id": self.facts.get("payer_id"),
            "hcpcs": self.facts.get("hcpcs"), "state": self.state, "rule": self.rule.name,
            "auth_number": self.auth_number, "received_at": self.received_at.isoformat(),
            "inquiries": self.inquiries, "submissions": self.submissions,
            "history": self.history,
        }


class ClaimStore:
    def __init__(self, auth_prefix: str = "SBX") -> None:
        self.lock = asyncio.Lock()
        self.claims: dict[str, ClaimRecord] = {}
        self.requests: list[dict[str, Any]] = []  # every call, for tests and demos
        self._numbers = itertools.count(1)
        self.auth_prefix = auth_prefix

    def next_auth_number(self) -> str:
        return f"{self.auth_prefix}-{next(self._numbers):06d}"

    def reset(self) -> None:
        self.claims.clear()
        self.requests.clear()
