"""A drug's course pattern as catalog data (``drugs[].series``): which visits a course that
starts at dose ``from_dose`` asks for. Scheduling books the visits of one series from it
(POST /v1/series without a pattern); no drug name is code.

``day_offsets``: exact days counted from the first visit (ocrelizumab's first dose as two
infusions on day 1 and day 15 is offsets 0 and 14). ``consecutive_days``: ``min_visits`` to
``max_visits`` consecutive clinic days (an IVIG loading course over 2-5 days)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_VISITS = 10  # what one series booking takes (scheduling's series API)


class SeriesData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    from_dose: int = Field(default=1, ge=1)  # the dose number the course starts at
    # a new course starts every this many doses after from_dose (rituximab: two infusions a
    # course, so doses 1, 3, 5...); None = only one course, at from_dose
    repeat_every: int | None = Field(default=None, ge=1)
    kind: Literal["day_offsets", "consecutive_days"]
    offsets: tuple[int, ...] = ()
    min_visits: int | None = Field(default=None, ge=2, le=MAX_VISITS)
    max_visits: int | None = Field(default=None, ge=2, le=MAX_VISITS)
    source: str
    unverified: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _shape(self) -> SeriesData:
        if self.kind == "day_offsets":
            if len(self.offsets) < 2 or len(self.offsets) > MAX_VISITS:
                raise ValueError(f"day offsets name 2-{MAX_VISITS} visits")
            if self.offsets[0] != 0 or any(b <= a for a, b in zip(
                    self.offsets, self.offsets[1:], strict=False)):
                raise ValueError("day offsets start at 0 and strictly increase")
            if self.min_visits is not None or self.max_visits is not None:
                raise ValueError("day offsets fix the visits: no min/max_visits")
        else:
            if self.offsets:
                raise ValueError("consecutive days take no offsets")
            if self.min_visits is None or self.max_visits is None \
                    or self.min_visits > self.max_visits:
                raise ValueError("consecutive days need min_visits <= max_visits")
        return self

    def starts_at(self, dose_number: int) -> bool:
        """Whether a course starts at this dose number."""
        if self.repeat_every is None or dose_number < self.from_dose:
            return dose_number == self.from_dose
        return (dose_number - self.from_dose) % self.repeat_every == 0

    @property
    def visits(self) -> tuple[int, int]:
        """How many visits (doses) the course has at least and at most."""
        if self.kind == "day_offsets":
            return len(self.offsets), len(self.offsets)
        assert self.min_visits is not None and self.max_visits is not None
        return self.min_visits, self.max_visits
