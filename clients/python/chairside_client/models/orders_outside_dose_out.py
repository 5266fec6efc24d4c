from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersOutsideDoseOut")


@_attrs_define
class OrdersOutsideDoseOut:
    """
    Attributes:
        dose (str):
        dose_unit (str):
        drug_code (str):
        given_at (datetime.datetime):
        id (UUID):
        patient_id (UUID):
        recorded_at (datetime.datetime):
        source (str):
    """

    dose: str
    dose_unit: str
    drug_code: str
    given_at: datetime.datetime
    id: UUID
    patient_id: UUID
    recorded_at: datetime.datetime
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dose = self.dose

        dose_unit = self.dose_unit

        drug_code = self.drug_code

        given_at = self.given_at.isoformat()

        id = str(self.id)

        patient_id = str(self.patient_id)

        recorded_at = self.recorded_at.isoformat()

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dose": dose,
                "dose_unit": dose_unit,
                "drug_code": drug_code,
                "given_at": given_at,
                "id": id,
                "patient_id": patient_id,
                "recorded_at": recorded_at,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dose = d.pop("dose")

        dose_unit = d.pop("dose_unit")

        drug_code = d.pop("drug_code")

        given_at = datetime.datetime.fromisoformat(d.pop("given_at"))

        id = UUID(d.pop("id"))

        patient_id = UUID(d.pop("patient_id"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        source = d.pop("source")

        orders_outside_dose_out = cls(
            dose=dose,
            dose_unit=dose_unit,
            drug_code=drug_code,
            given_at=given_at,
            id=id,
            patient_id=patient_id,
            recorded_at=recorded_at,
            source=source,
        )

        orders_outside_dose_out.additional_properties = d
        return orders_outside_dose_out

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
