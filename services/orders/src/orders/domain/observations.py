"""Patient observations the regimen gates read (clinical-loop.md §5.2): screening results,
the natalizumab TOUCH pre-infusion checklist, brain MRIs and ApoE status. Each kind has its
own result vocabulary (data: ``RESULTS``), so a gate can say which result stops a dose."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from uuid import UUID

from orders.domain.errors import FieldError

ObservationKind = Literal["hbv_screen", "tb_screen", "anti_jcv", "touch_checklist",
                          "mri_brain", "apoe"]

# The results each kind may carry. "aria_*" = amyloid-related imaging abnormalities.
RESULTS: dict[str, tuple[str, ...]] = {
    "hbv_screen": ("negative", "positive", "indeterminate"),
    "tb_screen": ("negative", "positive", "indeterminate"),
    "anti_jcv": ("negative", "positive", "indeterminate"),
    "touch_checklist": ("completed", "not_completed"),
    "mri_brain": ("no_aria", "aria_e", "aria_h", "aria_e_and_h", "other_finding"),
    "apoe": ("e4_noncarrier", "e4_heterozygote", "e4_homozygote", "declined"),
}


@dataclass(frozen=True)
class Observation:
    id: UUID
    patient_id: UUID
    kind: str
    result: str
    observed_on: date
    source: str  # lab, imaging centre, partner system: who reported it
    order_id: UUID | None = None  # the infusion a per-infusion checklist belongs to
    recorded_at: datetime | None = None
    recorded_by: str | None = None


def observation_errors(*, kind: str, result: str, observed_on: date, today: date,
                       source: str) -> list[FieldError]:
    errors: list[FieldError] = []
    allowed = RESULTS.get(kind)
    if allowed is None:
        errors.append(FieldError("kind", f"unknown kind; one of {', '.join(RESULTS)}"))
    elif result not in allowed:
        errors.append(FieldError("result", f"a {kind} result is one of {', '.join(allowed)}"))
    if observed_on > today:
        errors.append(FieldError("observed_on", "an observation cannot be in the future"))
    if not source.strip():
        errors.append(FieldError("source", "say who reported the result"))
    return errors
