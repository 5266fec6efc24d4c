from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersRescueOut")


@_attrs_define
class OrdersRescueOut:
    """
    Attributes:
        dose (str):
        drug (str):
        given_at (datetime.datetime):
        given_by (str):
        route (str):
        unit (str):
    """

    dose: str
    drug: str
    given_at: datetime.datetime
    given_by: str
    route: str
    unit: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dose = self.dose

        drug = self.drug

        given_at = self.given_at.isoformat()

        given_by = self.given_by

        route = self.route

        unit = self.unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dose": dose,
                "drug": drug,
                "given_at": given_at,
                "given_by": given_by,
                "route": route,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dose = d.pop("dose")

        drug = d.pop("drug")

        given_at = datetime.datetime.fromisoformat(d.pop("given_at"))

        given_by = d.pop("given_by")

        route = d.pop("route")

        unit = d.pop("unit")

        orders_rescue_out = cls(
            dose=dose,
            drug=drug,
            given_at=given_at,
            given_by=given_by,
            route=route,
            unit=unit,
        )

        orders_rescue_out.additional_properties = d
        return orders_rescue_out

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
