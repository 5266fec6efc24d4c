"""Preventive-biologic outcomes (clinical-loop.md 3.2): diary migraine/headache days per month
against a documented baseline, MIDAS and HIT-6 scores, the AHS 2021 effectiveness rule and a
payer's renewal threshold. Pure; thresholds come in as ``PreventiveRules``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from orders.domain.errors import FieldError
from orders.domain.outcome_rules import PreventiveRules

Kind = Literal["diary", "midas", "hit6"]


@dataclass(frozen=True)
class Assessment:
    kind: Kind
    taken_on: date  # diary: the last day of the period
    period_start: date | None = None
    migraine_days: int | None = None
    headache_days: int | None = None
    items: tuple[int, ...] = ()
    total: int | None = None

    @property
    def period_days(self) -> int:
        return (self.taken_on - self.period_start).days + 1 if self.period_start else 0

    def monthly(self, days: int | None, month_days: int) -> float | None:
        """Days per (28-day) month, so a 30- or 90-day diary compares with a 28-day one."""
        if days is None or not self.period_days:
            return None
        return days * month_days / self.period_days


def score(kind: Kind, items: list[int], rules: PreventiveRules) -> tuple[int, str]:
    """(total, grade or band); raises nothing: call ``validate_items`` first."""
    total = sum(items)
    if kind == "midas":
        return total, rules.midas_grade(total)
    return total, rules.hit6_band(total)


def validate_items(kind: Kind, items: list[int], rules: PreventiveRules) -> list[FieldError]:
    want = rules.midas_items if kind == "midas" else rules.hit6_items
    if len(items) != want:
        return [FieldError("items", f"{kind} has exactly {want} items")]
    errors = []
    for i, v in enumerate(items):
        if kind == "hit6" and v not in rules.hit6_item_values:
            errors.append(FieldError(f"items[{i}]", f"HIT-6 item {i + 1} must be one of "
                                     f"{sorted(rules.hit6_item_values)}"))
        elif kind == "midas" and not 0 <= v <= rules.midas_item_max_days:
            errors.append(FieldError(f"items[{i}]", f"MIDAS item {i + 1} counts days: 0 to "
                                     f"{rules.midas_item_max_days}"))
    return errors


def validate_diary(start: date | None, end: date, migraine: int | None, headache: int | None,
                   ) -> list[FieldError]:
    errors = []
    if start is None:
        return [FieldError("period_start", "a diary needs its first day")]
    if start > end:
        errors.append(FieldError("period_start", "after taken_on (the last day)"))
    length = (end - start).days + 1
    for name, v in (("migraine_days", migraine), ("headache_days", headache)):
        if v is not None and not 0 <= v <= length:
            errors.append(FieldError(name, f"must be 0 to {length} (the period's days)"))
    if migraine is None and headache is None:
        errors.append(FieldError("migraine_days", "a diary needs migraine or headache days"))
    return errors


def pct_change(baseline: float | None, current: float | None) -> float | None:
    if baseline is None or current is None or baseline <= 0:
        return None
    return (current - baseline) * 100 / baseline


def baseline_diary(diaries: list[Assessment], first_dose: date | None,
                   rules: PreventiveRules) -> Assessment | None:
    """The latest diary that ends before dose 1, lasts at least the minimum window and starts
    no earlier than the maximum window before dose 1 (28-90 days); before any dose, the latest
    complete diary."""
    w = rules.baseline_window_days
    ok = [d for d in diaries if d.kind == "diary" and d.period_start is not None
          and d.period_days >= w.min
          and (first_dose is None or (d.taken_on < first_dose
                                      and d.period_start >= first_dose - timedelta(days=w.max)))]
    return max(ok, key=lambda d: d.taken_on, default=None)


def current_of(found: list[Assessment], kind: Kind, first_dose: date | None) -> Assessment | None:
    on = [a for a in found if a.kind == kind
          and (first_dose is None or (a.period_start or a.taken_on) >= first_dose)]
    return max(on, key=lambda a: a.taken_on, default=None) if first_dose else None


def latest_before(found: list[Assessment], kind: Kind, first_dose: date | None
                  ) -> Assessment | None:
    pre = [a for a in found if a.kind == kind and (first_dose is None or a.taken_on < first_dose)]
    return max(pre, key=lambda a: a.taken_on, default=None)


@dataclass(frozen=True)
class AhsVerdict:
    judgeable: bool
    effective: bool | None
    reasons: tuple[str, ...]


def ahs_effective(*, mhd_change_pct: float | None, midas: tuple[int, int] | None,
                  hit6: tuple[int, int] | None, months_on_treatment: int, doses: int,
                  interval: Literal["monthly", "quarterly"], drug_code: str | None,
                  rules: PreventiveRules) -> AhsVerdict:
    """AHS 2021: >= 50 % fewer MHD, or MIDAS -5 (baseline 11-20) / -30 % (> 20), or HIT-6 -5;
    judged after 3 months (monthly) / 6 months (quarterly), eptinezumab after 2 doses.
    MPFID is not collected here, so that arm never decides."""
    a = rules.ahs
    after_doses = a.judge_after_doses.get(drug_code or "")
    judgeable = doses >= after_doses if after_doses is not None \
        else months_on_treatment >= a.judge_after_months[interval]
    reasons = []
    if mhd_change_pct is not None and -mhd_change_pct >= a.mhd_reduction_pct:
        reasons.append(f"MHD {mhd_change_pct:.0f} %")
    if midas is not None:
        base, now = midas
        lo, hi = a.midas_moderate_range
        if lo <= base <= hi and base - now >= a.midas_moderate_points:
            reasons.append(f"MIDAS -{base - now} points")
        elif base > a.midas_severe_above and (base - now) * 100 >= a.midas_severe_pct * base:
            reasons.append(f"MIDAS {pct_change(base, now):.0f} %")
    if hit6 is not None and hit6[0] - hit6[1] >= a.hit6_points:
        reasons.append(f"HIT-6 -{hit6[0] - hit6[1]} points")
    known = mhd_change_pct is not None or midas is not None or hit6 is not None
    effective = (bool(reasons) if known else None) if judgeable else None
    return AhsVerdict(judgeable=judgeable, effective=effective, reasons=tuple(reasons))


def renewal_ready(change_pct: float | None, current: Assessment | None, payer_id: str | None,
                  rules: PreventiveRules) -> bool | None:
    """The payer's reduction threshold met over a complete diary window (None: unknown)."""
    if change_pct is None or current is None:
        return None
    if current.period_days < rules.complete_window_days:
        return False
    return rules.renewal_threshold(payer_id).met(-change_pct)


