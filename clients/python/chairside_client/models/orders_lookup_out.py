from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersLookupOut")


@_attrs_define
class OrdersLookupOut:
    """
    Attributes:
        patient_ids (list[UUID]):
    """

    patient_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        patient_ids = []
        for patient_ids_item_data in self.patient_ids:
            patient_ids_item = str(patient_ids_item_data)
            patient_ids.append(patient_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "patient_ids": patient_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patient_ids = []
        _patient_ids = d.pop("patient_ids")
        for patient_ids_item_data in _patient_ids:
            patient_ids_item = UUID(patient_ids_item_data)

            patient_ids.append(patient_ids_item)

        orders_lookup_out = cls(
            patient_ids=patient_ids,
        )

        orders_lookup_out.additional_properties = d
        return orders_lookup_out

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
