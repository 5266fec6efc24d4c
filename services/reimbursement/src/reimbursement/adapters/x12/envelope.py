"""X12 delimiters, element cleaning and the ISA/GS envelope shared by the 837P writer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

ELEMENT, COMPONENT, REPETITION, SEGMENT = "*", ":", "^", "~"
_UNSAFE = re.compile(r"[*:^~\r\n]")


def clean(value: object, limit: int | None = None) -> str:
    """Upper-case text with delimiter characters removed, cut to ``limit``."""
    text = _UNSAFE.sub(" ", str(value)).strip().upper()
    text = re.sub(r"\s+", " ", text)
    return text[:limit] if limit else text


def segment(*elements: object) -> str:
    """Join elements, dropping trailing empties (X12 forbids trailing separators)."""
    parts = ["" if e is None else str(e) for e in elements]
    while parts and parts[-1] == "":
        parts.pop()
    return ELEMENT.join(parts) + SEGMENT


def composite(*components: object) -> str:
    parts = ["" if c is None else str(c) for c in components]
    while parts and parts[-1] == "":
        parts.pop()
    return COMPONENT.join(parts)


@dataclass(frozen=True, slots=True)
class Interchange:
    sender_id: str
    receiver_id: str
    control_number: int
    created_at: datetime
    usage: str = "T"  # T test / P production
    sender_qualifier: str = "ZZ"
    receiver_qualifier: str = "ZZ"

    def isa(self) -> str:
        return segment(
            "ISA", "00", " " * 10, "00", " " * 10, self.sender_qualifier,
            clean(self.sender_id).ljust(15)[:15], self.receiver_qualifier,
            clean(self.receiver_id).ljust(15)[:15], self.created_at.strftime("%y%m%d"),
            self.created_at.strftime("%H%M"), REPETITION, "00501",
            f"{self.control_number:09d}", "0", self.usage, COMPONENT,
        )

    def gs(self, functional_code: str, version: str) -> str:
        return segment("GS", functional_code, clean(self.sender_id), clean(self.receiver_id),
                       self.created_at.strftime("%Y%m%d"), self.created_at.strftime("%H%M"),
                       self.control_number, "X", version)

    def ge(self, transactions: int) -> str:
        return segment("GE", transactions, self.control_number)

    def iea(self) -> str:
        return segment("IEA", 1, f"{self.control_number:09d}")
