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

Complex biologics: a payer may want named drugs (``CodingPolicy.complex_admin``) coded with the
chemotherapy / highly complex biologic family instead, which outranks every other service in
the hierarchy (chemo/complex > infusion > push > hydration, prior-auth-billing.md B1):
* 96413 initial infusion (>= 16 min; a shorter one is the push 96409); +96415 per additional
  hour on the same thresholds as +96366 (more than 30 minutes past the hour: 91, 151, ... min);
* +96417 sequential infusion of a *new* complex drug, its additional hours again +96415;
* +96411 push of a new complex drug after the initial service; a complex push (96409)
  outranks a non-complex infusion, which then is +96367;
* a non-complex drug after a complex initial service is +96367 / +96375 as usual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from reimbursement.domain.fees import CodingPolicy
from reimbursement.domain.hydration import (
    HYDRATION_MIN_MINUTES,
    first_hour_extra_units,
    is_hydration,
    net_minutes,
    secondary_units,
    split_fluids,
)
from reimbursement.domain.inventory import Product
from reimbursement.domain.ndc import NdcError, normalize_ndc
from reimbursement.domain.visit import Given

__all__ = ["COMPLEX", "HYDRATION_MIN_MINUTES", "INFUSION_MIN_MINUTES", "STANDARD", "AdminCoding",
           "AdminLine", "Family", "additional_hours", "code_administration", "is_complex",
           "is_hydration", "product_hcpcs", "secondary_hydration_units"]

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


@dataclass(frozen=True, slots=True)
class Family:
    """The CPT codes of one administration family."""

    initial_infusion: str
    additional_hour: str
    sequential: str
    initial_push: str
    additional_push: str


STANDARD = Family("96365", "96366", "96367", "96374", "96375")
COMPLEX = Family("96413", "96415", "96417", "96409", "96411")


def additional_hours(minutes: int) -> int:
    """+96366 / +96415 / +96361 units after a first hour: one at >= 91 min, two at >= 151 min..."""
    return first_hour_extra_units(minutes)


def secondary_hydration_units(minutes: int) -> int:
    """+96361 units for hydration after another initial service: >30 min per hour block."""
    return secondary_units(minutes)


def is_complex(given: Given, complex_admin: frozenset[str], hcpcs: str | None = None) -> bool:
    """The payer codes this drug with the 96413 family: its drug code, the order's HCPCS or
    the HCPCS of the product given (``hcpcs``) is on the payer's list."""
    return bool({given.drug_code, given.hcpcs, hcpcs} & complex_admin)


def product_hcpcs(given: Sequence[Given], products: Mapping[str, Product]) -> dict[int, str]:
    """The HCPCS each administration's NDC crosswalks to, by line (orders may name none)."""
    out: dict[int, str] = {}
    for g in given:
        try:
            product = products.get(normalize_ndc(g.ndc)) if g.ndc else None
        except NdcError:
            continue  # drug coding reports the bad NDC
        if product is not None and product.hcpcs:
            out[g.sequence] = product.hcpcs
    return out


def code_administration(given: Sequence[Given], policy: CodingPolicy, *,
                        hcpcs: Mapping[int, str] | None = None) -> AdminCoding:
    """``hcpcs``: each line's product HCPCS (``product_hcpcs``), for the payer's complex list."""
    split = split_fluids(given, policy)
    drugs, fluids = list(split.drugs), list(split.hydration)
    infusions = [g for g in drugs if g.mode == "infusion" and g.minutes >= INFUSION_MIN_MINUTES]
    infused = {id(g) for g in infusions}
    pushes = [g for g in drugs if id(g) not in infused]
    codes = hcpcs or {}
    complex_ = {id(g) for g in drugs
                if is_complex(g, policy.complex_admin, codes.get(g.sequence))}

    def infusion_rank(g: Given) -> tuple[datetime, int, int]:
        return (g.started_at, -g.minutes, g.sequence)  # the longer of two starting together

    def push_rank(g: Given) -> tuple[datetime, int]:
        return (g.started_at, g.sequence)

    # the hierarchy: complex infusion > complex push > infusion > push (> hydration)
    coder = _Coder(complex_)
    for g in sorted((g for g in infusions if id(g) in complex_), key=infusion_rank):
        coder.infusion(g)
    for g in sorted((g for g in pushes if id(g) in complex_), key=push_rank):
        coder.push(g)
    for g in sorted((g for g in infusions if id(g) not in complex_), key=infusion_rank):
        coder.infusion(g)
    for g in sorted((g for g in pushes if id(g) not in complex_), key=push_rank):
        coder.push(g)
    if fluids:
        coder.hydration(fluids, drugs)
    return AdminCoding(coder.out.lines(), split.notes + tuple(coder.notes))


class _Coder:
    """One encounter's coding state: the initial service, the drugs already coded."""

    def __init__(self, complex_: set[int]) -> None:
        self.out = _Lines()
        self.notes: list[str] = []
        self.seen: set[str] = set()
        self.primaries: list[Given] = []
        self.initial: Given | None = None
        self.concurrent_done = False
        self._complex = complex_

    def _family(self, g: Given) -> Family:
        return COMPLEX if id(g) in self._complex else STANDARD

    def infusion(self, g: Given) -> None:
        codes = self._family(g)
        if any(g.started_at < p.stopped_at and p.started_at < g.stopped_at
               for p in self.primaries):
            if not self.concurrent_done and g.drug_code not in self.seen:
                self.out.add("96368", 1, g.sequence)
                self.concurrent_done = True
                self.seen.add(g.drug_code)
            else:
                self.notes.append(f"line {g.sequence}: concurrent infusion not reported again "
                                  "(96368 once per encounter)")
            return
        if self.initial is None:
            self.out.add(codes.initial_infusion, 1, g.sequence)
            self.initial = g
        elif g.drug_code in self.seen:
            self.notes.append(f"line {g.sequence}: repeat infusion of the same drug is not a "
                              f"sequential infusion ({codes.sequential} needs a new drug)")
            return
        else:
            self.out.add(codes.sequential, 1, g.sequence)
        self.seen.add(g.drug_code)
        self.primaries.append(g)
        if extra := additional_hours(g.minutes):
            self.out.add(codes.additional_hour, extra, g.sequence)

    def push(self, g: Given) -> None:
        codes = self._family(g)
        if g.mode == "infusion":
            self.notes.append(f"line {g.sequence}: {g.minutes}-minute infusion coded as a push "
                              f"(under {INFUSION_MIN_MINUTES} min)")
        if self.initial is None:
            self.out.add(codes.initial_push, 1, g.sequence)
            self.initial = g
            self.seen.add(g.drug_code)
        elif g.drug_code not in self.seen:
            self.out.add(codes.additional_push, 1, g.sequence)
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
