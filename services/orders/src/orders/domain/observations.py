"""Patient observations the regimen gates read (clinical-loop.md §5.2): screening results,
the natalizumab TOUCH pre-infusion checklist, brain MRIs, ApoE status, lab values. Which kinds
exist is catalog data (``observation_kinds``): each names its result vocabulary, or a unit and
the low/high limits a numeric value is read against, and how long a result stays current. An
admin adds a kind (a new lab a gate names) without a code change."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from orders.domain.errors import FieldError

KIND_NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")  # the observations table's kind column
RESULT_MAX = 32  # its result column
NUMERIC_RESULTS = ("low", "normal", "high")  # what a numeric value reads as, by the limits


class ObservationKind(BaseModel):
    """One kind of observation: a vocabulary of ``results``, or a numeric value in ``unit``
    read as low / normal / high against ``low`` and ``high``. ``max_age_days`` is how long a
    result counts when the gate reading it sets no window of its own."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str = ""
    results: tuple[str, ...] = ()
    unit: str | None = Field(default=None, min_length=1, max_length=16)
    low: Decimal | None = None  # below it: "low"
    high: Decimal | None = None  # above it: "high"
    max_age_days: int | None = Field(default=None, ge=1)
    source: str = Field(min_length=1)

    @model_validator(mode="after")
    def _one_shape(self) -> ObservationKind:
        if bool(self.results) == (self.unit is not None):
            raise ValueError("a kind has either results (a vocabulary) or a unit (a value)")
        if self.unit is None and (self.low is not None or self.high is not None):
            raise ValueError("low and high limits need a unit")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low must not be above high")
        if any(not r or len(r) > RESULT_MAX for r in self.results) or \
                len(set(self.results)) != len(self.results):
            raise ValueError(f"results are distinct, 1-{RESULT_MAX} characters")
        return self

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """The results a gate may name for this kind."""
        return self.results or NUMERIC_RESULTS

    def result_of(self, value: Decimal) -> str:
        if self.low is not None and value < self.low:
            return "low"
        if self.high is not None and value > self.high:
            return "high"
        return "normal"


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
    value: Decimal | None = None  # numeric kinds: the value, in ``unit``
    unit: str | None = None


def observation_errors(*, kinds: Mapping[str, ObservationKind], kind: str, result: str | None,
                       value: Decimal | None, observed_on: date, today: date,
                       source: str) -> tuple[list[FieldError], str | None]:
    """What is wrong with an observation as sent, and its result (derived from the value for
    a numeric kind)."""
    errors: list[FieldError] = []
    spec = kinds.get(kind)
    if spec is None:
        errors.append(FieldError("kind", "unknown observation kind; one of "
                                         f"{', '.join(sorted(kinds))}"))
    elif spec.unit is not None:
        if value is None:
            errors.append(FieldError("value", f"a {kind} observation is a value in {spec.unit}"))
        else:
            derived = spec.result_of(value)
            if result is not None and result != derived:
                errors.append(FieldError("result", f"a {kind} of {value} {spec.unit} reads "
                                                   f"{derived}; leave result out"))
            result = derived
    else:
        if value is not None:
            errors.append(FieldError("value", f"a {kind} observation has a result, no value"))
        if result not in spec.results:
            errors.append(FieldError("result",
                                     f"a {kind} result is one of {', '.join(spec.results)}"))
    if observed_on > today:
        errors.append(FieldError("observed_on", "an observation cannot be in the future"))
    if not source.strip():
        errors.append(FieldError("source", "say who reported the result"))
    return errors, result
