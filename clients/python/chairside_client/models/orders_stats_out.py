from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersStatsOut")


@_attrs_define
class OrdersStatsOut:
    """
    Attributes:
        key (str):
        last_results (list[str]):
        settled (int):
        success_rate (float | None):
        successes (int):
        visits (int):
        name (None | str | Unset):
    """

    key: str
    last_results: list[str]
    settled: int
    success_rate: float | None
    successes: int
    visits: int
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        last_results = self.last_results

        settled = self.settled

        success_rate: float | None
        success_rate = self.success_rate

        successes = self.successes

        visits = self.visits

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "last_results": last_results,
                "settled": settled,
                "success_rate": success_rate,
                "successes": successes,
                "visits": visits,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        last_results = cast(list[str], d.pop("last_results"))

        settled = d.pop("settled")

        def _parse_success_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        success_rate = _parse_success_rate(d.pop("success_rate"))

        successes = d.pop("successes")

        visits = d.pop("visits")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        orders_stats_out = cls(
            key=key,
            last_results=last_results,
            settled=settled,
            success_rate=success_rate,
            successes=successes,
            visits=visits,
            name=name,
        )

        orders_stats_out.additional_properties = d
        return orders_stats_out

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
