from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.orders_patient_out_allergies_item import OrdersPatientOutAllergiesItem
    from ..models.orders_patient_out_medications_item import (
        OrdersPatientOutMedicationsItem,
    )


T = TypeVar("T", bound="OrdersPatientOut")


@_attrs_define
class OrdersPatientOut:
    """
    Attributes:
        allergies (list[OrdersPatientOutAllergiesItem]):
        birth_date (datetime.date):
        conditions (list[str]):
        created_at (datetime.datetime):
        id (UUID):
        medications (list[OrdersPatientOutMedicationsItem]):
        mrn (str):
        practice_id (str):
        pregnant (bool | None):
        qtc_ms (int | None):
        sex (str):
        updated_at (datetime.datetime):
        weight_kg (None | str):
    """

    allergies: list[OrdersPatientOutAllergiesItem]
    birth_date: datetime.date
    conditions: list[str]
    created_at: datetime.datetime
    id: UUID
    medications: list[OrdersPatientOutMedicationsItem]
    mrn: str
    practice_id: str
    pregnant: bool | None
    qtc_ms: int | None
    sex: str
    updated_at: datetime.datetime
    weight_kg: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allergies = []
        for allergies_item_data in self.allergies:
            allergies_item = allergies_item_data.to_dict()
            allergies.append(allergies_item)

        birth_date = self.birth_date.isoformat()

        conditions = self.conditions

        created_at = self.created_at.isoformat()

        id = str(self.id)

        medications = []
        for medications_item_data in self.medications:
            medications_item = medications_item_data.to_dict()
            medications.append(medications_item)

        mrn = self.mrn

        practice_id = self.practice_id

        pregnant: bool | None
        pregnant = self.pregnant

        qtc_ms: int | None
        qtc_ms = self.qtc_ms

        sex = self.sex

        updated_at = self.updated_at.isoformat()

        weight_kg: None | str
        weight_kg = self.weight_kg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allergies": allergies,
                "birth_date": birth_date,
                "conditions": conditions,
                "created_at": created_at,
                "id": id,
                "medications": medications,
                "mrn": mrn,
                "practice_id": practice_id,
                "pregnant": pregnant,
                "qtc_ms": qtc_ms,
                "sex": sex,
                "updated_at": updated_at,
                "weight_kg": weight_kg,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_patient_out_allergies_item import (
            OrdersPatientOutAllergiesItem,  # noqa: PLC0415
        )
        from ..models.orders_patient_out_medications_item import (
            OrdersPatientOutMedicationsItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        allergies = []
        _allergies = d.pop("allergies")
        for allergies_item_data in _allergies:
            allergies_item = OrdersPatientOutAllergiesItem.from_dict(allergies_item_data)

            allergies.append(allergies_item)

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        conditions = cast(list[str], d.pop("conditions"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        medications = []
        _medications = d.pop("medications")
        for medications_item_data in _medications:
            medications_item = OrdersPatientOutMedicationsItem.from_dict(medications_item_data)

            medications.append(medications_item)

        mrn = d.pop("mrn")

        practice_id = d.pop("practice_id")

        def _parse_pregnant(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        pregnant = _parse_pregnant(d.pop("pregnant"))

        def _parse_qtc_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        qtc_ms = _parse_qtc_ms(d.pop("qtc_ms"))

        sex = d.pop("sex")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_weight_kg(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        weight_kg = _parse_weight_kg(d.pop("weight_kg"))

        orders_patient_out = cls(
            allergies=allergies,
            birth_date=birth_date,
            conditions=conditions,
            created_at=created_at,
            id=id,
            medications=medications,
            mrn=mrn,
            practice_id=practice_id,
            pregnant=pregnant,
            qtc_ms=qtc_ms,
            sex=sex,
            updated_at=updated_at,
            weight_kg=weight_kg,
        )

        orders_patient_out.additional_properties = d
        return orders_patient_out

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
