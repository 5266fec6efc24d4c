"""Acute-visit outcomes (clinical-loop.md 3.1): the NRS series of one visit and its 24/48/72 h
follow-ups, classified with the IHS endpoints. Pure: the thresholds come in as ``AcuteRules``
(seed/outcomes.json).

Follow-up times are hours after discharge (what staff or the partner practice can ask the
patient); the IHS windows (2-24 h, 2-48 h from dosing) are read as "from the end of the visit
to N h after discharge", which is the visit's chair time stricter than IHS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from orders.domain.errors import FieldError
from orders.domain.outcome_rules import AcuteRules, Category, TimePoint

ResponseClass = Literal["pain_free", "relief", "failure", "no_relief_yet", "not_applicable",
                        "incomplete"]


@dataclass(frozen=True)
class PainScore:
    point: TimePoint
    nrs: int
    at: datetime


@dataclass(frozen=True)
class FollowUp:
    """One follow-up call; each *_hours is hours after discharge, required with its event."""

    checkpoint_hours: int
    rescue_used: bool = False
    rescue_hours: float | None = None
    recurrence: bool = False
    recurrence_hours: float | None = None
    ed_visit: bool = False
    ed_hours: float | None = None


@dataclass(frozen=True)
class AcuteOutcome:
    baseline_nrs: int | None
    baseline_category: Category | None
    pain_free_60: bool | None
    pain_free_2h: bool | None
    relief_2h: bool | None
    relief_at_discharge: bool | None
    drop_50pct_2h: bool | None
    time_to_relief_min: int | None  # baseline score to the first mild/none score (3.3)
    response: ResponseClass
    failure: bool | None
    sustained_relief_24h: bool | None
    sustained_relief_48h: bool | None
    sustained_freedom_24h: bool | None
    sustained_freedom_48h: bool | None
    held_24h: bool | None  # no recurrence and no rescue up to the 24 h call, whatever the 2 h
    recurrence: bool | None
    rescue_use: bool | None
    ed_return_72h: bool | None
    ed_return_hours: float | None


def validate_score(point: str, nrs: int, rules: AcuteRules) -> list[FieldError]:
    errors = []
    if point not in rules.time_points:
        errors.append(FieldError("point", f"must be one of {list(rules.time_points)}"))
    if not 0 <= nrs <= 10:
        errors.append(FieldError("nrs", "must be 0 to 10"))
    return errors


def validate_follow_up(f: FollowUp, rules: AcuteRules) -> list[FieldError]:
    errors = []
    if f.checkpoint_hours not in rules.follow_up_hours:
        errors.append(FieldError("checkpoint_hours",
                                 f"must be one of {list(rules.follow_up_hours)}"))
    for flag, hours, name in ((f.rescue_used, f.rescue_hours, "rescue_hours"),
                              (f.recurrence, f.recurrence_hours, "recurrence_hours"),
                              (f.ed_visit, f.ed_hours, "ed_hours")):
        if flag and hours is None:
            errors.append(FieldError(name, "required when the event happened"))
        elif not flag and hours is not None:
            errors.append(FieldError(name, "only with the event it times"))
        elif hours is not None and not 0 <= hours <= f.checkpoint_hours:
            errors.append(FieldError(name, f"must be 0 to {f.checkpoint_hours} (the call)"))
    return errors


def _baseline(by_point: dict[str, PainScore]) -> PainScore | None:
    return by_point.get("pre_drug") or by_point.get("arrival")


def _sustained(ok_2h: bool | None, window: int, follow_ups: list[FollowUp]) -> bool | None:
    """Held from 2 h to ``window`` h: no recurrence, no rescue inside it; None until a call
    at or after the window end has been made (an event inside it settles it earlier)."""
    if ok_2h is not True:
        return ok_2h
    for f in follow_ups:
        for flag, hours in ((f.rescue_used, f.rescue_hours), (f.recurrence, f.recurrence_hours)):
            if flag and hours is not None and hours <= window:
                return False
    return True if any(f.checkpoint_hours >= window for f in follow_ups) else None


def _times(f: FollowUp, which: str) -> float | None:
    flag, hours = {"rescue": (f.rescue_used, f.rescue_hours),
                   "recurrence": (f.recurrence, f.recurrence_hours),
                   "ed": (f.ed_visit, f.ed_hours)}[which]
    return hours if flag else None


def _event(follow_ups: list[FollowUp], within: int, which: str) -> tuple[bool | None, float | None]:
    times = [_times(f, which) for f in follow_ups]
    inside = [t for t in times if t is not None and t <= within]
    if inside:
        return True, min(inside)
    return (False, None) if any(f.checkpoint_hours >= within for f in follow_ups) else (None, None)


def classify(scores: list[PainScore], follow_ups: list[FollowUp],
             rules: AcuteRules) -> AcuteOutcome:
    by_point: dict[str, PainScore] = {s.point: s for s in scores}
    base = _baseline(by_point)
    base_cat = rules.category(base.nrs) if base else None
    eligible = base_cat in rules.relief_from if base_cat else None  # IHS: moderate/severe

    def free(point: str) -> bool | None:
        s = by_point.get(point)
        return None if s is None or base is None else s.nrs == 0

    def relieved(point: str) -> bool | None:
        s = by_point.get(point)
        if s is None or not eligible:
            return None
        return rules.category(s.nrs) in rules.relief_to

    at_2h = by_point.get(rules.relief_point)
    drop = None
    if at_2h is not None and base is not None and base.nrs > 0:
        drop = (base.nrs - at_2h.nrs) * 100 >= rules.drop_pct * base.nrs
    pf_2h, relief_2h = free(rules.pain_free_point), relieved(rules.relief_point)
    relief_dc = relieved("discharge")
    # failure = no relief reached at any post-drug point up to discharge
    ever = [relieved(p) for p in ("60_min", "120_min", "discharge")]
    first = next((by_point[p] for p in ("60_min", "120_min", "discharge") if relieved(p)), None)
    to_relief = int((first.at - base.at).total_seconds() // 60) if first and base else None
    failure = None
    if eligible and "discharge" in by_point:
        failure = not any(ever)
    response: ResponseClass
    if base is None:
        response = "incomplete"
    elif not eligible:
        response = "not_applicable"  # mild/no pain at baseline: IHS relief is undefined
    elif pf_2h:
        response = "pain_free"
    elif relief_2h or relief_dc:
        response = "relief"
    elif failure:
        response = "failure"
    else:
        response = "no_relief_yet" if any(p in by_point for p in ("60_min", "120_min")) \
            else "incomplete"
    win24, win48 = rules.sustained_hours[0], rules.sustained_hours[-1]
    ok_relief = relief_2h if eligible else None
    recurrence, _ = _event(follow_ups, rules.recurrence_within_hours, "recurrence")
    rescue, _ = _event(follow_ups, rules.rescue_within_hours, "rescue")
    ed, ed_hours = _event(follow_ups, rules.ed_return_within_hours, "ed")
    return AcuteOutcome(
        baseline_nrs=base.nrs if base else None, baseline_category=base_cat,
        pain_free_60=free("60_min"), pain_free_2h=pf_2h, relief_2h=relief_2h,
        relief_at_discharge=relief_dc, drop_50pct_2h=drop, time_to_relief_min=to_relief,
        response=response, failure=failure,
        sustained_relief_24h=_sustained(ok_relief, win24, follow_ups),
        sustained_relief_48h=_sustained(ok_relief, win48, follow_ups),
        sustained_freedom_24h=_sustained(pf_2h, win24, follow_ups),
        sustained_freedom_48h=_sustained(pf_2h, win48, follow_ups),
        held_24h=_sustained(True, win24, follow_ups),
        recurrence=recurrence if (relief_2h or pf_2h) else None,
        rescue_use=rescue, ed_return_72h=ed, ed_return_hours=ed_hours)
