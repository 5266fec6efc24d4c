from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersObservationKindIn")


@_attrs_define
class OrdersObservationKindIn:
    """An observation kind: a vocabulary of ``results``, or a ``unit`` (with optional
    ``low``/``high`` limits the value is read against: low, normal, high).

        Attributes:
            source (str):
            high (float | None | str | Unset):
            label (str | Unset):  Default: ''.
            low (float | None | str | Unset):
            max_age_days (int | None | Unset): how long a result counts when the gate sets no window of its own
            note (None | str | Unset):
            results (list[str] | Unset):
            unit (None | str | Unset):
    """

    source: str
    high: float | None | str | Unset = UNSET
    label: str | Unset = ""
    low: float | None | str | Unset = UNSET
    max_age_days: int | None | Unset = UNSET
    note: None | str | Unset = UNSET
    results: list[str] | Unset = UNSET
    unit: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        high: float | None | str | Unset
        if isinstance(self.high, Unset):
            high = UNSET
        else:
            high = self.high

        label = self.label

        low: float | None | str | Unset
        if isinstance(self.low, Unset):
            low = UNSET
        else:
            low = self.low

        max_age_days: int | None | Unset
        if isinstance(self.max_age_days, Unset):
            max_age_days = UNSET
        else:
            max_age_days = self.max_age_days

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        results: list[str] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = self.results

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source": source,
            }
        )
        if high is not UNSET:
            field_dict["high"] = high
        if label is not UNSET:
            field_dict["label"] = label
        if low is not UNSET:
            field_dict["low"] = low
        if max_age_days is not UNSET:
            field_dict["max_age_days"] = max_age_days
        if note is not UNSET:
            field_dict["note"] = note
        if results is not UNSET:
            field_dict["results"] = results
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        def _parse_high(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        high = _parse_high(d.pop("high", UNSET))

        label = d.pop("label", UNSET)

        def _parse_low(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        low = _parse_low(d.pop("low", UNSET))

        def _parse_max_age_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_age_days = _parse_max_age_days(d.pop("max_age_days", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        results = cast(list[str], d.pop("results", UNSET))

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        orders_observation_kind_in = cls(
            source=source,
            high=high,
            label=label,
            low=low,
            max_age_days=max_age_days,
            note=note,
            results=results,
            unit=unit,
        )

        return orders_observation_kind_in
