from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersReactionVitalsOut")


@_attrs_define
class OrdersReactionVitalsOut:
    """
    Attributes:
        at (datetime.datetime):
        diastolic (int | None):
        heart_rate (int | None):
        resp_rate (int | None):
        spo2 (int | None):
        systolic (int | None):
        temp_c (None | str):
    """

    at: datetime.datetime
    diastolic: int | None
    heart_rate: int | None
    resp_rate: int | None
    spo2: int | None
    systolic: int | None
    temp_c: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        diastolic: int | None
        diastolic = self.diastolic

        heart_rate: int | None
        heart_rate = self.heart_rate

        resp_rate: int | None
        resp_rate = self.resp_rate

        spo2: int | None
        spo2 = self.spo2

        systolic: int | None
        systolic = self.systolic

        temp_c: None | str
        temp_c = self.temp_c

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "diastolic": diastolic,
                "heart_rate": heart_rate,
                "resp_rate": resp_rate,
                "spo2": spo2,
                "systolic": systolic,
                "temp_c": temp_c,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_diastolic(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        diastolic = _parse_diastolic(d.pop("diastolic"))

        def _parse_heart_rate(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        heart_rate = _parse_heart_rate(d.pop("heart_rate"))

        def _parse_resp_rate(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        resp_rate = _parse_resp_rate(d.pop("resp_rate"))

        def _parse_spo2(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        spo2 = _parse_spo2(d.pop("spo2"))

        def _parse_systolic(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        systolic = _parse_systolic(d.pop("systolic"))

        def _parse_temp_c(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        temp_c = _parse_temp_c(d.pop("temp_c"))

        orders_reaction_vitals_out = cls(
            at=at,
            diastolic=diastolic,
            heart_rate=heart_rate,
            resp_rate=resp_rate,
            spo2=spo2,
            systolic=systolic,
            temp_c=temp_c,
        )

        orders_reaction_vitals_out.additional_properties = d
        return orders_reaction_vitals_out

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
