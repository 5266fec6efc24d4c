"""The optimizer's inputs (the day problem, its items, the solve limits) as plain data: the
service builds them without importing OR-Tools, which is loaded only when a day is solved."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.clinic import Chair, DayFrame, RatioPolicy
from ..domain.daystate import Visit
from ..domain.pharmacy import PharmacyDay


@dataclass(frozen=True)
class PlanItem:
    """A visit the optimizer may place: window in minutes after opening."""

    id: str
    minutes: int
    acuity_class: str
    earliest: int
    latest_start: int
    latest_end: int
    requested: int
    pediatric: bool = False
    prep_minutes: int = 0  # pharmacy preparation finishing at the start (domain/pharmacy.py)
    current: Visit | None = None  # where it is now (solution hint, chair preference)
    optional: bool = False  # may be refused (benchmark: offline acceptance)
    # a high-acuity first dose: only a high-acuity-capable chair takes it. The caller copies
    # what BookingPolicy.needs_high_acuity_chair decided at signing (appointment, request),
    # so the optimizer applies the booking's rule, never a second one.
    high_acuity_chair: bool = False


# Chair capabilities: what a chair takes beyond an ordinary adult visit. A visit needs a chair
# whose capabilities include all of its needs (a child's high-acuity first dose: both).
PEDIATRIC = "pediatric"
HIGH_ACUITY = "high_acuity"
Caps = frozenset[str]
NO_CAPABLE_CHAIR = "no_capable_chair"  # why an item is left unplaced (PlanResult.reasons)


def chair_caps(chair: Chair) -> Caps:
    return frozenset(name for name, on in ((PEDIATRIC, chair.pediatric_capable),
                                           (HIGH_ACUITY, chair.high_acuity_capable)) if on)


def needs(visit: PlanItem | Visit) -> Caps:
    """The capabilities a chair must have to take this item or visit."""
    return frozenset(name for name, on in ((PEDIATRIC, visit.pediatric),
                                           (HIGH_ACUITY, visit.high_acuity_chair)) if on)


def caps_order(caps: Caps) -> tuple[int, tuple[str, ...]]:
    """Ordinary chairs first, then the least capable: a visit keeps the scarcer chairs free."""
    return len(caps), tuple(sorted(caps))


def pool_key(caps: Caps) -> str:
    """The choice key of a pool of identical chairs (never a chair id: ids have no ':')."""
    return "pool:" + ("+".join(sorted(caps)) or "ordinary")


@dataclass(frozen=True)
class DayProblem:
    frame: DayFrame
    chairs: list[Chair]
    nurses: list[int]
    policy: RatioPolicy
    fixed: list[Visit]
    items: list[PlanItem]
    grid: int = 5
    pharmacy: PharmacyDay | None = None  # None: preparation is not a limited resource


@dataclass(frozen=True)
class SolveOptions:
    time_limit_s: float = 10.0
    workers: int = 2
    seed: int = 0
    overtime_weight: int = 10  # one minute of overtime costs as much as ten minutes of wait
    refusal_penalty: int = 100_000
    formulation: str = "interval"  # interval (fast plans) | time_indexed (exact rows, proofs)
    lp_bound: bool = True  # also solve the LP relaxation for a lower bound (optimizer/bound.py)
    # LP rounding + order search until at most this share of the limit (it stops sooner once it
    # has converged, heuristic.OrderSearch), CP-SAT the rest
    heuristic_share: float = 0.85
