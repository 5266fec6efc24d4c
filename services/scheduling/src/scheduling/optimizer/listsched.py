"""List scheduling: items placed one after another, in a given order, each at its feasible start
closest to its request, on minute arrays of what is left (nurse monitoring, set-ups, chairs,
pharmacy hoods).

Each placement checks every hard rule the verifier checks (chairs, nurse monitoring, set-ups,
pharmacy hoods, the chair's pediatric and high-acuity capabilities), so a plan it returns is
valid. The order search (optimizer/heuristic.py) calls it thousands of times per solve, so a
start that fails tells how far the next possible one is (the last short minute of a resource,
the end of the chairs' blocking visits) and the search jumps there instead of trying every grid
start; the item's starts and loads are worked out once per problem (``Prepared``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .model import DayProblem, PlanItem, pharmacy_free, residuals
from .problem import caps_order, chair_caps, needs
from .timeindex import allowed_starts

Placement = tuple[int, str]  # start, chair id


@dataclass(frozen=True)
class ItemPrep:
    """What placing an item needs, independent of the order: its allowed starts, monitoring
    weight, set-up minutes and the chairs (in preference order) that take it."""

    item: PlanItem
    starts: list[int]
    weight: int
    setup: int
    chairs: list[str]


class Prepared:
    """A problem's items and empty board, worked out once for every order tried."""

    def __init__(self, problem: DayProblem) -> None:
        self.problem = problem
        pol, h = problem.policy, problem.frame.horizon
        # ordinary chairs first: capable chairs stay free for the items only they can take
        chairs = sorted((c for c in problem.chairs if c.active),
                        key=lambda c: (caps_order(chair_caps(c)), c.id))
        self.items = {it.id: ItemPrep(
            it, allowed_starts(problem, it.minutes, it.earliest, it.latest_start,
                               it.latest_end),
            pol.weight(it.acuity_class), min(pol.setup(it.acuity_class), it.minutes),
            [c.id for c in chairs if needs(it) <= chair_caps(c)]) for it in problem.items}
        self.mon, self.sup, _ = residuals(problem)
        self.ph = pharmacy_free(problem)
        self.busy: dict[str, list[tuple[int, int]]] = {c.id: [] for c in chairs}
        for v in problem.fixed:
            if v.chair_id in self.busy:
                self.busy[v.chair_id].append((max(0, v.start), min(h, v.end)))


def prepare(problem: DayProblem) -> Prepared:
    return Prepared(problem)


def _last_short(values: list[int], lo: int, hi: int, need: int) -> int:
    """The last index in [lo, hi) whose value is below ``need``, -1 when none is."""
    if hi <= lo or min(values[lo:hi]) >= need:
        return -1
    return next(t for t in range(hi - 1, lo - 1, -1) if values[t] < need)


