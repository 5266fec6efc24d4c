"""Outcome records -> response documents (the shapes of outcome_schemas.py)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from orders.seed import outcome_rules
from orders.service.outcomes import AssessmentsView, VisitOutcome


def visit_view(v: VisitOutcome) -> dict[str, Any]:
    rules = outcome_rules()
    return {
        "order_id": v.order_id,
        "scores": [{"point": sc.point, "nrs": sc.nrs, "category": rules.acute.category(sc.nrs),
                    "at": sc.at} for sc in v.scores],
        "follow_ups": [asdict(f) for f in v.follow_ups],
        "outcome": asdict(v.outcome),
        "rules_version": rules.version,
    }


def assessments_view(v: AssessmentsView) -> dict[str, Any]:
    s = v.summary
    summary = None
    if s is not None:
        summary = {
            "drug_code": v.drug_code, "first_dose": s.first_dose,
            "baseline_migraine_days": s.baseline_mmd, "current_migraine_days": s.current_mmd,
            "migraine_days_change_pct": s.mmd_change_pct,
            "baseline_headache_days": s.baseline_mhd, "current_headache_days": s.current_mhd,
            "headache_days_change_pct": s.mhd_change_pct,
            "midas_baseline": s.midas_baseline, "midas_current": s.midas_current,
            "midas_grade": s.midas_grade, "hit6_baseline": s.hit6_baseline,
            "hit6_current": s.hit6_current, "hit6_band": s.hit6_band,
            "ahs_2021": {"judgeable": s.ahs.judgeable, "effective": s.ahs.effective,
                         "reasons": list(s.ahs.reasons)},
            "renewal_threshold_pct": s.renewal_threshold_pct, "renewal_ready": s.renewal_ready,
        }
    return {
        "items": [{"id": i, "kind": a.kind, "drug_code": d, "taken_on": a.taken_on,
                   "period_start": a.period_start, "migraine_days": a.migraine_days,
                   "headache_days": a.headache_days, "items": list(a.items), "total": a.total,
                   "grade": grade} for i, d, a, grade in v.items],
        "summary": summary,
        "rules_version": outcome_rules().version,
    }
