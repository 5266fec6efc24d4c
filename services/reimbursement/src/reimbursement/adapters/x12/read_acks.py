"""Reading the acknowledgements a clearinghouse sends back for an 837P batch: the 999
(005010X231A1, per functional group) and the 277CA (005010X214, per claim). Values only; what
they mean for a claim is domain/acks.py."""

from __future__ import annotations

from dataclasses import dataclass, field


class AckFileError(ValueError):
    """Not an X12 interchange this reader knows."""


@dataclass
class SegmentError:
    """One IK3 (segment) with its IK4s (elements) and the CTX naming the claim."""

    segment: str
    position: str
    loop: str
    code: str
    clm01: str | None = None
    elements: list[tuple[str, str, str]] = field(default_factory=list)  # IK401, IK402, IK403


@dataclass
class SetAck:
    """One AK2 .. IK5: the acknowledgement of one 837 transaction set."""

    st_control: str
    outcome: str  # IK501: A accepted, E accepted with errors, R (M, W, X) rejected
    errors: list[SegmentError] = field(default_factory=list)


@dataclass
class Ack999:
    gs_control: str  # AK102: the group control number of the 837 acknowledged
    sets: list[SetAck]
    group_outcome: str  # AK901


@dataclass
class ClaimAck:
    """One claim's status in a 277CA (loop 2200D)."""

    clm01: str  # TRN02
    category: str  # STC01-1: A1 .. A8
    status_code: str  # STC01-2
    entity: str | None  # STC01-3
    icn: str | None  # REF*1K


def split(text: str) -> list[list[str]]:
    body = text.strip()
    if not body.startswith("ISA") or len(body) < 106:
        raise AckFileError("not an X12 interchange (no ISA)")
    element, terminator = body[3], body[105]
    return [seg.strip().split(element) for seg in body.split(terminator) if seg.strip()]


def transaction_type(text: str) -> str:
    """ST01 of the first transaction set: 999, 277, 835 ..."""
    st = next((s for s in split(text) if s[0] == "ST"), None)
    if st is None or len(st) < 2:
        raise AckFileError("no ST segment")
    return st[1]


def read_999(text: str) -> list[Ack999]:
    out: list[Ack999] = []
    ack: Ack999 | None = None
    current: SetAck | None = None
    error: SegmentError | None = None
    for seg in split(text):
        tag = seg[0]
        if tag == "AK1":
            ack = Ack999(seg[2], [], "")
            out.append(ack)
        elif tag == "AK2" and ack is not None:
            current = SetAck(seg[2], "")
            ack.sets.append(current)
            error = None
        elif tag == "IK3" and current is not None:
            error = SegmentError(seg[1], _at(seg, 2), _at(seg, 3), _at(seg, 4))
            current.errors.append(error)
        elif tag == "CTX" and error is not None and seg[1].startswith("CLM01:"):
            error.clm01 = seg[1].split(":", 1)[1]
        elif tag == "IK4" and error is not None:
            error.elements.append((_at(seg, 1), _at(seg, 2), _at(seg, 3)))
        elif tag == "IK5" and current is not None:
            current.outcome = seg[1]
            current, error = None, None
        elif tag == "AK9" and ack is not None:
            ack.group_outcome = seg[1]
    return out


def read_277ca(text: str) -> list[ClaimAck]:
    out: list[ClaimAck] = []
    patient = False
    claim: ClaimAck | None = None
    for seg in split(text):
        tag = seg[0]
        if tag == "HL":
            patient = seg[-1] == "PT"
            claim = None
        elif patient and tag == "TRN" and _at(seg, 1) == "2":
            claim = ClaimAck(seg[2], "", "", None, None)
            out.append(claim)
        elif claim is not None and tag == "STC" and not claim.category:
            parts = seg[1].split(":")
            claim.category, claim.status_code = parts[0], _at(parts, 1)
            claim.entity = _at(parts, 2) or None
        elif claim is not None and tag == "REF" and _at(seg, 1) == "1K":
            claim.icn = seg[2]
    return out


def _at(items: list[str], index: int) -> str:
    return items[index] if len(items) > index else ""
