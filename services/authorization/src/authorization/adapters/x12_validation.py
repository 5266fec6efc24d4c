"""Every 270 sent and every 271 read is checked against 005010X279A1 before it is trusted.

The transaction set is validated by x12sdk (pinned; the maintained, pydantic-2 continuation of
linuxforhealth-x12, whose 270/271 models it keeps): loops, segments, code lists, HL nesting,
the SE count. Its reader skips the envelope, so the ISA and GS segments are validated with
x12sdk's own envelope models here, and the control numbers and counts (SE/ST, GE/GS, IEA/ISA)
are matched here.

Two checks are Chairside's own, where x12sdk is looser or wrong:
- a 270 must ask something: the patient's loop (2110C, or 2110D for a dependent) carries at
  least one EQ;
- x12sdk validates AAA03 in 2100C/2100D against the 2100B code list (so a valid "72 invalid
  member id" or "75 subscriber not found" fails). AAA03 in those loops is checked against the
  guide's list here, and x12sdk sees a code from its own list in that position instead.

Problems name the place (loop path, segment, element) and the kind of error, never a value:
the text carries names, birth dates and member ids.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ValidationError
from x12sdk.io import X12ModelReader
from x12sdk.v5010.segments import GsSegment, IsaSegment

GUIDE = "005010X279A1"
# AAA03 codes the guide allows in 2100C/2100D (subscriber/dependent request validation).
AAA03_MEMBER = frozenset({"15", "35", "42", "43", "45", "47", "48", "49", "51", "52", "56",
                          "57", "58", "60", "61", "62", "63", "64", "65", "66", "67", "68",
                          "71", "72", "73", "74", "75", "76", "77", "78"})
_LIBRARY_OK_CODE = "15"  # in x12sdk's (2100B) list and the guide's 2100C/D list


class X12Invalid(Exception):
    """The text is not a valid 005010X279A1 transaction; ``problems`` name where and why."""

    def __init__(self, kind: str, problems: list[str]) -> None:
        super().__init__(f"{kind} is not valid {GUIDE}: " + "; ".join(problems[:5]))
        self.kind = kind
        self.problems = problems


Segment = list[str]


def split(text: str) -> tuple[list[Segment], str, str]:
    """Segments (elements split), the segment terminator and the repetition separator."""
    text = text.lstrip()
    if len(text) < 106 or not text.startswith("ISA"):
        raise X12Invalid("interchange", ["ISA: must open with a 106-character ISA segment"])
    element, repetition, terminator = text[3], text[82], text[105]
    body = text.replace("\r", "").replace("\n", "")
    return ([s.split(element) for s in body.split(terminator) if s.strip()], terminator,
            repetition)


def _model_problems(model: type[IsaSegment] | type[GsSegment], seg: Segment) -> list[str]:
    names = [n for n in model.model_fields if n not in ("delimiters", "segment_name")]
    if len(seg) - 1 != len(names):
        return [f"{seg[0]}: {len(seg) - 1} elements, expected {len(names)}"]
    try:
        model(**dict(zip(names, seg[1:], strict=True)))
    except ValidationError as exc:
        return [f"{seg[0]}.{'.'.join(str(p) for p in e['loc'])}: {e['type']}"
                for e in exc.errors(include_input=False)]
    return []


def _envelope(segs: list[Segment], st01: str, gs01: str) -> list[str]:
    names = [s[0] for s in segs]
    problems = _model_problems(IsaSegment, segs[0])
    if names.count("GS") != 1 or names.count("ST") != 1:
        return [*problems, "one GS group holding one ST transaction set is expected"]
    gs, st = segs[names.index("GS")], segs[names.index("ST")]
    se = segs[names.index("SE")] if "SE" in names else ["SE", "", ""]
    ge = segs[names.index("GE")] if "GE" in names else ["GE", "", ""]
    iea = segs[-1] if names[-1] == "IEA" else ["IEA", "", ""]
    problems += _model_problems(GsSegment, gs)
    checks = [
        (gs[1:2] == [gs01], f"GS01: expected {gs01}"),
        (gs[8:9] == [GUIDE], f"GS08: expected {GUIDE}"),
        (st[1:2] == [st01], f"ST01: expected {st01}"),
        (st[3:4] == [GUIDE], f"ST03: expected {GUIDE}"),
        (se[2:3] == st[2:3], "SE02: does not match ST02"),
        (ge[1:2] == ["1"], "GE01: expected 1 transaction set"),
        (ge[2:3] == gs[6:7], "GE02: does not match GS06"),
        (iea[1:2] == ["1"], "IEA01: expected 1 functional group"),
        (iea[2:3] == segs[0][13:14], "IEA02: does not match ISA13"),
    ]
    return problems + [msg for ok, msg in checks if not ok]


def _member_aaa(segs: list[Segment]) -> tuple[list[Segment], list[str]]:
    """AAA03 in 2100C/2100D checked against the guide; a library-accepted code put in its
    place for x12sdk (see the module docstring)."""
    out, problems, level, in_2110 = [], [], "", False
    for seg in segs:
        if seg[0] == "HL":
            level, in_2110 = (seg[3] if len(seg) > 3 else ""), False
        elif seg[0] == "EB":
            in_2110 = True
        elif seg[0] == "AAA" and level in ("22", "23") and not in_2110 and len(seg) > 3:
            if seg[3] not in AAA03_MEMBER:
                problems.append(f"AAA03 (2100{'C' if level == '22' else 'D'}): not a code "
                                "the guide allows here")
            seg = [*seg[:3], _LIBRARY_OK_CODE, *seg[4:]]
        out.append(seg)
    return out, problems


def _eq_present(segs: list[Segment]) -> list[str]:
    """The patient's loop asks at least one EQ (2110C, or 2110D when a dependent follows)."""
    levels = [s[3] for s in segs if s[0] == "HL" and len(s) > 3]
    patient_level = "23" if "23" in levels else "22"
    level, asked = "", False
    for seg in segs:
        if seg[0] == "HL":
            level = seg[3] if len(seg) > 3 else ""
        elif seg[0] == "EQ" and level == patient_level:
            asked = True
    return [] if asked else [f"2110{'D' if patient_level == '23' else 'C'}: no EQ segment"]


def _library(text: str, st01: str) -> list[str]:
    try:
        with X12ModelReader(text) as reader:
            models = list(reader.models())
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in e['loc']) or 'transaction'}: {e['type']}"
                for e in exc.errors(include_input=False)]
    except (KeyError, LookupError, ValueError, TypeError) as exc:
        # x12sdk raises KeyError for a segment the guide does not have in this set
        return [f"transaction: unreadable ({type(exc).__name__})"]
    codes = [getattr(getattr(getattr(m, "header", None), "st_segment", None),
                     "transaction_set_identifier_code", None) for m in models]
    return [] if codes == [st01] else [f"transaction: expected one {st01}"]


def validate(text: str, kind: Literal["270", "271"]) -> None:
    """Raise X12Invalid unless ``text`` is one valid 005010X279A1 ``kind`` interchange."""
    segs, terminator, _ = split(text)
    problems = _envelope(segs, kind, "HS" if kind == "270" else "HB")
    if kind == "270":
        problems += _eq_present(segs)
        checked = text
    else:
        segs, aaa = _member_aaa(segs)
        problems += aaa
        element = text.lstrip()[3]
        checked = terminator.join(element.join(s) for s in segs) + terminator
    problems += _library(checked, kind)
    if problems:
        raise X12Invalid(kind, problems)
