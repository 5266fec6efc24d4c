"""What a 999 or a 277CA means for the claims of an 837P batch (payer-exchange.md §3).

* 999 IK5 ``R`` (also M, W, X) rejects **every claim in that transaction set**; the claim a CTX
  ``CLM01:<id>`` names carries the IK3/IK4 text, the others a reason saying which claim put the
  set in error. IK5 ``A`` or ``E`` changes no claim (the 277CA follows).
* 277CA STC01-1: ``A2`` (and ``A5`` split) accepted into adjudication, with REF*1K = the
  payer's claim control number; ``A3``/``A4``/``A6``/``A7``/``A8`` rejected (never
  adjudicated: fix and send a new version); ``A1`` received only, no change.

Code texts are short paraphrases of the X12 lists (payer-exchange.md §9.2).
"""

from __future__ import annotations

from dataclasses import dataclass

IK304 = {"1": "unrecognized segment", "2": "unexpected segment", "3": "required segment missing",
         "4": "loop occurs over maximum times", "5": "segment exceeds maximum use",
         "6": "segment not in defined transaction set", "7": "segment not in proper sequence",
         "8": "segment has data element errors", "I4": "'not used' segment present",
         "I6": "implementation dependent segment missing",
         "I7": "loop occurs under minimum times", "I8": "segment below minimum use",
         "I9": "implementation dependent 'not used' segment present"}
IK403 = {"1": "required data element missing", "2": "conditional required data element missing",
         "3": "too many data elements", "4": "data element too short",
         "5": "data element too long", "6": "invalid character in data element",
         "7": "invalid code value", "8": "invalid date", "9": "invalid time",
         "10": "exclusion condition violated", "12": "too many repetitions",
         "13": "too many components", "I6": "code value not used in implementation",
         "I9": "implementation dependent data element missing",
         "I10": "'not used' data element present", "I12": "pattern match failure"}
REJECTED_SETS = frozenset({"R", "M", "W", "X"})
CATEGORY = {"A1": "received", "A2": "accepted for adjudication", "A3": "returned unprocessable",
            "A4": "not found", "A5": "split", "A6": "rejected for missing information",
            "A7": "rejected for invalid information", "A8": "rejected for relational error"}
ACCEPTED = frozenset({"A2", "A5"})
REJECTED = frozenset({"A3", "A4", "A6", "A7", "A8"})
ENTITY = {"85": "billing provider", "82": "rendering provider", "IL": "subscriber",
          "QC": "patient", "PR": "payer", "41": "submitter", "DK": "ordering provider"}


@dataclass(frozen=True, slots=True)
class ElementError:
    position: str  # IK401 (element position in the segment)
    reference: str  # IK402 (data element reference number)
    code: str  # IK403


@dataclass(frozen=True, slots=True)
class SegmentProblem:
    segment: str  # IK301
    position: str  # IK302 (position in the transaction set)
    loop: str  # IK303
    code: str  # IK304
    clm01: str | None  # CTX CLM01
    elements: tuple[ElementError, ...] = ()

    def text(self) -> str:
        out = (f"999 IK3 {self.segment} segment {self.position}"
               + (f" (loop {self.loop})" if self.loop else "")
               + f": {IK304.get(self.code, 'error ' + self.code)}")
        for e in self.elements:
            out += (f"; IK4 {self.segment}{int(e.position):02d} (element {e.reference}): "
                    f"{IK403.get(e.code, 'error ' + e.code)}") if e.position.isdigit() else (
                f"; IK4 element {e.position}: {IK403.get(e.code, 'error ' + e.code)}")
        return out


@dataclass(frozen=True, slots=True)
class Verdict:
    """The word on one claim version (by its CLM01)."""

    clm01: str
    accepted: bool
    icn: str | None
    reasons: tuple[str, ...]


def set_rejections(outcome: str, st_control: str, problems: tuple[SegmentProblem, ...],
                   clm01s: tuple[str, ...]) -> list[Verdict]:
    """A 999 transaction set's outcome over the claims that set carried (case 12)."""
    if outcome not in REJECTED_SETS:
        return []
    named = {p.clm01 for p in problems if p.clm01}
    general = (f"999 IK5 {outcome}: transaction set {st_control} rejected"
               + (f" (claim {', '.join(sorted(named))} in error)" if named else ""))
    unnamed = tuple(p.text() for p in problems if not p.clm01)
    return [Verdict(clm01, False, None,
                    (general, *(p.text() for p in problems if p.clm01 == clm01), *unnamed))
            for clm01 in clm01s]


def claim_verdict(clm01: str, category: str, status_code: str, entity: str | None,
                  icn: str | None) -> Verdict | None:
    """One 277CA claim status; None when it changes nothing (A1 received)."""
    if category in ACCEPTED:
        return Verdict(clm01, True, icn, ())
    if category in REJECTED:
        who = f", {ENTITY.get(entity, 'entity ' + entity)}" if entity else ""
        return Verdict(clm01, False, None, (
            f"277CA {category} {CATEGORY[category]}: status code {status_code}{who}",))
    return None
