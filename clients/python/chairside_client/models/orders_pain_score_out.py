from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersPainScoreOut")


@_attrs_define
class OrdersPainScoreOut:
    """
    Attributes:
        at (datetime.datetime):
        category (str):
        nrs (int):
        point (str):
    """

    at: datetime.datetime
    category: str
    nrs: int
    point: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        category = self.category

        nrs = self.nrs

        point = self.point

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "category": category,
                "nrs": nrs,
                "point": point,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        category = d.pop("category")

        nrs = d.pop("nrs")

        point = d.pop("point")

        orders_pain_score_out = cls(
            at=at,
            category=category,
            nrs=nrs,
            point=point,
        )

        orders_pain_score_out.additional_properties = d
        return orders_pain_score_out

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
