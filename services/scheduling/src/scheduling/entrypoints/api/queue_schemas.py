"""HTTP shape of a same-day request's triage priority (domain/triage.py, seed/triage.json)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TriageOut(BaseModel):
    """Why a queued request stands where it does: score = clinical points + aging points."""

    model_config = ConfigDict(extra="forbid")

    rank: int = Field(description="1 = offered chair time first")
    score: int = Field(description="clinical_points + aging_points at the board's moment")
    category: str = Field(description="effective triage category: the stated one or the one "
                          "the attack's duration implies, whichever scores higher")
    headache_hours: int | None = Field(None, description="the attack's length as ordered")
    category_points: int
    pediatric_points: int
    clinical_points: int = Field(description="category_points + pediatric_points")
    waited_minutes: int = Field(description="whole minutes since queued_at")
    aging_points: int = Field(description="points_per_minute x waited_minutes (uncapped)")
    rule_version: int
    bound_minutes: int = Field(description="no starvation: this request is ahead of every "
                               "request queued at least this many minutes after it")
