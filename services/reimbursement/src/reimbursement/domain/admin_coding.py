"""CPT drug-administration codes (office, non-chemotherapy) from the visit timeline.

Rules (domain reference B1):
* one initial service per encounter, chosen by the hierarchy infusion > push > hydration
  (an office picks the main reason for the visit; with no chemo that is the drug infusion);
* an infusion is >= 16 minutes, otherwise it is coded as a push;
* 96365 initial infusion; +96366 per additional hour, the first at >= 91 min, the next at
  >= 151 min (a fraction over 30 minutes counts); +96366 also extends sequential infusions;
* +96367 sequential infusion of a *new* drug; +96368 concurrent infusion, once per encounter;
* 96374 initial push; +96375 each push of a *new* drug; a repeat push of the same drug would be
  +96376, which offices cannot bill (status X on the MPFS), so it is never emitted;
* hydration (96360 / +96361) needs more than 30 minutes; minutes when a drug ran alongside do
  not count (the fluid was a carrier), and after a drug initial service it is +96361.
Which fluids count as hydration (ordered as hydration, documented, timed; a payer may add
electrolytes) is ``hydration.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reimbursement.domain.fees import CodingPolicy
from reimbursement.domain.hydration import (
    HYDRATION_MIN_MINUTES,
    first_hour_extra_units,
    is_hydration,
    net_minutes,
    secondary_units,
    split_fluids,
)
from reimbursement.domain.visit import Given

__all__ = ["HYDRATION_MIN_MINUTES", "INFUSION_MIN_MINUTES", "AdminCoding", "AdminLine",
           "additional_hours", "code_administration", "is_hydration",
           "secondary_hydration_units"]

INFUSION_MIN_MINUTES = 16


@dataclass(frozen=True, slots=True)
class AdminLine:
    code: str
    units: int
    sequences: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class AdminCoding:
    lines: tuple[AdminLine, ...]
    notes: tuple[str, ...]


def additional_hours(minutes: int) -> int:
    """+96366 / +96361 units after a first hour: one at >= 91 min, two at >= 151 min..."""
    return first_hour_extra_units(minutes)


def secondary_hydration_units(minutes: int) -> int:
    """+96361 units for hydration after another initial service: >30 min per hour block."""
    return secondary_units(minutes)


def code_administration(given: Sequence[Given], policy: CodingPolicy) -> AdminCoding:
    split = split_fluids(given, policy)
    drugs, fluids = list(split.drugs), list(split.hydration)
    infusions = sorted(
        (g for g in drugs if g.mode == "infusion" and g.minutes >= INFUSION_MIN_MINUTES),
        key=lambda g: (g.started_at, -g.minutes, g.sequence),
    )
    infused = {id(g) for g in infusions}
    pushes = sorted((g for g in drugs if id(g) not in infused),
                    key=lambda g: (g.started_at, g.sequence))
    coder = _Coder()
    for g in infusions:
        coder.infusion(g)
    for g in pushes:
        coder.push(g)
    if fluids:
        coder.hydration(fluids, drugs)
    return AdminCoding(coder.out.lines(), split.notes + tuple(coder.notes))


class _Coder:
    """One encounter's coding state: the initial service, the drugs already coded."""

    def __init__(self) -> None:
        self.out = _Lines()
        self.notes: list[str] = []
        self.seen: set[str] = set()
        self.primaries: list[Given] = []
        self.initial: Given | None = None
        self.concurrent_done = False

    def infusion(self, g: Given) -> None:
        if any(g.started_at < p.stopped_at for p in self.primaries):
            if not self.concurrent_done and g.drug_code not in self.seen:
                self.out.add("96368", 1, g.sequence)
                self.concurrent_done = True
                self.seen.add(g.drug_code)
            else:
                self.notes.append(f"line {g.sequence}: concurrent infusion not reported again "
                                  "(96368 once per encounter)")
            return
        if self.initial is None:
            self.out.add("96365", 1, g.sequence)
            self.initial = g
        elif g.drug_code in self.seen:
            self.notes.append(f"line {g.sequence}: repeat infusion of the same drug is not a "
                              "sequential infusion (96367 needs a new drug)")
            return
        else:
            self.out.add("96367", 1, g.sequence)
        self.seen.add(g.drug_code)
        self.primaries.append(g)
        if extra := additional_hours(g.minutes):
            self.out.add("96366", extra, g.sequence)

    def push(self, g: Given) -> None:
        if g.mode == "infusion":
            self.notes.append(f"line {g.sequence}: {g.minutes}-minute infusion coded as a push "
                              f"(under {INFUSION_MIN_MINUTES} min)")
        if self.initial is None:
            self.out.add("96374", 1, g.sequence)
            self.initial = g
            self.seen.add(g.drug_code)
        elif g.drug_code not in self.seen:
            self.out.add("96375", 1, g.sequence)
            self.seen.add(g.drug_code)
        else:
            self.notes.append(f"line {g.sequence}: repeat push of the same drug (96376) is not "
                              "billable on an office claim")

    def hydration(self, fluids: Sequence[Given], drugs: Sequence[Given]) -> None:
        net = net_minutes(fluids, drugs)
        seqs = tuple(sorted(f.sequence for f in fluids))
        if net < HYDRATION_MIN_MINUTES:
            self.notes.append(f"hydration of {net} min (after time alongside drugs) is not "
                              "reportable (needs more than 30 min)")
        elif self.initial is None:
            self.out.add("96360", 1, *seqs)
            if extra := additional_hours(net):
                self.out.add("96361", extra, *seqs)
        else:
            self.out.add("96361", secondary_hydration_units(net), *seqs)


class _Lines:
    """Accumulates units per code, keeping first-appearance order (add-ons follow primaries)."""

    def __init__(self) -> None:
        self._units: dict[str, int] = {}
        self._seqs: dict[str, list[int]] = {}

    def add(self, code: str, units: int, *sequences: int) -> None:
        self._units[code] = self._units.get(code, 0) + units
        known = self._seqs.setdefault(code, [])
        for seq in sequences:
            if seq not in known:
                known.append(seq)

    def lines(self) -> tuple[AdminLine, ...]:
        return tuple(AdminLine(c, u, tuple(self._seqs[c])) for c, u in self._units.items() if u > 0)
