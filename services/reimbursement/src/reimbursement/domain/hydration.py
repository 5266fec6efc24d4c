"""Which fluids may be coded as hydration (96360 / +96361): clinical-loop.md §6, R27.

A bag of fluid counts toward hydration time only when it was
* ordered as ``hydration`` (a drug carrier or a keep-vein-open line never is);
* given for a documented reason the payer accepts: dehydration, fluid loss or inability to
  drink, as the ICD-10 indication on the order (the policy's prefixes);
* timed: start and stop recorded (``claim._timeline`` drops a stop before its start).
The minutes that count are then only those with no drug running alongside, and only more than
30 of them are reportable (``admin_coding``). A bag whose producer said nothing about its
purpose was not ordered as hydration. A payer that counts electrolytes (magnesium) as hydration
keeps doing so: those are drugs, not bags, and carry no purpose.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from reimbursement.domain.fees import DEFAULT_HYDRATION, CodingPolicy
from reimbursement.domain.visit import Given

HYDRATION_MIN_MINUTES = 31  # "more than 30 minutes", in whole minutes
HYDRATION_CODES = frozenset({"96360", "96361"})
Interval = tuple[datetime, datetime]


@dataclass(frozen=True, slots=True)
class FluidSplit:
    drugs: tuple[Given, ...]  # coded as drug administrations
    hydration: tuple[Given, ...]  # fluids whose time may be hydration
    notes: tuple[str, ...]  # why a fluid's time is not hydration


def is_hydration(given: Given, hydration_codes: frozenset[str]) -> bool:
    """A fluid (or, by payer policy, an electrolyte) rather than a drug."""
    return given.drug_code in hydration_codes or (given.hcpcs or "") in hydration_codes


def is_bag(given: Given) -> bool:
    """An IV fluid bag: it says why it ran, or it is one of the fluid codes."""
    return (given.fluid_purpose is not None or given.drug_code in DEFAULT_HYDRATION
            or (given.hcpcs or "") in DEFAULT_HYDRATION)


def documented(indication: str | None, prefixes: frozenset[str]) -> bool:
    code = (indication or "").replace(".", "").strip().upper()
    return bool(code) and any(code.startswith(p.replace(".", "").upper()) for p in prefixes)


def why_not_hydration(given: Given, policy: CodingPolicy) -> str | None:
    """None when the fluid may count as hydration; else the reason, for the claim's notes."""
    if not is_bag(given):
        return None  # an electrolyte the payer counts as hydration
    purpose = given.fluid_purpose
    if purpose is None:
        return "was not ordered as hydration (no purpose recorded)"
    if purpose == "carrier":
        return "carried a drug"
    if purpose == "kvo":
        return "kept the vein open"
    if not given.indication:
        return "has no documented indication (dehydration, fluid loss, unable to drink)"
    if not documented(given.indication, policy.hydration_indications):
        return (f"indication {given.indication} documents no dehydration, fluid loss or "
                "inability to drink")
    return None


def split_fluids(given: Sequence[Given], policy: CodingPolicy) -> FluidSplit:
    drugs: list[Given] = []
    hydration: list[Given] = []
    notes: list[str] = []
    for g in given:
        if not is_hydration(g, policy.hydration_codes):
            drugs.append(g)
        elif (why := why_not_hydration(g, policy)) is None:
            hydration.append(g)
        else:
            notes.append(f"line {g.sequence}: {g.drug_code} {why}: not hydration "
                         "(no 96360/96361 for it)")
    return FluidSplit(tuple(drugs), tuple(hydration), tuple(notes))


def first_hour_extra_units(minutes: int) -> int:
    """+96361 units after a 96360 first hour: one when >30 min past the hour (91 min)..."""
    return max(0, (minutes - HYDRATION_MIN_MINUTES) // 60)


def secondary_units(minutes: int) -> int:
    """+96361 units when hydration follows another initial service: >30 min per hour block."""
    if minutes < HYDRATION_MIN_MINUTES:
        return 0
    return (minutes - HYDRATION_MIN_MINUTES) // 60 + 1


def union(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, stop in sorted(i for i in intervals if i[1] > i[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def net_minutes(fluids: Sequence[Given], drugs: Sequence[Given]) -> int:
    """Hydration minutes with no drug running alongside (whole minutes): concurrent time
    belongs to the drug's administration and is never billed as hydration."""
    hydration = union((f.started_at, f.stopped_at) for f in fluids)
    drug_time = union((d.started_at, d.stopped_at) for d in drugs)
    seconds = 0.0
    for h_start, h_stop in hydration:
        covered = sum(
            (min(h_stop, d_stop) - max(h_start, d_start)).total_seconds()
            for d_start, d_stop in drug_time
            if d_start < h_stop and h_start < d_stop
        )
        seconds += (h_stop - h_start).total_seconds() - covered
    return int(seconds // 60)


def _icd(code: str) -> str:
    return code.strip().upper().replace(".", "")


def with_indications(diagnoses: tuple[str, ...], given: Sequence[Given],
                     policy: CodingPolicy) -> tuple[str, ...]:
    """The visit's diagnoses plus the indication of each fluid that counts as hydration: the
    claim has to show why hydration was needed, even when the order's diagnoses did not."""
    known = {_icd(d) for d in diagnoses}
    extra: list[str] = []
    for g in split_fluids(given, policy).hydration:
        if g.indication and _icd(g.indication) not in known:
            known.add(_icd(g.indication))
            extra.append(g.indication)
    return (*diagnoses, *extra)


def indication_pointers(diagnoses: Sequence[str], given: Sequence[Given], policy: CodingPolicy,
                        default: tuple[int, ...], limit: int) -> tuple[int, ...]:
    """Diagnosis pointers for hydration lines: the fluids' indications first, then the
    visit's usual pointers, at most ``limit`` (SV107 carries four)."""
    index = {_icd(d): i + 1 for i, d in enumerate(diagnoses)}
    first = [index[_icd(g.indication)] for g in split_fluids(given, policy).hydration
             if g.indication and _icd(g.indication) in index]
    ordered = list(dict.fromkeys([*first, *default]))
    return tuple(ordered[:limit])
