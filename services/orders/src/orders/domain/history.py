"""Response history per patient x drug and per protocol (clinical-loop.md 3.3): one
``VisitResult`` per completed visit, and the figures ordering reads from them (success rate per
protocol, last 3 results, best protocol, consecutive failures). Pure.

Reactions reach the history through ``ReactionNote`` (drug, grade, rate): until the reaction
records exist they are derived from the administration's free-text reaction (grade unknown).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from orders.domain.outcomes import AcuteOutcome


@dataclass(frozen=True)
class ReactionNote:
    """The interface the reaction records fill: which drug, CTCAE grade, rate at onset."""

    drug_code: str
    grade: int | None = None
    rate: str | None = None  # e.g. "100 mL/h", as recorded
    text: str | None = None


@dataclass(frozen=True)
class GivenDrug:
    drug_code: str
    rate: str | None = None  # the rate given without a reaction (last tolerated rate)


@dataclass(frozen=True)
class VisitResult:
    order_id: UUID
    protocol_id: UUID | None
    completed_at: datetime
    drugs: tuple[GivenDrug, ...]
    outcome: AcuteOutcome
    reactions: tuple[ReactionNote, ...] = ()

    @property
    def settled(self) -> bool:
        """Success needs the 24 h call; a failure at discharge is settled at once."""
        o = self.outcome
        return bool(o.failure) or o.relief_at_discharge is False \
            or (o.relief_at_discharge is True and o.held_24h is not None)

    @property
    def success(self) -> bool:
        o = self.outcome
        # 3.3: relief at discharge, held to 24 h (no recurrence, no rescue)
        return bool(o.relief_at_discharge) and o.held_24h is True

    @property
    def result(self) -> str:
        return "pending" if not self.settled else ("success" if self.success else "failure")


@dataclass(frozen=True)
class Stats:
    key: str
    visits: int
    settled: int
    successes: int
    last_results: tuple[str, ...]  # newest first, at most 3
    last_success_at: datetime | None

    @property
    def success_rate(self) -> float | None:
        return self.successes / self.settled if self.settled else None


@dataclass(frozen=True)
class ResponseHistory:
    visits: tuple[VisitResult, ...]  # newest first
    by_protocol: dict[str, Stats] = field(default_factory=dict)
    by_drug: dict[str, Stats] = field(default_factory=dict)
    protocol_names: dict[str, str] = field(default_factory=dict)  # id -> name, for messages
    flag_after_failures: int = 2  # from outcomes.json (history.flag_after_failures)

    @property
    def best_protocol(self) -> str | None:
        rated = [s for s in self.by_protocol.values() if s.success_rate is not None]
        best = max(rated, key=lambda s: (s.success_rate or 0, s.settled), default=None)
        return best.key if best and best.successes else None

    def failed_last(self, protocol_id: str, n: int) -> bool:
        """The protocol's last ``n`` settled visits all failed."""
        return self.failure_streaks.get(protocol_id, 0) >= n

    # Per drug, resolved once when the history is built: the order check reads these for
    # every line of every check, and must stay cheap (bench: >= 5,000 orders/s).
    reactions: dict[str, tuple[ReactionNote, ...]] = field(default_factory=dict)
    tolerated_rates: dict[str, str] = field(default_factory=dict)
    failure_streaks: dict[str, int] = field(default_factory=dict)  # protocol -> failures in a row
    last_successful_protocol: str | None = None

    def reactions_to(self, drug_code: str) -> tuple[ReactionNote, ...]:
        return self.reactions.get(drug_code, ())

    def last_tolerated_rate(self, drug_code: str) -> str | None:
        return self.tolerated_rates.get(drug_code)


def _stats(key: str, visits: list[VisitResult]) -> Stats:
    settled = [v for v in visits if v.settled]
    return Stats(key=key, visits=len(visits), settled=len(settled),
                 successes=sum(v.success for v in settled),
                 last_results=tuple(v.result for v in visits[:3]),  # 3.3: last 3
                 last_success_at=next((v.completed_at for v in visits if v.success), None))


def _tolerated(visits: list[VisitResult]) -> dict[str, str]:
    """Newest first: the rate of the last visit where the drug was given without reaction."""
    out: dict[str, str] = {}
    for v in visits:
        reacted = {r.drug_code for r in v.reactions}
        for g in v.drugs:
            if g.rate and g.drug_code not in reacted:
                out.setdefault(g.drug_code, g.rate)
    return out


def _streaks(by_protocol: dict[str, list[VisitResult]]) -> dict[str, int]:
    out = {}
    for key, visits in by_protocol.items():
        settled = [v for v in visits if v.settled]
        n = 0
        while n < len(settled) and not settled[n].success:
            n += 1
        out[key] = n
    return out


def build_history(visits: list[VisitResult], *, flag_after_failures: int,
                  protocol_names: dict[str, str] | None = None) -> ResponseHistory:
    ordered = sorted(visits, key=lambda v: v.completed_at, reverse=True)
    protocols: dict[str, list[VisitResult]] = defaultdict(list)
    drugs: dict[str, list[VisitResult]] = defaultdict(list)
    for v in ordered:
        if v.protocol_id is not None:
            protocols[str(v.protocol_id)].append(v)
        for code in dict.fromkeys(g.drug_code for g in v.drugs):
            drugs[code].append(v)
    reactions: dict[str, list[ReactionNote]] = defaultdict(list)
    for v in ordered:
        for r in v.reactions:
            reactions[r.drug_code].append(r)
    return ResponseHistory(visits=tuple(ordered),
                           reactions={k: tuple(rs) for k, rs in reactions.items()},
                           tolerated_rates=_tolerated(ordered),
                           failure_streaks=_streaks(protocols),
                           last_successful_protocol=next(
                               (str(v.protocol_id) for v in ordered
                                if v.protocol_id is not None and v.success), None),
                           by_protocol={k: _stats(k, vs) for k, vs in protocols.items()},
                           by_drug={k: _stats(k, vs) for k, vs in drugs.items()},
                           protocol_names=dict(protocol_names or {}),
                           flag_after_failures=flag_after_failures)
