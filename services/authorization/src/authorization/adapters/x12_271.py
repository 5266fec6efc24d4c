"""Reading a 271 eligibility response (005010X279A1) into the domain's ``Answer``.

Call :func:`read_271` only on text that passed ``x12_validation.validate(text, "271")``. It
keeps the benefits (EB) of the patient's level (2110D when the response has a dependent loop,
else 2110C) and every rejection (AAA) with the loop it came from; names, ids and dates in the
response are not read.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..domain.eligibility import Answer, Benefit, Rejection
from .x12_validation import Segment, split

_LOOP_OF_LEVEL = {"20": "2100A", "21": "2100B", "22": "2100C", "23": "2100D"}


def _el(seg: Segment, i: int) -> str | None:
    return seg[i] if len(seg) > i and seg[i] != "" else None


def _dec(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _benefit(seg: Segment, repetition: str) -> Benefit:
    types = _el(seg, 3)
    return Benefit(code=seg[1], coverage_level=_el(seg, 2),
                   service_types=tuple(types.split(repetition)) if types else (),
                   plan=_el(seg, 5), period=_el(seg, 6), amount=_dec(_el(seg, 7)),
                   percent=_dec(_el(seg, 8)), in_network=_el(seg, 12))


def read_271(text: str) -> Answer:
    segs, _, repetition = split(text)
    levels = [s[3] for s in segs if s[0] == "HL" and len(s) > 3]
    patient_level = "23" if "23" in levels else "22"
    level, in_2110 = "", False
    benefits: list[Benefit] = []
    rejections: list[Rejection] = []
    for seg in segs:
        name = seg[0]
        if name == "HL":
            level, in_2110 = (seg[3] if len(seg) > 3 else ""), False
        elif name == "EB":
            in_2110 = True
            if level == patient_level:
                benefits.append(_benefit(seg, repetition))
        elif name == "AAA" and len(seg) > 3:
            loop = _LOOP_OF_LEVEL.get(level, "2100A")
            if in_2110:
                loop = loop.replace("2100", "2110")
            rejections.append(Rejection(loop=loop, code=seg[3], follow_up=_el(seg, 4)))
    return Answer(benefits=tuple(benefits), rejections=tuple(rejections))
