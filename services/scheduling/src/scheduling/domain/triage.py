"""Same-day triage: which queued same-day request is offered chair time first.

The rule is data (``seed/triage.json``, a versioned document with sources):

    score(now) = category points + pediatric points + points_per_minute x whole minutes waited

Highest score first; equal scores go to the earlier ``queued_at``, then the lower id, so the order
is total and stable. The category is the higher-scoring of the one the clinician chose and the
one the attack's duration implies (a 72-h attack is status migrainosus whatever was picked).

No starvation: aging is linear and uncapped, so with ``spread`` = the highest clinical points
minus the lowest, a request is ahead of every request queued at least
``bound_minutes = ceil(spread / points_per_minute)`` minutes after it, at every moment. Whole
minutes are superadditive (floor(a) - floor(b) >= floor(a - b)), so the waited-minute difference
of two requests is at least their whole-minute arrival gap, and ties go to the earlier one.

Pure: no I/O; the seed is read by ``scheduling.adapters.triage_seed``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar
from uuid import UUID

DEFAULT_CATEGORY = "routine"
_NEVER = datetime.max.replace(tzinfo=UTC)


class Waiting(Protocol):
    """What the rule reads of a queued request (an Appointment has these)."""

    @property
    def id(self) -> UUID: ...
    @property
    def queued_at(self) -> datetime | None: ...
    @property
    def pediatric(self) -> bool: ...
    @property
    def triage_category(self) -> str | None: ...


W = TypeVar("W", bound=Waiting)


@dataclass(frozen=True)
class DurationCategory:
    min_hours: int
    category: str


@dataclass(frozen=True)
class TriageRule:
    version: int
    category_points: Mapping[str, int]
    duration_categories: tuple[DurationCategory, ...]  # longest threshold first
    pediatric_points: int
    points_per_minute: int

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_document(cls, doc: Mapping[str, Any]) -> TriageRule:
        """Checks the document; a rule that could starve a request is refused."""
        def integer(value: Any, name: str, low: int) -> int:
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise ValueError(f"triage rule: {name} must be an integer >= {low}")
            return value

        points = {str(k): integer(v["points"], f"categories.{k}.points", 0)
                  for k, v in doc["categories"].items()}
        if DEFAULT_CATEGORY not in points:
            raise ValueError(f"triage rule: the '{DEFAULT_CATEGORY}' category is missing")
        durations = tuple(sorted(
            (DurationCategory(integer(d["min_hours"], "duration min_hours", 1),
                              str(d["category"]))
             for d in doc["duration_categories"]["value"]),
            key=lambda d: -d.min_hours))
        unknown = [d.category for d in durations if d.category not in points]
        if unknown:
            raise ValueError(f"triage rule: duration categories {unknown} are not categories")
        aging = doc["aging"]
        if aging.get("cap") is not None:
            raise ValueError("triage rule: aging must be uncapped (a cap brings starvation back)")
        return cls(version=integer(doc["version"], "version", 1), category_points=points,
                   duration_categories=durations,
                   pediatric_points=integer(doc["pediatric_points"]["value"],
                                            "pediatric_points", 0),
                   points_per_minute=integer(aging["points_per_minute"],
                                             "aging.points_per_minute", 1))

    # ------------------------------------------------------------------ the rule
    @property
    def spread(self) -> int:
        """Highest clinical points minus lowest."""
        values = self.category_points.values()
        return max(values) + self.pediatric_points - min(values)

    @property
    def bound_minutes(self) -> int:
        """A request is ahead of every request queued this many minutes (or more) after it."""
        return math.ceil(self.spread / self.points_per_minute)

    def category_of(self, stated: str | None, headache_hours: int | None = None) -> str:
        """The effective category: the stated one or the one the attack's duration implies,
        whichever scores higher; nothing known (or a category this rule does not know) is
        routine. Never raises: it runs in event handlers (orders validated the input)."""
        best = stated if stated is not None and stated in self.category_points \
            else DEFAULT_CATEGORY
        for d in self.duration_categories:
            if headache_hours is not None and headache_hours >= d.min_hours:
                if self.category_points[d.category] > self.category_points[best]:
                    best = d.category
                break
        return best

    def clinical_points(self, category: str | None, pediatric: bool) -> int:
        return (self.category_points.get(category or DEFAULT_CATEGORY, 0)
                + (self.pediatric_points if pediatric else 0))


@dataclass(frozen=True)
class Priority:
    """A queued request's score at a moment, with its parts."""

    category: str
    category_points: int
    pediatric_points: int
    waited_minutes: int
    aging_points: int
    rule_version: int

    @property
    def clinical_points(self) -> int:
        return self.category_points + self.pediatric_points

    @property
    def score(self) -> int:
        return self.clinical_points + self.aging_points


def waited_minutes(queued_at: datetime | None, now: datetime) -> int:
    if queued_at is None or now <= queued_at:
        return 0
    return int((now - queued_at).total_seconds() // 60)


def priority_of(entry: Waiting, now: datetime, rule: TriageRule) -> Priority:
    stated = entry.triage_category
    # untriaged, or a category a later rule dropped: routine
    category = stated if stated is not None and stated in rule.category_points \
        else DEFAULT_CATEGORY
    waited = waited_minutes(entry.queued_at, now)
    return Priority(category=category, category_points=rule.category_points[category],
                    pediatric_points=rule.pediatric_points if entry.pediatric else 0,
                    waited_minutes=waited, aging_points=waited * rule.points_per_minute,
                    rule_version=rule.version)


def rank_key(entry: Waiting, now: datetime, rule: TriageRule) -> tuple[int, datetime, str]:
    return (-priority_of(entry, now, rule).score, entry.queued_at or _NEVER, str(entry.id))


def triage_order(entries: Iterable[W], now: datetime, rule: TriageRule) -> list[W]:
    """Highest score at ``now`` first, then earlier queued, then id."""
    return sorted(entries, key=lambda e: rank_key(e, now, rule))


def ranked(entries: Iterable[W], now: datetime, rule: TriageRule) -> list[tuple[W, Priority]]:
    """The entries in triage order, each with its priority at ``now``."""
    return [(e, priority_of(e, now, rule)) for e in triage_order(entries, now, rule)]
