from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SchedulingSeriesShift")


@_attrs_define
class SchedulingSeriesShift:
    """
    Attributes:
        days (int): clinic days later (or earlier), not 0
        from_position (int | None | Unset): the first visit to shift; default: the one the series offers
    """

    days: int
    from_position: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        days = self.days

        from_position: int | None | Unset
        if isinstance(self.from_position, Unset):
            from_position = UNSET
        else:
            from_position = self.from_position

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "days": days,
            }
        )
        if from_position is not UNSET:
            field_dict["from_position"] = from_position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days = d.pop("days")

        def _parse_from_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        from_position = _parse_from_position(d.pop("from_position", UNSET))

        scheduling_series_shift = cls(
            days=days,
            from_position=from_position,
        )

        return scheduling_series_shift
