"""Pharmacy preparation as a limited resource (scheduling.md §5: "pharmacy prep of 10–30 min
finishing before the start (capacity = hoods)").

A visit with ``prep_minutes`` > 0 occupies one staffed hood during [start - prep_minutes, start).
The pharmacy may open before the clinic (``lead`` minutes), so its capacity is indexed from
-lead: ``capacity[i]`` is the number of hoods staffed by a pharmacist at minute ``i - lead``
after opening. No pharmacy picture (None) means preparation is not limited (the old model).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .daystate import Visit
from .errors import Violation


@dataclass(frozen=True)
class PharmacyDay:
    lead: int  # minutes before the clinic opens that the first pharmacist shift may start
    capacity: list[int]  # hoods staffed per minute, index 0 = minute -lead

    def at(self, minute: int) -> int:
        """Hoods staffed at ``minute`` after opening (0 outside the pharmacy's day)."""
        i = minute + self.lead
        return self.capacity[i] if 0 <= i < len(self.capacity) else 0


def prep_interval(visit: Visit) -> tuple[int, int] | None:
    """[lo, hi) minutes after opening during which the visit's preparation holds a hood."""
    if visit.prep_minutes <= 0:
        return None
    return visit.start - visit.prep_minutes, visit.start


def pharmacy_violations(pharmacy: PharmacyDay | None, visits: Iterable[Visit]) -> list[Violation]:
    """Minutes at which more preparations run than hoods are staffed (naive, for the verifier)."""
    if pharmacy is None:
        return []
    running: dict[int, list[str]] = {}
    for v in visits:
        span = prep_interval(v)
        if span is None:
            continue
        for t in range(*span):
            running.setdefault(t, []).append(v.id)
    return [Violation("pharmacy_capacity", t, f"{len(ids)} preparations > {pharmacy.at(t)} hoods",
                      tuple(ids))
            for t, ids in sorted(running.items()) if len(ids) > pharmacy.at(t)]
