from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersDischargeCheckIn")


@_attrs_define
class OrdersDischargeCheckIn:
    """
    Attributes:
        gait_steady (bool | None | Unset):
        nausea_controlled (bool | None | Unset):
        orthostatics_negative (bool | None | Unset):
    """

    gait_steady: bool | None | Unset = UNSET
    nausea_controlled: bool | None | Unset = UNSET
    orthostatics_negative: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gait_steady: bool | None | Unset
        if isinstance(self.gait_steady, Unset):
            gait_steady = UNSET
        else:
            gait_steady = self.gait_steady

        nausea_controlled: bool | None | Unset
        if isinstance(self.nausea_controlled, Unset):
            nausea_controlled = UNSET
        else:
            nausea_controlled = self.nausea_controlled

        orthostatics_negative: bool | None | Unset
        if isinstance(self.orthostatics_negative, Unset):
            orthostatics_negative = UNSET
        else:
            orthostatics_negative = self.orthostatics_negative

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if gait_steady is not UNSET:
            field_dict["gait_steady"] = gait_steady
        if nausea_controlled is not UNSET:
            field_dict["nausea_controlled"] = nausea_controlled
        if orthostatics_negative is not UNSET:
            field_dict["orthostatics_negative"] = orthostatics_negative

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_gait_steady(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        gait_steady = _parse_gait_steady(d.pop("gait_steady", UNSET))

        def _parse_nausea_controlled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        nausea_controlled = _parse_nausea_controlled(d.pop("nausea_controlled", UNSET))

        def _parse_orthostatics_negative(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        orthostatics_negative = _parse_orthostatics_negative(d.pop("orthostatics_negative", UNSET))

        orders_discharge_check_in = cls(
            gait_steady=gait_steady,
            nausea_controlled=nausea_controlled,
            orthostatics_negative=orthostatics_negative,
        )

        return orders_discharge_check_in
