"""Outcome reports (clinical-loop.md 3.1): per protocol, the relief, pain-free, sustained
relief and 72 h ED-return rates; and the ED visits avoided (visits with relief and no ED
return within 72 h) times an ED visit cost. Each rate's denominator is the visits where the
measure is known, so a visit without its 24 h call does not count as a failure."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from orders.domain.history import VisitResult


@dataclass(frozen=True)
class Rate:
    count: int
    known: int

    @property
    def rate(self) -> float | None:
        return round(self.count / self.known, 4) if self.known else None


def _rate(flags: list[bool | None]) -> Rate:
    known = [f for f in flags if f is not None]
    return Rate(sum(known), len(known))


@dataclass(frozen=True)
class ProtocolRow:
    protocol_id: str | None
    visits: int
    relief: Rate
    pain_free: Rate
    sustained_relief_24h: Rate
    ed_return_72h: Rate


def relieved(v: VisitResult) -> bool | None:
    o = v.outcome
    if o.relief_2h or o.relief_at_discharge:
        return True
    return None if o.relief_2h is None and o.relief_at_discharge is None else False


def by_protocol(visits: list[VisitResult]) -> list[ProtocolRow]:
    groups: dict[str | None, list[VisitResult]] = defaultdict(list)
    for v in visits:
        groups[str(v.protocol_id) if v.protocol_id else None].append(v)
    return [ProtocolRow(
        protocol_id=key, visits=len(vs), relief=_rate([relieved(v) for v in vs]),
        pain_free=_rate([v.outcome.pain_free_2h for v in vs]),
        sustained_relief_24h=_rate([v.outcome.sustained_relief_24h for v in vs]),
        ed_return_72h=_rate([v.outcome.ed_return_72h for v in vs]))
        for key, vs in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))]


@dataclass(frozen=True)
class EdAvoided:
    visits: int
    relieved: int
    avoided: int  # relief and a 72 h answer of "no ED visit"
    ed_returns: int
    unknown: int  # relieved, but no 72 h answer yet
    cost_per_visit_usd: int
    estimated_savings_usd: Decimal


def ed_avoided(visits: list[VisitResult], cost_usd: int) -> EdAvoided:
    good = [v for v in visits if relieved(v)]
    avoided = sum(v.outcome.ed_return_72h is False for v in good)
    returns = sum(v.outcome.ed_return_72h is True for v in good)
    return EdAvoided(visits=len(visits), relieved=len(good), avoided=avoided, ed_returns=returns,
                     unknown=len(good) - avoided - returns, cost_per_visit_usd=cost_usd,
                     estimated_savings_usd=Decimal(avoided * cost_usd))
