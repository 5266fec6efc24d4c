"""Discharge criteria of a visit (clinical-loop.md §2), evaluated from the visit's vitals, the
nurse's assessment, the escort and the reaction state. Pure and data-driven: thresholds from
``DischargeThresholds`` (``seed/discharge.json``).

``ReactionState`` is the seam for the reactions record (built elsewhere): until it is wired,
callers pass ``NO_REACTIONS``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from orders.domain.errors import DomainError, FieldError, ValidationFailed
from orders.domain.vitals import (
    DischargeThresholds,
    VitalSet,
    assess,
    baseline_of,
    sedation_acceptable,
)

CRITERIA = ("vitals_baseline", "spo2", "sedation", "gait_orthostatics", "nausea", "escort",
            "reactions")


@dataclass(frozen=True)
class Assessment:
    """What the nurse observed at the discharge check (None = not assessed)."""

    gait_steady: bool | None = None
    orthostatics_negative: bool | None = None
    nausea_controlled: bool | None = None


@dataclass(frozen=True)
class ReactionState:
    """The visit's reactions as the reactions record sees them: one still active, or when the
    last symptom was seen. The default means "no reactions"."""

    active: bool = False
    last_symptom_at: datetime | None = None


NO_REACTIONS = ReactionState()


@dataclass(frozen=True)
class Criterion:
    code: str
    met: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "met": self.met, "reason": self.reason}


@dataclass(frozen=True)
class Evaluation:
    criteria: tuple[Criterion, ...]
    recheck_at: datetime | None = None  # when an unacceptable sedation score is due again

    @property
    def ready(self) -> bool:
        return all(c.met for c in self.criteria)

    @property
    def unmet(self) -> list[Criterion]:
        return [c for c in self.criteria if not c.met]


@dataclass(frozen=True)
class Visit:
    """What the criteria read about the visit."""

    vitals: tuple[VitalSet, ...]
    drug_codes: frozenset[str]
    requires_escort: bool
    escort_confirmed: bool
    assessment: Assessment | None = None
    reactions: ReactionState = NO_REACTIONS


class DischargeBlocked(DomainError):
    """409: completing the visit while discharge criteria are unmet, without an override."""

    status, title, code = 409, "Discharge criteria not met", "discharge-blocked"

    def __init__(self, unmet: list[Criterion]) -> None:
        super().__init__("unmet discharge criteria: " + ", ".join(c.code for c in unmet),
                         unmet=[c.to_dict() for c in unmet])


def _latest(vitals: Iterable[VitalSet], kind: str) -> VitalSet | None:
    return max((v for v in vitals if v.kind == kind), key=lambda v: v.taken_at, default=None)


def _vitals(v: VitalSet | None, base: VitalSet | None, t: DischargeThresholds) -> Criterion:
    if base is None:
        return Criterion("vitals_baseline", False, "no baseline vital signs recorded")
    if v is None:
        return Criterion("vitals_baseline", False, "no discharge vital signs recorded")
    off = [f for f in assess(v, base, t) if f.code == "off_baseline"]
    if off:
        return Criterion("vitals_baseline", False, "; ".join(f.message for f in off))
    return Criterion("vitals_baseline", True,
                     f"within {t.baseline_tolerance_pct.value} % of baseline")


def _spo2(v: VitalSet | None, t: DischargeThresholds) -> Criterion:
    low = t.spo2_min_pct.value
    if v is None or v.spo2 is None:
        return Criterion("spo2", False, "no SpO2 in the discharge vital signs")
    if not v.on_room_air:
        return Criterion("spo2", False, f"SpO2 must be ≥{low} % on room air")
    if v.spo2 < low:
        return Criterion("spo2", False, f"SpO2 {v.spo2} % is below {low} %")
    return Criterion("spo2", True, f"SpO2 {v.spo2} % on room air")


def _sedation(v: VitalSet | None, t: DischargeThresholds) -> tuple[Criterion, datetime | None]:
    ok = None if v is None else sedation_acceptable(v, t)
    if v is None or ok is None:
        return Criterion("sedation", False, "no POSS or RASS score at the discharge check"), None
    if ok:
        return Criterion("sedation", True, "sedation score acceptable"), None
    minutes = t.sedation_recheck_minutes.value
    score = f"POSS {v.poss}" if v.poss not in (None, *t.poss_acceptable.value) \
        else f"RASS {v.rass}"
    return (Criterion("sedation", False, f"{score}: not acceptable; recheck in {minutes} min"),
            v.taken_at + timedelta(minutes=minutes))


def _gait(visit: Visit, t: DischargeThresholds) -> Criterion:
    drugs = sorted(visit.drug_codes & set(t.gait_orthostatics_drugs.value))
    if not drugs:
        return Criterion("gait_orthostatics", True, "not required for these drugs")
    a = visit.assessment or Assessment()
    if a.gait_steady is True and a.orthostatics_negative is True:
        return Criterion("gait_orthostatics", True, "steady gait, orthostatics negative")
    missing = [name for name, ok in (("steady gait", a.gait_steady),
                                     ("negative orthostatics", a.orthostatics_negative))
               if ok is not True]
    return Criterion("gait_orthostatics", False,
                     f"{' and '.join(missing)} required after {', '.join(drugs)}")


def _nausea(a: Assessment | None) -> Criterion:
    if a is None or a.nausea_controlled is None:
        return Criterion("nausea", False, "nausea not assessed")
    return Criterion("nausea", a.nausea_controlled,
                     "nausea controlled" if a.nausea_controlled else "nausea not controlled")


def _escort(visit: Visit) -> Criterion:
    if not visit.requires_escort:
        return Criterion("escort", True, "no sedating (no-drive) drug on the order")
    if visit.escort_confirmed:
        return Criterion("escort", True, "escort confirmed")
    return Criterion("escort", False, "sedating (no-drive) order: confirm the escort")


def _reactions(r: ReactionState, t: DischargeThresholds, now: datetime) -> Criterion:
    quiet = t.reaction_quiet_minutes.value
    if r.active:
        return Criterion("reactions", False, "a reaction is still active")
    if r.last_symptom_at is not None and now - r.last_symptom_at < timedelta(minutes=quiet):
        return Criterion("reactions", False, f"reaction symptoms within the last {quiet} min")
    return Criterion("reactions", True, f"no reaction symptoms for {quiet} min")


def evaluate(visit: Visit, t: DischargeThresholds, now: datetime) -> Evaluation:
    """Every criterion, met or not, with its reason; read from the latest discharge set."""
    final = _latest(visit.vitals, "discharge")
    sedation, recheck = _sedation(final, t)
    return Evaluation(criteria=(
        _vitals(final, baseline_of(list(visit.vitals)), t), _spo2(final, t), sedation,
        _gait(visit, t), _nausea(visit.assessment), _escort(visit),
        _reactions(visit.reactions, t, now)), recheck_at=recheck)


def require_ready(evaluation: Evaluation, override_reason: str | None,
                  min_reason_length: int) -> dict[str, Any] | None:
    """None when discharge criteria are met; the override to record when they are not and a
    reason is given; DischargeBlocked otherwise."""
    if evaluation.ready:
        return None
    if override_reason is None:
        raise DischargeBlocked(evaluation.unmet)
    if len(override_reason.strip()) < min_reason_length:
        raise ValidationFailed([FieldError(
            "discharge_override_reason",
            f"give a reason of at least {min_reason_length} characters")])
    return {"reason": override_reason.strip(), "unmet": [c.code for c in evaluation.unmet]}
