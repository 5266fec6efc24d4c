from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingFiguresOut")


@_attrs_define
class SchedulingFiguresOut:
    """
    Attributes:
        chair_utilization (float):
        makespan_minutes (int):
        mean_wait_minutes (float):
        overtime_minutes (int):
        p90_wait_minutes (float):
        total_wait_minutes (int):
        visits (int):
    """

    chair_utilization: float
    makespan_minutes: int
    mean_wait_minutes: float
    overtime_minutes: int
    p90_wait_minutes: float
    total_wait_minutes: int
    visits: int

    def to_dict(self) -> dict[str, Any]:
        chair_utilization = self.chair_utilization

        makespan_minutes = self.makespan_minutes

        mean_wait_minutes = self.mean_wait_minutes

        overtime_minutes = self.overtime_minutes

        p90_wait_minutes = self.p90_wait_minutes

        total_wait_minutes = self.total_wait_minutes

        visits = self.visits

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "chair_utilization": chair_utilization,
                "makespan_minutes": makespan_minutes,
                "mean_wait_minutes": mean_wait_minutes,
                "overtime_minutes": overtime_minutes,
                "p90_wait_minutes": p90_wait_minutes,
                "total_wait_minutes": total_wait_minutes,
                "visits": visits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chair_utilization = d.pop("chair_utilization")

        makespan_minutes = d.pop("makespan_minutes")

        mean_wait_minutes = d.pop("mean_wait_minutes")

        overtime_minutes = d.pop("overtime_minutes")

        p90_wait_minutes = d.pop("p90_wait_minutes")

        total_wait_minutes = d.pop("total_wait_minutes")

        visits = d.pop("visits")

        scheduling_figures_out = cls(
            chair_utilization=chair_utilization,
            makespan_minutes=makespan_minutes,
            mean_wait_minutes=mean_wait_minutes,
            overtime_minutes=overtime_minutes,
            p90_wait_minutes=p90_wait_minutes,
            total_wait_minutes=total_wait_minutes,
            visits=visits,
        )

        return scheduling_figures_out
