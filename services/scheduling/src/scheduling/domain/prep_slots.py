"""Slot search's pharmacy rule: a visit's preparation, [start - prep, start), needs a staffed
hood free at every minute, and cannot begin before the moment asked for (``prep_from``: now).

Only a day with a pharmacy picture (``DayState.pharmacy``) limits preparation; without one the
service keeps its fixed preparation lead (domain/booking.py ``ready_time``).
"""

from __future__ import annotations

from datetime import datetime

from .daystate import DayState, Visit
from .errors import Reason


def limited(state: DayState, prep_minutes: int) -> bool:
    return state.pharmacy is not None and prep_minutes > 0


def earliest_start(state: DayState, prep_minutes: int, prep_from: datetime | None) -> int | None:
    """The first minute a visit may start when its preparation begins no earlier than
    ``prep_from`` (None: no such bound)."""
    if not limited(state, prep_minutes) or prep_from is None:
        return None
    return state.frame.minute_ceil(prep_from) + prep_minutes


def _own(exclude: Visit | None, lead: int) -> tuple[int, int]:
    """The excluded (moved) visit's own preparation, as indexes of the pharmacy's day."""
    if exclude is None or exclude.prep_minutes <= 0:
        return 0, 0
    return exclude.start - exclude.prep_minutes + lead, exclude.start + lead


def next_full(state: DayState, prep_minutes: int, exclude: Visit | None) -> list[int] | None:
    """next_full[i] = first index >= i of the pharmacy's day with no staffed hood free (its
    length when none); None when preparation does not limit this request."""
    pharmacy = state.pharmacy
    if pharmacy is None or prep_minutes <= 0:
        return None
    prep, cap = state.prep, pharmacy.capacity
    lo, hi = _own(exclude, pharmacy.lead)
    size = len(cap)
    out = [size] * (size + 1)
    for i in range(size - 1, -1, -1):
        used = prep[i] - (1 if lo <= i < hi else 0)
        out[i] = out[i + 1] if used < cap[i] else i
    return out


def fits(state: DayState, full: list[int] | None, start: int, prep_minutes: int) -> bool:
    """Whether the preparation ending at ``start`` finds a hood at every minute."""
    if full is None or state.pharmacy is None:
        return True
    first = start - prep_minutes + state.pharmacy.lead
    return first >= 0 and full[first] >= start + state.pharmacy.lead


def prep_reasons(state: DayState, prep_minutes: int, prep_from: datetime | None, start: int,
                 exclude: Visit | None = None) -> list[Reason]:
    """Why the preparation for a visit starting at ``start`` cannot be done (empty: it can)."""
    pharmacy = state.pharmacy
    if pharmacy is None or prep_minutes <= 0:
        return []
    reasons = []
    bound = earliest_start(state, prep_minutes, prep_from)
    if bound is not None and start < bound:
        reasons.append(Reason("pharmacy_lead", f"the pharmacy needs {prep_minutes} min to "
                              "prepare the drugs before that start"))
    lo, hi = _own(exclude, pharmacy.lead)
    for t in range(start - prep_minutes, start):
        i = t + pharmacy.lead
        cap = pharmacy.capacity[i] if 0 <= i < len(pharmacy.capacity) else 0
        if cap == 0:
            reasons.append(Reason("pharmacy_closed", "no pharmacist staffs a hood for the "
                                  "preparation before that start"))
            break
        if state.prep[i] - (1 if lo <= i < hi else 0) + 1 > cap:
            reasons.append(Reason("pharmacy_capacity", "every staffed hood is preparing other "
                                  "visits' drugs before that start"))
            break
    return reasons
