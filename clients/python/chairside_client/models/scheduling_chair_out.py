from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SchedulingChairOut")


@_attrs_define
class SchedulingChairOut:
    """
    Attributes:
        id (str):
        active (bool | Unset):  Default: True.
        high_acuity_capable (bool | Unset): takes a high-acuity first dose (the booking policy's classes, default
            'high'); other visits may sit there too Default: False.
        kind (str | Unset):  Default: 'recliner'.
        pediatric_capable (bool | Unset):  Default: False.
    """

    id: str
    active: bool | Unset = True
    high_acuity_capable: bool | Unset = False
    kind: str | Unset = "recliner"
    pediatric_capable: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        active = self.active

        high_acuity_capable = self.high_acuity_capable

        kind = self.kind

        pediatric_capable = self.pediatric_capable

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if high_acuity_capable is not UNSET:
            field_dict["high_acuity_capable"] = high_acuity_capable
        if kind is not UNSET:
            field_dict["kind"] = kind
        if pediatric_capable is not UNSET:
            field_dict["pediatric_capable"] = pediatric_capable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        active = d.pop("active", UNSET)

        high_acuity_capable = d.pop("high_acuity_capable", UNSET)

        kind = d.pop("kind", UNSET)

        pediatric_capable = d.pop("pediatric_capable", UNSET)

        scheduling_chair_out = cls(
            id=id,
            active=active,
            high_acuity_capable=high_acuity_capable,
            kind=kind,
            pediatric_capable=pediatric_capable,
        )

        return scheduling_chair_out
