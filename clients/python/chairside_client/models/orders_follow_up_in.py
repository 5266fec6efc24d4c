from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_follow_up_in_checkpoint_hours import (
    OrdersFollowUpInCheckpointHours,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersFollowUpIn")


@_attrs_define
class OrdersFollowUpIn:
    """
    Attributes:
        checkpoint_hours (OrdersFollowUpInCheckpointHours): The call: 24, 48 or 72 h after discharge
        ed_hours (float | None | str | Unset):
        ed_visit (bool | Unset):  Default: False.
        recurrence (bool | Unset):  Default: False.
        recurrence_hours (float | None | str | Unset):
        rescue_hours (float | None | str | Unset):
        rescue_used (bool | Unset):  Default: False.
    """

    checkpoint_hours: OrdersFollowUpInCheckpointHours
    ed_hours: float | None | str | Unset = UNSET
    ed_visit: bool | Unset = False
    recurrence: bool | Unset = False
    recurrence_hours: float | None | str | Unset = UNSET
    rescue_hours: float | None | str | Unset = UNSET
    rescue_used: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        checkpoint_hours = self.checkpoint_hours.value

        ed_hours: float | None | str | Unset
        if isinstance(self.ed_hours, Unset):
            ed_hours = UNSET
        else:
            ed_hours = self.ed_hours

        ed_visit = self.ed_visit

        recurrence = self.recurrence

        recurrence_hours: float | None | str | Unset
        if isinstance(self.recurrence_hours, Unset):
            recurrence_hours = UNSET
        else:
            recurrence_hours = self.recurrence_hours

        rescue_hours: float | None | str | Unset
        if isinstance(self.rescue_hours, Unset):
            rescue_hours = UNSET
        else:
            rescue_hours = self.rescue_hours

        rescue_used = self.rescue_used

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checkpoint_hours": checkpoint_hours,
            }
        )
        if ed_hours is not UNSET:
            field_dict["ed_hours"] = ed_hours
        if ed_visit is not UNSET:
            field_dict["ed_visit"] = ed_visit
        if recurrence is not UNSET:
            field_dict["recurrence"] = recurrence
        if recurrence_hours is not UNSET:
            field_dict["recurrence_hours"] = recurrence_hours
        if rescue_hours is not UNSET:
            field_dict["rescue_hours"] = rescue_hours
        if rescue_used is not UNSET:
            field_dict["rescue_used"] = rescue_used

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checkpoint_hours = OrdersFollowUpInCheckpointHours(d.pop("checkpoint_hours"))

        def _parse_ed_hours(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        ed_hours = _parse_ed_hours(d.pop("ed_hours", UNSET))

        ed_visit = d.pop("ed_visit", UNSET)

        recurrence = d.pop("recurrence", UNSET)

        def _parse_recurrence_hours(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        recurrence_hours = _parse_recurrence_hours(d.pop("recurrence_hours", UNSET))

        def _parse_rescue_hours(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        rescue_hours = _parse_rescue_hours(d.pop("rescue_hours", UNSET))

        rescue_used = d.pop("rescue_used", UNSET)

        orders_follow_up_in = cls(
            checkpoint_hours=checkpoint_hours,
            ed_hours=ed_hours,
            ed_visit=ed_visit,
            recurrence=recurrence,
            recurrence_hours=recurrence_hours,
            rescue_hours=rescue_hours,
            rescue_used=rescue_used,
        )

        return orders_follow_up_in
