"""The base of every request and response shape, and the birth date every person has."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from chairside_shared.inputs import Day


def _not_in_future(value: date) -> date:
    # A day of slack: the clinic's "today" may be tomorrow in UTC.
    if value > datetime.now(UTC).date() + timedelta(days=1):
        raise ValueError("must not be in the future")
    return value


BirthDate = Annotated[Day, AfterValidator(_not_in_future)]


class In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)
