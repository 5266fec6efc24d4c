"""PA figures for the practice: turnaround, approval and denial rates, overdue count.

Turnaround is submission to decision. Percentiles use the nearest-rank method (the value at
rank ceil(p/100 * n)), so every reported figure is one a real case had. Rates are over decided
cases (approved + denied) and returned as Decimal fractions rounded to 4 places.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal

from pydantic import BaseModel, ConfigDict

from .codes import AWAITING_PAYER


class CaseFacts(BaseModel):
    """The slice of a case the figures need (the query side builds these)."""

    model_config = ConfigDict(frozen=True)

    payer_id: str
    hcpcs: tuple[str, ...]
    status: str
    expedited: bool = False
    submitted_at: datetime | None = None
    decided_at: datetime | None = None
    due_at: datetime | None = None


class Turnaround(BaseModel):
    count: int
    median_hours: Decimal | None
    p90_hours: Decimal | None


class Rates(BaseModel):
    key: str
    submitted: int
    decided: int
    approved: int
    denied: int
    approval_rate: Decimal | None
    denial_rate: Decimal | None


class PaMetrics(BaseModel):
    turnaround: Turnaround
    turnaround_standard: Turnaround
    turnaround_expedited: Turnaround
    by_payer: list[Rates]
    by_drug: list[Rates]
    overdue: int
    open: int


def nearest_rank(sorted_values: list[Decimal], pct: int) -> Decimal | None:
    if not sorted_values:
        return None
    rank = max(1, math.ceil(pct * len(sorted_values) / 100))
    return sorted_values[rank - 1]


def _median(values: list[Decimal]) -> Decimal | None:
    n = len(values)
    if n == 0:
        return None
    mid = n // 2
    if n % 2:
        return values[mid]
    return (values[mid - 1] + values[mid]) / 2


def _hours(seconds: float) -> Decimal:
    return Decimal(str(seconds)) / Decimal(3600)


def _q(v: Decimal | None, places: str = "0.01") -> Decimal | None:
    return None if v is None else v.quantize(Decimal(places), rounding=ROUND_HALF_EVEN)


def turnaround(cases: Iterable[CaseFacts]) -> Turnaround:
    hours = sorted(
        _hours((k.decided_at - k.submitted_at).total_seconds())
        for k in cases
        if k.status in ("approved", "denied", "expired") and k.submitted_at and k.decided_at
    )
    return Turnaround(count=len(hours), median_hours=_q(_median(hours)),
                      p90_hours=_q(nearest_rank(hours, 90)))


def _rates(key: str, cases: list[CaseFacts]) -> Rates:
    submitted = sum(1 for k in cases if k.submitted_at)
    # An expired approval was an approval.
    approved = sum(1 for k in cases if k.status in ("approved", "expired") and k.decided_at)
    denied = sum(1 for k in cases if k.status == "denied")
    decided = approved + denied

    def rate(n: int) -> Decimal | None:
        return _q(Decimal(n) / decided, "0.0001") if decided else None

    return Rates(key=key, submitted=submitted, decided=decided, approved=approved,
                 denied=denied, approval_rate=rate(approved), denial_rate=rate(denied))


def pa_metrics(cases: Iterable[CaseFacts], now: datetime) -> PaMetrics:
    items = list(cases)
    by_payer: dict[str, list[CaseFacts]] = defaultdict(list)
    by_drug: dict[str, list[CaseFacts]] = defaultdict(list)
    for k in items:
        by_payer[k.payer_id].append(k)
        for code in set(k.hcpcs):
            by_drug[code].append(k)
    return PaMetrics(
        turnaround=turnaround(items),
        turnaround_standard=turnaround(k for k in items if not k.expedited),
        turnaround_expedited=turnaround(k for k in items if k.expedited),
        by_payer=[_rates(p, ks) for p, ks in sorted(by_payer.items())],
        by_drug=[_rates(d, ks) for d, ks in sorted(by_drug.items())],
        overdue=sum(1 for k in items
                    if k.status in AWAITING_PAYER and k.due_at is not None and now > k.due_at),
        open=sum(1 for k in items if k.status in ("draft", *AWAITING_PAYER)),
    )
