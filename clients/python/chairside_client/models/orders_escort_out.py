from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersEscortOut")


@_attrs_define
class OrdersEscortOut:
    """The escort is on file; its name and phone are not echoed (PHI).

    Attributes:
        confirmed_at (datetime.datetime):
        escort_confirmed (bool):
        order_id (UUID):
    """

    confirmed_at: datetime.datetime
    escort_confirmed: bool
    order_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confirmed_at = self.confirmed_at.isoformat()

        escort_confirmed = self.escort_confirmed

        order_id = str(self.order_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confirmed_at": confirmed_at,
                "escort_confirmed": escort_confirmed,
                "order_id": order_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confirmed_at = datetime.datetime.fromisoformat(d.pop("confirmed_at"))

        escort_confirmed = d.pop("escort_confirmed")

        order_id = UUID(d.pop("order_id"))

        orders_escort_out = cls(
            confirmed_at=confirmed_at,
            escort_confirmed=escort_confirmed,
            order_id=order_id,
        )

        orders_escort_out.additional_properties = d
        return orders_escort_out

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
