"""A drug's regimen as data (clinical-loop.md §5): the dose by dose number (fixed or mg/kg),
the minimum interval before it, the rate titration that sets its run time, the observation
after it, the premedication added to the order, and the gates checked before it (HBV, TB,
anti-JCV, TOUCH checklist, MRI, ApoE) with their freshness windows.

A dose number counts every earlier dose of the same molecule (reference product and
biosimilars together); for a regimen whose steps are courses (``course``: a total per kg over
N consecutive days, domain/courses.py) the steps count courses instead. Everything here is
catalog data an admin edits; no drug name is code.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from orders.domain.courses import CourseDay, CourseDose, day_dose
from orders.domain.errors import FieldError
from orders.domain.observations import ObservationKind

Severity = Literal["block", "warn", "info"]
Mode = Literal["push", "infusion"]
RateUnit = Literal["ml_per_h", "mg_per_h", "mg_per_kg_per_min"]


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RateStep(_Data):
    """One titration step; ``minutes`` None = this rate until the infusion is done."""

    rate: Decimal = Field(gt=0)
    minutes: int | None = Field(default=None, ge=1)


class Titration(_Data):
    """Rate steps in mL/h (with the bag volume), mg/h or mg/kg/min (of the dose in mg)."""

    rate_unit: RateUnit
    volume_ml: Decimal | None = Field(default=None, gt=0)
    steps: tuple[RateStep, ...] = Field(min_length=1)
    source: str

    @model_validator(mode="after")
    def _complete(self) -> Titration:
        if self.rate_unit == "ml_per_h" and self.volume_ml is None:
            raise ValueError("a mL/h titration needs volume_ml")
        if any(s.minutes is None for s in self.steps[:-1]):
            raise ValueError("only the last titration step may run until done")
        return self

    def minutes(self, dose_mg: Decimal, weight_kg: Decimal | None) -> int | None:
        """Run time of the infusion at these steps; None when it needs a weight it lacks."""
        # Amounts are counted in sixtieths for hourly rates, so no step rate is divided by 60
        # (1/60 has no exact decimal, and a rounded rate would add a minute to exact doses).
        if self.rate_unit == "ml_per_h":
            remaining, scale = (self.volume_ml or Decimal(0)) * 60, Decimal(1)
        elif self.rate_unit == "mg_per_h":
            remaining, scale = dose_mg * 60, Decimal(1)
        else:
            if weight_kg is None:
                return None
            remaining, scale = dose_mg, weight_kg
        elapsed = 0
        for step in self.steps:
            per_minute = step.rate * scale
            if step.minutes is None or remaining <= per_minute * step.minutes:
                return elapsed + math.ceil(remaining / per_minute)
            remaining -= per_minute * step.minutes
            elapsed += step.minutes
        return elapsed + math.ceil(remaining / (self.steps[-1].rate * scale))


class RegimenStep(_Data):
    """What applies from dose ``from_dose`` on, until the next step's ``from_dose``."""

    from_dose: int = Field(ge=1)
    dose: Decimal | None = Field(default=None, gt=0)  # fixed, in the drug's dose unit
    per_kg: Decimal | None = Field(default=None, gt=0)  # dose unit per kg
    min_days_after_previous: int | None = Field(default=None, ge=1)
    observation_minutes: int | None = Field(default=None, ge=0)
    # observation instead when the patient has a recorded reaction to the molecule (a label
    # that drops routine observation after the loading doses keeps it after an IRR)
    observation_minutes_after_reaction: int | None = Field(default=None, ge=0)
    minutes: int | None = Field(default=None, ge=1)  # run time when no titration applies
    titration: Titration | None = None
    # a total per kg over N days: each day's dose comes from it (then no dose or per_kg)
    course: CourseDose | None = None
    source: str
    unverified: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_dose_rule(self) -> RegimenStep:
        if sum(x is not None for x in (self.dose, self.per_kg, self.course)) > 1:
            raise ValueError("a regimen step is a fixed dose, a per-kg dose or a course, "
                             "only one")
        return self


class Premedication(_Data):
    """A line added before the drug's first line unless the order already carries the drug."""

    drug_code: str
    dose: Decimal = Field(gt=0)
    mode: Mode
    minutes: int = Field(ge=1)  # its own run time
    minutes_before: int = Field(ge=0)  # how long before the infusion it starts
    source: str


