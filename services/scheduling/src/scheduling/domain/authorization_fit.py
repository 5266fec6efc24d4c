"""Does a visit fit its order's prior authorization? (issue 16: booking respects the approval)

A payer pays a drug given within the approval's valid dates and within its approved units
(CARC 197/198 otherwise: domain docs prior-auth-billing.md B, payer-exchange.md "PA denials").
A visit on clinic day D fits when ``valid_from <= D <= valid_to`` and, for each approved HCPCS
code, the units one visit draws are no more than the approved units less those the other live
(or completed) visits under the same auth number draw. The units of a visit are authorization's
figure (``authorization.approved`` lines' ``units_per_visit``); a line without it is checked on
its dates only. Pure: no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal
from uuid import UUID

MisfitCode = Literal["outside_valid_dates", "units_exceeded"]


@dataclass(frozen=True)
class ApprovedLine:
    hcpcs: str
    approved_units: int
    units_per_visit: int | None = None


@dataclass(frozen=True)
class Approval:
    """An order's approval as ``authorization.approved`` carried it."""

    order_id: UUID
    auth_number: str
    valid_from: date
    valid_to: date
    lines: tuple[ApprovedLine, ...] = ()
    case_id: UUID | None = None
    payer_id: str | None = None

    def visit_units(self) -> dict[str, int]:
        """What one visit of the order draws, per HCPCS (known figures only)."""
        return {ln.hcpcs: ln.units_per_visit for ln in self.lines
                if ln.units_per_visit is not None}


@dataclass(frozen=True)
class Misfit:
    """Why a visit does not fit (ids, codes, dates and numbers only)."""

    code: MisfitCode
    detail: str
    hcpcs: str | None = None
    needed: int | None = None
    remaining: int | None = None


@dataclass(frozen=True)
class Fit:
    misfits: tuple[Misfit, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.misfits

    @property
    def codes(self) -> list[MisfitCode]:
        return list(dict.fromkeys(m.code for m in self.misfits))


def units_in_use(visits: Iterable[Mapping[str, int]]) -> dict[str, int]:
    """The units the other visits under an auth number draw, per HCPCS."""
    total: Counter[str] = Counter()
    for units in visits:
        total.update({k: v for k, v in units.items() if v > 0})
    return dict(total)


def authorization_fit(approval: Approval, day: date,
                      used_by_others: Mapping[str, int] | None = None) -> Fit:
    """Whether a visit of ``approval``'s order on ``day`` fits it; ``used_by_others``: the
    units the other live visits under the same auth number draw (``units_in_use``)."""
    used = used_by_others or {}
    misfits: list[Misfit] = []
    if not approval.valid_from <= day <= approval.valid_to:
        misfits.append(Misfit(
            "outside_valid_dates",
            f"visit on {day.isoformat()}; approval {approval.auth_number} valid "
            f"{approval.valid_from.isoformat()}..{approval.valid_to.isoformat()}"))
    for ln in approval.lines:
        if ln.units_per_visit is None:
            continue
        remaining = max(ln.approved_units - used.get(ln.hcpcs, 0), 0)
        if ln.units_per_visit > remaining:
            misfits.append(Misfit(
                "units_exceeded",
                f"{ln.hcpcs}: visit needs {ln.units_per_visit} units, {remaining} of "
                f"{ln.approved_units} approved remain", hcpcs=ln.hcpcs,
                needed=ln.units_per_visit, remaining=remaining))
    return Fit(tuple(misfits))
