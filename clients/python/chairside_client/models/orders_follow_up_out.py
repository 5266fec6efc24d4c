from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersFollowUpOut")


@_attrs_define
class OrdersFollowUpOut:
    """
    Attributes:
        checkpoint_hours (int):
        ed_hours (float | None):
        ed_visit (bool):
        recurrence (bool):
        recurrence_hours (float | None):
        rescue_hours (float | None):
        rescue_used (bool):
    """

    checkpoint_hours: int
    ed_hours: float | None
    ed_visit: bool
    recurrence: bool
    recurrence_hours: float | None
    rescue_hours: float | None
    rescue_used: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkpoint_hours = self.checkpoint_hours

        ed_hours: float | None
        ed_hours = self.ed_hours

        ed_visit = self.ed_visit

        recurrence = self.recurrence

        recurrence_hours: float | None
        recurrence_hours = self.recurrence_hours

        rescue_hours: float | None
        rescue_hours = self.rescue_hours

        rescue_used = self.rescue_used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkpoint_hours": checkpoint_hours,
                "ed_hours": ed_hours,
                "ed_visit": ed_visit,
                "recurrence": recurrence,
                "recurrence_hours": recurrence_hours,
                "rescue_hours": rescue_hours,
                "rescue_used": rescue_used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checkpoint_hours = d.pop("checkpoint_hours")

        def _parse_ed_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ed_hours = _parse_ed_hours(d.pop("ed_hours"))

        ed_visit = d.pop("ed_visit")

        recurrence = d.pop("recurrence")

        def _parse_recurrence_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        recurrence_hours = _parse_recurrence_hours(d.pop("recurrence_hours"))

        def _parse_rescue_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rescue_hours = _parse_rescue_hours(d.pop("rescue_hours"))

        rescue_used = d.pop("rescue_used")

        orders_follow_up_out = cls(
            checkpoint_hours=checkpoint_hours,
            ed_hours=ed_hours,
            ed_visit=ed_visit,
            recurrence=recurrence,
            recurrence_hours=recurrence_hours,
            rescue_hours=rescue_hours,
            rescue_used=rescue_used,
        )

        orders_follow_up_out.additional_properties = d
        return orders_follow_up_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
