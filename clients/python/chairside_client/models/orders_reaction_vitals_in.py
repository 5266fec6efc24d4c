from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersReactionVitalsIn")


@_attrs_define
class OrdersReactionVitalsIn:
    """
    Attributes:
        at (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        diastolic (int | None | Unset):
        heart_rate (int | None | Unset):
        resp_rate (int | None | Unset):
        spo2 (int | None | Unset):
        systolic (int | None | Unset):
        temp_c (float | None | str | Unset):
    """

    at: datetime.datetime
    diastolic: int | None | Unset = UNSET
    heart_rate: int | None | Unset = UNSET
    resp_rate: int | None | Unset = UNSET
    spo2: int | None | Unset = UNSET
    systolic: int | None | Unset = UNSET
    temp_c: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        diastolic: int | None | Unset
        if isinstance(self.diastolic, Unset):
            diastolic = UNSET
        else:
            diastolic = self.diastolic

        heart_rate: int | None | Unset
        if isinstance(self.heart_rate, Unset):
            heart_rate = UNSET
        else:
            heart_rate = self.heart_rate

        resp_rate: int | None | Unset
        if isinstance(self.resp_rate, Unset):
            resp_rate = UNSET
        else:
            resp_rate = self.resp_rate

        spo2: int | None | Unset
        if isinstance(self.spo2, Unset):
            spo2 = UNSET
        else:
            spo2 = self.spo2

        systolic: int | None | Unset
        if isinstance(self.systolic, Unset):
            systolic = UNSET
        else:
            systolic = self.systolic

        temp_c: float | None | str | Unset
        if isinstance(self.temp_c, Unset):
            temp_c = UNSET
        else:
            temp_c = self.temp_c

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
            }
        )
        if diastolic is not UNSET:
            field_dict["diastolic"] = diastolic
        if heart_rate is not UNSET:
            field_dict["heart_rate"] = heart_rate
        if resp_rate is not UNSET:
            field_dict["resp_rate"] = resp_rate
        if spo2 is not UNSET:
            field_dict["spo2"] = spo2
        if systolic is not UNSET:
            field_dict["systolic"] = systolic
        if temp_c is not UNSET:
            field_dict["temp_c"] = temp_c

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_diastolic(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        diastolic = _parse_diastolic(d.pop("diastolic", UNSET))

        def _parse_heart_rate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        heart_rate = _parse_heart_rate(d.pop("heart_rate", UNSET))

        def _parse_resp_rate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resp_rate = _parse_resp_rate(d.pop("resp_rate", UNSET))

        def _parse_spo2(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        spo2 = _parse_spo2(d.pop("spo2", UNSET))

        def _parse_systolic(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        systolic = _parse_systolic(d.pop("systolic", UNSET))

        def _parse_temp_c(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        temp_c = _parse_temp_c(d.pop("temp_c", UNSET))

        orders_reaction_vitals_in = cls(
            at=at,
            diastolic=diastolic,
            heart_rate=heart_rate,
            resp_rate=resp_rate,
            spo2=spo2,
            systolic=systolic,
            temp_c=temp_c,
        )

        return orders_reaction_vitals_in
