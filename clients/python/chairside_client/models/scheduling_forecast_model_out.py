from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingForecastModelOut")


@_attrs_define
class SchedulingForecastModelOut:
    """
    Attributes:
        detail (str):
        history_days (int):
        history_from (datetime.date):
        history_to (datetime.date): exclusive
        method (str): ets (statsmodels ETS, additive weekly season), weekday-mean (short history) or none (booked visits
            only)
        percentile (float): the quantile of daily visits planned for
    """

    detail: str
    history_days: int
    history_from: datetime.date
    history_to: datetime.date
    method: str
    percentile: float

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        history_days = self.history_days

        history_from = self.history_from.isoformat()

        history_to = self.history_to.isoformat()

        method = self.method

        percentile = self.percentile

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "detail": detail,
                "history_days": history_days,
                "history_from": history_from,
                "history_to": history_to,
                "method": method,
                "percentile": percentile,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        history_days = d.pop("history_days")

        history_from = datetime.date.fromisoformat(d.pop("history_from"))

        history_to = datetime.date.fromisoformat(d.pop("history_to"))

        method = d.pop("method")

        percentile = d.pop("percentile")

        scheduling_forecast_model_out = cls(
            detail=detail,
            history_days=history_days,
            history_from=history_from,
            history_to=history_to,
            method=method,
            percentile=percentile,
        )

        return scheduling_forecast_model_out
