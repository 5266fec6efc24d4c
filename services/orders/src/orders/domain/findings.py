"""A safety finding: what the engine says about one line or the whole order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["block", "warn", "info"]
SEVERITY_ORDER = {"block": 0, "warn": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    line: int | None = None  # the line's sequence number; None = the order as a whole

    def to_dict(self) -> dict[str, str | int | None]:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "line": self.line}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Finding:
        return cls(code=d["code"], severity=d["severity"], message=d["message"],
                   line=d.get("line"))


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.line or 0, f.code))
