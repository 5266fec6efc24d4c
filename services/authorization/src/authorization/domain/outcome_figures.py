"""A patient's outcome figures as orders last assessed them (``outcome.assessed``): what a
renewal's questions are pre-filled with (documented migraine days on treatment vs baseline,
MIDAS and HIT-6 change). Kept per patient and drug; the newest assessment wins."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID


class _Line(Protocol):
    @property
    def drug_code(self) -> str: ...
    @property
    def hcpcs(self) -> str | None: ...


@dataclass(frozen=True)
class OutcomeFigures:
    patient_id: UUID
    drug_code: str  # "" when the assessment named no drug
    assessment_id: UUID
    assessed_at: datetime
    baseline_migraine_days: float | None = None
    current_migraine_days: float | None = None
    migraine_days_change_pct: float | None = None
    midas_baseline: int | None = None
    midas_current: int | None = None
    hit6_baseline: int | None = None
    hit6_current: int | None = None
    renewal_ready: bool | None = None

    def replaces(self, older: OutcomeFigures | None) -> bool:
        """Events may arrive out of order: an older assessment never overwrites a newer."""
        return older is None or (self.assessed_at, str(self.assessment_id)) >= (
            older.assessed_at, str(older.assessment_id))

    @property
    def midas_change(self) -> int | None:
        if self.midas_baseline is None or self.midas_current is None:
            return None
        return self.midas_current - self.midas_baseline

    @property
    def hit6_change(self) -> int | None:
        if self.hit6_baseline is None or self.hit6_current is None:
            return None
        return self.hit6_current - self.hit6_baseline


def figures_for(hcpcs: str, lines: Iterable[_Line],
                outcomes: Mapping[str, OutcomeFigures]) -> OutcomeFigures | None:
    """The figures of the drug an order line bills under ``hcpcs``, else those recorded
    without a drug."""
    drugs = [ln.drug_code for ln in lines if ln.hcpcs == hcpcs]
    return next((outcomes[d] for d in drugs if d in outcomes), None) or outcomes.get("")
