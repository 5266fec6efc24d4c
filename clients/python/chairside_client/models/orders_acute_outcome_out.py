from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersAcuteOutcomeOut")


@_attrs_define
class OrdersAcuteOutcomeOut:
    """
    Attributes:
        baseline_category (None | str):
        baseline_nrs (int | None):
        drop_50pct_2h (bool | None):
        ed_return_72h (bool | None):
        ed_return_hours (float | None):
        failure (bool | None):
        held_24h (bool | None): no recurrence and no rescue up to 24 h
        pain_free_2h (bool | None):
        pain_free_60 (bool | None):
        recurrence (bool | None):
        relief_2h (bool | None):
        relief_at_discharge (bool | None):
        rescue_use (bool | None):
        response (str):
        sustained_freedom_24h (bool | None):
        sustained_freedom_48h (bool | None):
        sustained_relief_24h (bool | None):
        sustained_relief_48h (bool | None):
        time_to_relief_min (int | None):
    """

    baseline_category: None | str
    baseline_nrs: int | None
    drop_50pct_2h: bool | None
    ed_return_72h: bool | None
    ed_return_hours: float | None
    failure: bool | None
    held_24h: bool | None
    pain_free_2h: bool | None
    pain_free_60: bool | None
    recurrence: bool | None
    relief_2h: bool | None
    relief_at_discharge: bool | None
    rescue_use: bool | None
    response: str
    sustained_freedom_24h: bool | None
    sustained_freedom_48h: bool | None
    sustained_relief_24h: bool | None
    sustained_relief_48h: bool | None
    time_to_relief_min: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        baseline_category: None | str
        baseline_category = self.baseline_category

        baseline_nrs: int | None
        baseline_nrs = self.baseline_nrs

        drop_50pct_2h: bool | None
        drop_50pct_2h = self.drop_50pct_2h

        ed_return_72h: bool | None
        ed_return_72h = self.ed_return_72h

        ed_return_hours: float | None
        ed_return_hours = self.ed_return_hours

        failure: bool | None
        failure = self.failure

        held_24h: bool | None
        held_24h = self.held_24h

        pain_free_2h: bool | None
        pain_free_2h = self.pain_free_2h

        pain_free_60: bool | None
        pain_free_60 = self.pain_free_60

        recurrence: bool | None
        recurrence = self.recurrence

        relief_2h: bool | None
        relief_2h = self.relief_2h

        relief_at_discharge: bool | None
        relief_at_discharge = self.relief_at_discharge

        rescue_use: bool | None
        rescue_use = self.rescue_use

        response = self.response

        sustained_freedom_24h: bool | None
        sustained_freedom_24h = self.sustained_freedom_24h

        sustained_freedom_48h: bool | None
        sustained_freedom_48h = self.sustained_freedom_48h

        sustained_relief_24h: bool | None
        sustained_relief_24h = self.sustained_relief_24h

        sustained_relief_48h: bool | None
        sustained_relief_48h = self.sustained_relief_48h

        time_to_relief_min: int | None
        time_to_relief_min = self.time_to_relief_min

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "baseline_category": baseline_category,
                "baseline_nrs": baseline_nrs,
                "drop_50pct_2h": drop_50pct_2h,
                "ed_return_72h": ed_return_72h,
                "ed_return_hours": ed_return_hours,
                "failure": failure,
                "held_24h": held_24h,
                "pain_free_2h": pain_free_2h,
                "pain_free_60": pain_free_60,
                "recurrence": recurrence,
                "relief_2h": relief_2h,
                "relief_at_discharge": relief_at_discharge,
                "rescue_use": rescue_use,
                "response": response,
                "sustained_freedom_24h": sustained_freedom_24h,
                "sustained_freedom_48h": sustained_freedom_48h,
                "sustained_relief_24h": sustained_relief_24h,
                "sustained_relief_48h": sustained_relief_48h,
                "time_to_relief_min": time_to_relief_min,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_baseline_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        baseline_category = _parse_baseline_category(d.pop("baseline_category"))

        def _parse_baseline_nrs(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        baseline_nrs = _parse_baseline_nrs(d.pop("baseline_nrs"))

        def _parse_drop_50pct_2h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        drop_50pct_2h = _parse_drop_50pct_2h(d.pop("drop_50pct_2h"))

        def _parse_ed_return_72h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        ed_return_72h = _parse_ed_return_72h(d.pop("ed_return_72h"))

        def _parse_ed_return_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ed_return_hours = _parse_ed_return_hours(d.pop("ed_return_hours"))

        def _parse_failure(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        failure = _parse_failure(d.pop("failure"))

        def _parse_held_24h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        held_24h = _parse_held_24h(d.pop("held_24h"))

        def _parse_pain_free_2h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        pain_free_2h = _parse_pain_free_2h(d.pop("pain_free_2h"))

        def _parse_pain_free_60(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        pain_free_60 = _parse_pain_free_60(d.pop("pain_free_60"))

        def _parse_recurrence(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        recurrence = _parse_recurrence(d.pop("recurrence"))

        def _parse_relief_2h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        relief_2h = _parse_relief_2h(d.pop("relief_2h"))

        def _parse_relief_at_discharge(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        relief_at_discharge = _parse_relief_at_discharge(d.pop("relief_at_discharge"))

        def _parse_rescue_use(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        rescue_use = _parse_rescue_use(d.pop("rescue_use"))

        response = d.pop("response")

        def _parse_sustained_freedom_24h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        sustained_freedom_24h = _parse_sustained_freedom_24h(d.pop("sustained_freedom_24h"))

        def _parse_sustained_freedom_48h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        sustained_freedom_48h = _parse_sustained_freedom_48h(d.pop("sustained_freedom_48h"))

        def _parse_sustained_relief_24h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        sustained_relief_24h = _parse_sustained_relief_24h(d.pop("sustained_relief_24h"))

        def _parse_sustained_relief_48h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        sustained_relief_48h = _parse_sustained_relief_48h(d.pop("sustained_relief_48h"))

        def _parse_time_to_relief_min(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        time_to_relief_min = _parse_time_to_relief_min(d.pop("time_to_relief_min"))

        orders_acute_outcome_out = cls(
            baseline_category=baseline_category,
            baseline_nrs=baseline_nrs,
            drop_50pct_2h=drop_50pct_2h,
            ed_return_72h=ed_return_72h,
            ed_return_hours=ed_return_hours,
            failure=failure,
            held_24h=held_24h,
            pain_free_2h=pain_free_2h,
            pain_free_60=pain_free_60,
            recurrence=recurrence,
            relief_2h=relief_2h,
            relief_at_discharge=relief_at_discharge,
            rescue_use=rescue_use,
            response=response,
            sustained_freedom_24h=sustained_freedom_24h,
            sustained_freedom_48h=sustained_freedom_48h,
            sustained_relief_24h=sustained_relief_24h,
            sustained_relief_48h=sustained_relief_48h,
            time_to_relief_min=time_to_relief_min,
        )

        orders_acute_outcome_out.additional_properties = d
        return orders_acute_outcome_out

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