class Gate(_Data):
    """A result the patient needs before a dose: ``doses`` lists the dose numbers it applies
    to (empty = every dose). A result counts when observed within ``max_age_days`` and, with
    ``since_previous_dose``, on or after the last dose; ``per_infusion`` results must name the
    order itself and are enforced when the infusion starts. ``result_severity`` maps a result
    that must stop or warn (HBV positive) to its severity."""

    kind: str
    doses: tuple[int, ...] = ()
    max_age_days: int | None = Field(default=None, ge=1)
    since_previous_dose: bool = False
    per_infusion: bool = False
    severity: Severity = "block"
    result_severity: dict[str, Severity] = Field(default_factory=dict)
    message: str
    source: str

    def applies_to(self, dose_number: int) -> bool:
        return not self.doses or dose_number in self.doses


class Regimen(_Data):
    steps: tuple[RegimenStep, ...] = Field(min_length=1)
    premedication: tuple[Premedication, ...] = ()
    gates: tuple[Gate, ...] = ()
    dose_tolerance_pct: Decimal = Field(default=Decimal(10), ge=0)
    # dose numbers past the last step go round the steps from this one again (rituximab:
    # each course is two infusions two weeks apart, courses months apart); None = the last
    # step holds for every later dose
    repeat_from: int | None = Field(default=None, ge=1)
    source: str

    @model_validator(mode="after")
    def _ordered(self) -> Regimen:
        starts = [s.from_dose for s in self.steps]
        if starts[0] != 1 or starts != sorted(set(starts)):
            raise ValueError("regimen steps start at dose 1, in increasing from_dose")
        courses = [s.course is not None for s in self.steps]
        if any(courses) and not all(courses):
            # the steps count courses or doses, never a mix of both
            raise ValueError("either every regimen step is a course or none is")
        if self.repeat_from is not None and self.repeat_from not in starts:
            raise ValueError("repeat_from names the from_dose of a regimen step")
        return self

    @property
    def in_courses(self) -> bool:
        """The steps count courses (``from_dose`` is then a course number)."""
        return self.steps[0].course is not None

    @property
    def course_days(self) -> tuple[int, int]:
        """The fewest and most days any course of the regimen may have."""
        courses = [s.course for s in self.steps if s.course is not None]
        return min(c.min_days for c in courses), max(c.max_days for c in courses)

    def step_for(self, dose_number: int) -> RegimenStep:
        return next(s for s in reversed(self.steps)
                    if s.from_dose <= self._in_cycle(dose_number))

    def _in_cycle(self, n: int) -> int:
        """The dose number whose step applies: past the last step, back round the cycle."""
        last = self.steps[-1].from_dose
        if self.repeat_from is None or n <= last:
            return n
        return self.repeat_from + (n - self.repeat_from) % (last + 1 - self.repeat_from)

    def expected_dose(self, dose_number: int, weight_kg: Decimal | None) -> Decimal | None:
        step = self.step_for(dose_number)
        if step.dose is not None:
            return step.dose
        if step.per_kg is not None and weight_kg is not None:
            return step.per_kg * weight_kg
        return None

    def next_dose(self, number: int, weight_kg: Decimal | None, course: CourseDay | None,
                  dose_step: Decimal) -> Decimal | None:
        """What the regimen gives after dose (or course) ``number``: the next step's dose; for
        a course drug, the next day's dose of a course under way, else the next course's
        total over all its days (the prescriber picks its N later, the drug needed is the
        same). None: not known (a per-kg dose without the weight, a course day not stated)."""
        if not self.in_courses:
            return self.expected_dose(number + 1, weight_kg)
        if course is None or weight_kg is None:
            return None
        if course.day < course.days:
            step = self.step_for(number).course
            assert step is not None  # a course regimen's steps are all courses
            return day_dose(step.total(weight_kg), CourseDay(course.days, course.day + 1),
                            dose_step)
        following = self.step_for(number + 1).course
        assert following is not None
        return following.total(weight_kg)

def gate_kind_errors(regimen: Regimen | None,
                     kinds: Mapping[str, ObservationKind]) -> list[FieldError]:
    """A drug's gates may only name observation kinds the catalog defines, and only results
    those kinds have: a gate no observation can meet would block every dose."""
    errors: list[FieldError] = []
    for i, gate in enumerate(regimen.gates if regimen is not None else ()):
        spec = kinds.get(gate.kind)
        if spec is None:
            errors.append(FieldError(f"regimen.gates.{i}.kind",
                                     f"unknown observation kind {gate.kind!r}: add it to the "
                                     "catalog first (PUT /v1/observation-kinds/{kind})"))
            continue
        unknown = sorted(set(gate.result_severity) - set(spec.vocabulary))
        if unknown:
            errors.append(FieldError(f"regimen.gates.{i}.result_severity",
                                     f"{gate.kind} has no result {', '.join(unknown)}; "
                                     f"one of {', '.join(spec.vocabulary)}"))
    return errors