@dataclass(frozen=True)
class PreventiveSummary:
    first_dose: date | None
    baseline_mmd: float | None
    current_mmd: float | None
    mmd_change_pct: float | None
    baseline_mhd: float | None
    current_mhd: float | None
    mhd_change_pct: float | None
    midas_baseline: int | None
    midas_current: int | None
    midas_grade: str | None
    hit6_baseline: int | None
    hit6_current: int | None
    hit6_band: str | None
    ahs: AhsVerdict
    renewal_threshold_pct: int
    renewal_ready: bool | None


def summarize(found: list[Assessment], *, first_dose: date | None, doses: int,
              months_on_treatment: int, interval: Literal["monthly", "quarterly"],
              drug_code: str | None, payer_id: str | None,
              rules: PreventiveRules) -> PreventiveSummary:
    base = baseline_diary(found, first_dose, rules)
    cur = current_of(found, "diary", first_dose)
    md = rules.month_days
    b_mmd = base.monthly(base.migraine_days, md) if base else None
    c_mmd = cur.monthly(cur.migraine_days, md) if cur else None
    b_mhd = base.monthly(base.headache_days, md) if base else None
    c_mhd = cur.monthly(cur.headache_days, md) if cur else None
    mmd_pct, mhd_pct = pct_change(b_mmd, c_mmd), pct_change(b_mhd, c_mhd)
    pairs: dict[str, tuple[int, int] | None] = {}
    latest: dict[str, Assessment | None] = {}
    for kind in ("midas", "hit6"):
        before = latest_before(found, kind, first_dose) if first_dose else None
        after = current_of(found, kind, first_dose)
        latest[kind] = after or latest_before(found, kind, None)
        pairs[kind] = (before.total, after.total) if before and after and \
            before.total is not None and after.total is not None else None
    # the AHS rule reads headache days; a diary with migraine days only stands in for them
    verdict = ahs_effective(
        mhd_change_pct=mhd_pct if mhd_pct is not None else mmd_pct, midas=pairs["midas"],
        hit6=pairs["hit6"], months_on_treatment=months_on_treatment, doses=doses,
        interval=interval, drug_code=drug_code, rules=rules)
    midas, hit6 = latest["midas"], latest["hit6"]
    return PreventiveSummary(
        first_dose=first_dose, baseline_mmd=b_mmd, current_mmd=c_mmd, mmd_change_pct=mmd_pct,
        baseline_mhd=b_mhd, current_mhd=c_mhd, mhd_change_pct=mhd_pct,
        midas_baseline=pairs["midas"][0] if pairs["midas"] else None,
        midas_current=midas.total if midas else None,
        midas_grade=rules.midas_grade(midas.total) if midas and midas.total is not None else None,
        hit6_baseline=pairs["hit6"][0] if pairs["hit6"] else None,
        hit6_current=hit6.total if hit6 else None,
        hit6_band=rules.hit6_band(hit6.total) if hit6 and hit6.total is not None else None,
        ahs=verdict, renewal_threshold_pct=rules.renewal_threshold(payer_id).min_reduction_pct,
        renewal_ready=renewal_ready(mmd_pct if mmd_pct is not None else mhd_pct, cur,
                                    payer_id, rules))
