from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersObservationKindOut")


@_attrs_define
class OrdersObservationKindOut:
    """
    Attributes:
        catalog_version (int):
        high (None | str):
        kind (str):
        label (str):
        low (None | str):
        max_age_days (int | None):
        results (list[str]):
        source (str):
        unit (None | str):
    """

    catalog_version: int
    high: None | str
    kind: str
    label: str
    low: None | str
    max_age_days: int | None
    results: list[str]
    source: str
    unit: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        catalog_version = self.catalog_version

        high: None | str
        high = self.high

        kind = self.kind

        label = self.label

        low: None | str
        low = self.low

        max_age_days: int | None
        max_age_days = self.max_age_days

        results = self.results

        source = self.source

        unit: None | str
        unit = self.unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "catalog_version": catalog_version,
                "high": high,
                "kind": kind,
                "label": label,
                "low": low,
                "max_age_days": max_age_days,
                "results": results,
                "source": source,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        catalog_version = d.pop("catalog_version")

        def _parse_high(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        high = _parse_high(d.pop("high"))

        kind = d.pop("kind")

        label = d.pop("label")

        def _parse_low(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        low = _parse_low(d.pop("low"))

        def _parse_max_age_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_age_days = _parse_max_age_days(d.pop("max_age_days"))

        results = cast(list[str], d.pop("results"))

        source = d.pop("source")

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))

        orders_observation_kind_out = cls(
            catalog_version=catalog_version,
            high=high,
            kind=kind,
            label=label,
            low=low,
            max_age_days=max_age_days,
            results=results,
            source=source,
            unit=unit,
        )

        orders_observation_kind_out.additional_properties = d
        return orders_observation_kind_out

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
