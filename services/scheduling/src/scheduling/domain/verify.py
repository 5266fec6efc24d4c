"""An independent, deliberately naive checker of a whole day's plan against the hard rules.

Used by the property tests, the benchmark ("ratio violations: must be 0") and as a guard on
optimizer output before anything is proposed. It recomputes everything from the visits list,
sharing no arrays with DayState, so a bug in the fast slot search cannot hide here.
"""

from __future__ import annotations

from itertools import pairwise

from .clinic import Chair, DayFrame, RatioPolicy
from .daystate import Visit
from .errors import Violation
from .pharmacy import PharmacyDay, pharmacy_violations


def verify_day(frame: DayFrame, chairs: list[Chair], nurses: list[int], policy: RatioPolicy,
               visits: list[Visit], *, end_limit: int | None = None,
               pharmacy: PharmacyDay | None = None) -> list[Violation]:
    """Every broken rule: chair overlap/eligibility (active; pediatric and high-acuity capable
    when the visit needs it), hours, nurse ratio, start staggering and
    (given a pharmacy picture) preparations beyond the staffed hoods."""
    by_id = {c.id: c for c in chairs}
    limit = frame.horizon if end_limit is None else end_limit
    out: list[Violation] = []
    for v in visits:
        chair = by_id.get(v.chair_id)
        if v.end <= v.start:
            out.append(Violation("empty_visit", v.start, "visit has no duration", (v.id,)))
        if v.start < 0 or v.end > limit:
            out.append(Violation("outside_hours", v.start, "visit outside the day", (v.id,)))
        if chair is None or not chair.active:
            out.append(Violation("chair_unavailable", v.start, v.chair_id, (v.id,)))
            continue
        # each capability on its own: a child's high-acuity first dose needs a chair that is both
        if v.pediatric and not chair.pediatric_capable:
            out.append(Violation("chair_not_pediatric", v.start, v.chair_id, (v.id,)))
        if v.high_acuity_chair and not chair.high_acuity_capable:
            out.append(Violation("chair_not_high_acuity", v.start, v.chair_id, (v.id,)))
    ordered = sorted(visits, key=lambda v: (v.chair_id, v.start))
    for a, b in pairwise(ordered):
        if a.chair_id == b.chair_id and b.start < a.end:
            out.append(Violation("chair_overlap", b.start, a.chair_id, (a.id, b.id)))
    units = policy.units_per_nurse
    for t in range(frame.horizon):
        present = [v for v in visits if v.start <= t < v.end]
        if not present:
            continue
        available = nurses[t] if 0 <= t < len(nurses) else 0
        load = sum(policy.weight(v.acuity_class) for v in present)
        if load > available * units:
            out.append(Violation("nurse_ratio", t, f"load {load} > {available}x{units}",
                                 tuple(v.id for v in present)))
        starting = [v for v in present
                    if t < v.start + min(policy.setup(v.acuity_class), v.end - v.start)]
        if len(starting) > available:
            out.append(Violation("nurse_starts", t, f"{len(starting)} set-ups > {available}",
                                 tuple(v.id for v in starting)))
    out.extend(pharmacy_violations(pharmacy, visits))
    return out


def ratio_violation_count(violations: list[Violation]) -> int:
    """Minutes at which a nurse rule (ratio or staggered start) is broken."""
    return sum(1 for v in violations if v.kind in ("nurse_ratio", "nurse_starts"))
