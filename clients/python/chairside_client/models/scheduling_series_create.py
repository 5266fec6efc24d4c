from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scheduling_consecutive_days import SchedulingConsecutiveDays
    from ..models.scheduling_day_offsets import SchedulingDayOffsets
    from ..models.scheduling_window_in import SchedulingWindowIn


T = TypeVar("T", bound="SchedulingSeriesCreate")


@_attrs_define
class SchedulingSeriesCreate:
    """
    Attributes:
        first_day (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        order_ids (list[UUID]): signed orders of one patient, in dose order
        window (SchedulingWindowIn):
        allow_closed_day_gap (bool | Unset): skip closed days (a weekend) inside consecutive days; only when the
            protocol allows it Default: False.
        pattern (None | SchedulingConsecutiveDays | SchedulingDayOffsets | Unset): omitted: the course the first order's
            dose starts, as the orders catalog names it (order.signed series), e.g. day 1 and day 15, or 2-5 consecutive
            days
    """

    first_day: datetime.date
    order_ids: list[UUID]
    window: SchedulingWindowIn
    allow_closed_day_gap: bool | Unset = False
    pattern: None | SchedulingConsecutiveDays | SchedulingDayOffsets | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.scheduling_consecutive_days import SchedulingConsecutiveDays  # noqa: PLC0415
        from ..models.scheduling_day_offsets import SchedulingDayOffsets  # noqa: PLC0415

        first_day = self.first_day.isoformat()

        order_ids = []
        for order_ids_item_data in self.order_ids:
            order_ids_item = str(order_ids_item_data)
            order_ids.append(order_ids_item)

        window = self.window.to_dict()

        allow_closed_day_gap = self.allow_closed_day_gap

        pattern: dict[str, Any] | None | Unset
        if isinstance(self.pattern, Unset):
            pattern = UNSET
        elif isinstance(self.pattern, SchedulingConsecutiveDays):
            pattern = self.pattern.to_dict()
        elif isinstance(self.pattern, SchedulingDayOffsets):
            pattern = self.pattern.to_dict()
        else:
            pattern = self.pattern

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first_day": first_day,
                "order_ids": order_ids,
                "window": window,
            }
        )
        if allow_closed_day_gap is not UNSET:
            field_dict["allow_closed_day_gap"] = allow_closed_day_gap
        if pattern is not UNSET:
            field_dict["pattern"] = pattern

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_consecutive_days import SchedulingConsecutiveDays  # noqa: PLC0415
        from ..models.scheduling_day_offsets import SchedulingDayOffsets  # noqa: PLC0415
        from ..models.scheduling_window_in import SchedulingWindowIn  # noqa: PLC0415

        d = dict(src_dict)
        first_day = datetime.date.fromisoformat(d.pop("first_day"))

        order_ids = []
        _order_ids = d.pop("order_ids")
        for order_ids_item_data in _order_ids:
            order_ids_item = UUID(order_ids_item_data)

            order_ids.append(order_ids_item)

        window = SchedulingWindowIn.from_dict(d.pop("window"))

        allow_closed_day_gap = d.pop("allow_closed_day_gap", UNSET)

        def _parse_pattern(
            data: object,
        ) -> None | SchedulingConsecutiveDays | SchedulingDayOffsets | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pattern_type_0_type_0 = SchedulingConsecutiveDays.from_dict(data)

                return pattern_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pattern_type_0_type_1 = SchedulingDayOffsets.from_dict(data)

                return pattern_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulingConsecutiveDays | SchedulingDayOffsets | Unset, data)

        pattern = _parse_pattern(d.pop("pattern", UNSET))

        scheduling_series_create = cls(
            first_day=first_day,
            order_ids=order_ids,
            window=window,
            allow_closed_day_gap=allow_closed_day_gap,
            pattern=pattern,
        )

        return scheduling_series_create
