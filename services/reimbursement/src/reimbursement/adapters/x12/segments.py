"""X12 text -> segments, each with the source line it starts on; errors name that line.

The delimiters come from the ISA segment (element separator at 3, component at 104, segment
terminator at 105), so the same interchange written with '~', '~' plus CRLF or LF, or a newline
as terminator reads as the same segments.
"""

from __future__ import annotations

from dataclasses import dataclass

from reimbursement.domain.remittance import RemittanceKey


@dataclass(frozen=True, slots=True)
class X12Error:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class RemittanceFileError(ValueError):
    """Every problem found; ``keys`` are the remittance keys that could be read (to quarantine
    the file under them)."""

    def __init__(self, errors: list[X12Error], keys: list[RemittanceKey] | None = None) -> None:
        super().__init__("; ".join(str(e) for e in errors[:5]))
        self.errors = errors
        self.keys = keys or []


@dataclass(frozen=True, slots=True)
class Segment:
    id: str
    elements: list[str]
    line: int

    def get(self, index: int) -> str:
        return self.elements[index] if index < len(self.elements) else ""


def tokenize(text: str) -> tuple[list[Segment], str]:
    """Split on the delimiters declared in ISA; each segment keeps its source line."""
    body = text.lstrip("\ufeff")
    lead = len(body) - len(body.lstrip())
    start_line = body[:lead].count("\n") + 1
    body = body.lstrip()
    if not body.startswith("ISA") or len(body) < 106:
        raise RemittanceFileError([X12Error(start_line, "not an X12 file: expected a 106-character "
                                                         "ISA segment first")])
    element, component, terminator = body[3], body[104], body[105]
    segments: list[Segment] = []
    line = start_line
    for raw in body.split(terminator):
        stripped = raw.strip("\r\n ")
        seg_line = line + raw[: len(raw) - len(raw.lstrip("\r\n "))].count("\n")
        line += raw.count("\n")
        if stripped:
            parts = stripped.split(element)
            segments.append(Segment(parts[0].upper(), parts, seg_line))
    return segments, component