class Board:
    """What is left per minute once fixed visits and placed items are counted."""

    def __init__(self, prepared: Prepared) -> None:
        self.p = problem = prepared.problem
        self.mon, self.sup, self.ph = list(prepared.mon), list(prepared.sup), list(prepared.ph)
        self.busy = {c: list(spans) for c, spans in prepared.busy.items()}
        self.lead = problem.pharmacy.lead if problem.pharmacy is not None else 0
        self.horizon = problem.frame.horizon

    def copy(self) -> Board:
        twin = object.__new__(Board)
        twin.p, twin.lead, twin.horizon = self.p, self.lead, self.horizon
        twin.mon, twin.sup, twin.ph = list(self.mon), list(self.sup), list(self.ph)
        twin.busy = {c: list(spans) for c, spans in self.busy.items()}
        return twin

    def try_start(self, it: ItemPrep, s: int) -> tuple[str | None, int]:
        """(chair, s) when the item fits at ``s``; else (None, the lowest start that might)."""
        e = s + it.item.minutes
        t = _last_short(self.mon, s, e, it.weight)
        if t >= 0:
            return None, t + 1
        t = _last_short(self.sup, s, s + it.setup, 1)
        if t >= 0:
            return None, t + 1
        prep = it.item.prep_minutes
        if self.p.pharmacy is not None and prep > 0:
            lo = s - prep + self.lead
            if lo < 0:  # the preparation would begin before the pharmacy's day
                return None, prep - self.lead
            t = _last_short(self.ph, lo, s + self.lead, 1)
            if t >= 0:  # minute t - lead has no hood: every start whose preparation covers it fails
                return None, t - self.lead + prep + 1
        nxt = e + self.horizon
        for c in it.chairs:
            blocked = [b for a, b in self.busy[c] if a < e and b > s]
            if not blocked:
                return c, s
            nxt = min(nxt, max(blocked))
        return None, nxt

    def closest(self, it: ItemPrep) -> Placement | None:
        """The feasible start closest to the request (the earlier one on a tie) and its
        chair."""
        starts, req = it.starts, it.item.requested
        k = bisect.bisect_left(starts, req)
        after: Placement | None = None
        while k < len(starts):  # upwards, jumping over starts that cannot fit
            chair, nxt = self.try_start(it, starts[k])
            if chair is not None:
                after = (starts[k], chair)
                break
            k = bisect.bisect_left(starts, max(nxt, starts[k] + 1), k + 1)
        limit = req - (after[0] - req) if after is not None else None
        for s in reversed(starts[:bisect.bisect_left(starts, req)]):  # downwards, nearest first
            if limit is not None and s < limit:
                break
            chair, _ = self.try_start(it, s)
            if chair is not None:
                return s, chair
        return after

    def place(self, it: ItemPrep, s: int, chair: str) -> None:
        e, w, u = s + it.item.minutes, it.weight, s + it.setup
        self.mon[s:e] = [x - w for x in self.mon[s:e]]
        self.sup[s:u] = [x - 1 for x in self.sup[s:u]]
        prep = it.item.prep_minutes
        if self.p.pharmacy is not None and prep > 0:
            lo, hi = s - prep + self.lead, s + self.lead
            self.ph[lo:hi] = [x - 1 for x in self.ph[lo:hi]]
        self.busy[chair].append((s, e))


def list_schedule(problem: DayProblem, order: list[PlanItem],
                  prepared: Prepared | None = None) -> dict[str, Placement] | None:
    """Place items in ``order``, each at its feasible start closest to its request; None when a
    mandatory item finds no place (optional ones are left out). ``prepared``: the same
    problem's ``prepare``, when many orders are tried."""
    run = schedule(prepared if prepared is not None else prepare(problem), order)
    return None if run is None else run.plan()


MARK_EVERY = 8  # positions between two saved boards of a run


@dataclass
class Run:
    """A list schedule with the board saved every MARK_EVERY positions, so an order that
    differs only from position k on is scheduled from the last saved board before k."""

    order: list[PlanItem]
    spots: list[Placement | None]  # per position; None: an optional item left out
    marks: dict[int, Board]  # position -> the board before placing order[position]

    def plan(self) -> dict[str, Placement]:
        return {it.id: spot for it, spot in zip(self.order, self.spots, strict=True)
                if spot is not None}


def schedule(prep: Prepared, order: list[PlanItem], base: Run | None = None,
             same_until: int = 0) -> Run | None:
    """The list schedule of ``order``; ``base``: a run whose order equals this one on its
    first ``same_until`` positions (its saved boards are reused, never changed)."""
    start = 0
    board: Board | None = None
    if base is not None:
        start = max((k for k in base.marks if k <= same_until), default=0)
        if start:
            board = base.marks[start].copy()
    if board is None:
        start, board = 0, Board(prep)
    spots = list(base.spots[:start]) if base is not None else []
    marks = {k: b for k, b in base.marks.items() if k <= start} if base is not None else {}
    for pos in range(start, len(order)):
        if pos % MARK_EVERY == 0 and pos not in marks:
            marks[pos] = board.copy()
        item = order[pos]
        it = prep.items[item.id]
        spot = board.closest(it)
        if spot is None and not item.optional:
            return None
        if spot is not None:
            board.place(it, *spot)
        spots.append(spot)
    return Run(order, spots, marks)
