from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_patient_update_sex import OrdersPatientUpdateSex
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_allergy_in import OrdersAllergyIn
    from ..models.orders_medication_in import OrdersMedicationIn


T = TypeVar("T", bound="OrdersPatientUpdate")


@_attrs_define
class OrdersPatientUpdate:
    """
    Attributes:
        allergies (list[OrdersAllergyIn] | None | Unset):
        birth_date (datetime.date | Unset): calendar date, between 1900-01-01 and 2199-12-31
        conditions (list[str] | None | Unset):
        medications (list[OrdersMedicationIn] | None | Unset):
        pregnant (bool | None | Unset):
        qtc_ms (int | None | Unset):
        sex (OrdersPatientUpdateSex | Unset):
        weight_kg (float | None | str | Unset):
    """

    allergies: list[OrdersAllergyIn] | None | Unset = UNSET
    birth_date: datetime.date | Unset = UNSET
    conditions: list[str] | None | Unset = UNSET
    medications: list[OrdersMedicationIn] | None | Unset = UNSET
    pregnant: bool | None | Unset = UNSET
    qtc_ms: int | None | Unset = UNSET
    sex: OrdersPatientUpdateSex | Unset = UNSET
    weight_kg: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        allergies: list[dict[str, Any]] | None | Unset
        if isinstance(self.allergies, Unset):
            allergies = UNSET
        elif isinstance(self.allergies, list):
            allergies = []
            for allergies_type_0_item_data in self.allergies:
                allergies_type_0_item = allergies_type_0_item_data.to_dict()
                allergies.append(allergies_type_0_item)

        else:
            allergies = self.allergies

        birth_date: str | Unset = UNSET
        if not isinstance(self.birth_date, Unset):
            birth_date = self.birth_date.isoformat()

        conditions: list[str] | None | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        elif isinstance(self.conditions, list):
            conditions = self.conditions

        else:
            conditions = self.conditions

        medications: list[dict[str, Any]] | None | Unset
        if isinstance(self.medications, Unset):
            medications = UNSET
        elif isinstance(self.medications, list):
            medications = []
            for medications_type_0_item_data in self.medications:
                medications_type_0_item = medications_type_0_item_data.to_dict()
                medications.append(medications_type_0_item)

        else:
            medications = self.medications

        pregnant: bool | None | Unset
        if isinstance(self.pregnant, Unset):
            pregnant = UNSET
        else:
            pregnant = self.pregnant

        qtc_ms: int | None | Unset
        if isinstance(self.qtc_ms, Unset):
            qtc_ms = UNSET
        else:
            qtc_ms = self.qtc_ms

        sex: str | Unset = UNSET
        if not isinstance(self.sex, Unset):
            sex = self.sex.value

        weight_kg: float | None | str | Unset
        if isinstance(self.weight_kg, Unset):
            weight_kg = UNSET
        else:
            weight_kg = self.weight_kg

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if allergies is not UNSET:
            field_dict["allergies"] = allergies
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if medications is not UNSET:
            field_dict["medications"] = medications
        if pregnant is not UNSET:
            field_dict["pregnant"] = pregnant
        if qtc_ms is not UNSET:
            field_dict["qtc_ms"] = qtc_ms
        if sex is not UNSET:
            field_dict["sex"] = sex
        if weight_kg is not UNSET:
            field_dict["weight_kg"] = weight_kg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_allergy_in import OrdersAllergyIn  # noqa: PLC0415
        from ..models.orders_medication_in import OrdersMedicationIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_allergies(data: object) -> list[OrdersAllergyIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allergies_type_0 = []
                _allergies_type_0 = data
                for allergies_type_0_item_data in _allergies_type_0:
                    allergies_type_0_item = OrdersAllergyIn.from_dict(allergies_type_0_item_data)

                    allergies_type_0.append(allergies_type_0_item)

                return allergies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrdersAllergyIn] | None | Unset, data)

        allergies = _parse_allergies(d.pop("allergies", UNSET))

        _birth_date = d.pop("birth_date", UNSET)
        birth_date: datetime.date | Unset
        if isinstance(_birth_date, Unset):
            birth_date = UNSET
        else:
            birth_date = datetime.date.fromisoformat(_birth_date)

        def _parse_conditions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                conditions_type_0 = cast(list[str], data)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        conditions = _parse_conditions(d.pop("conditions", UNSET))

        def _parse_medications(data: object) -> list[OrdersMedicationIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                medications_type_0 = []
                _medications_type_0 = data
                for medications_type_0_item_data in _medications_type_0:
                    medications_type_0_item = OrdersMedicationIn.from_dict(
                        medications_type_0_item_data
                    )

                    medications_type_0.append(medications_type_0_item)

                return medications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrdersMedicationIn] | None | Unset, data)

        medications = _parse_medications(d.pop("medications", UNSET))

        def _parse_pregnant(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        pregnant = _parse_pregnant(d.pop("pregnant", UNSET))

        def _parse_qtc_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        qtc_ms = _parse_qtc_ms(d.pop("qtc_ms", UNSET))

        _sex = d.pop("sex", UNSET)
        sex: OrdersPatientUpdateSex | Unset
        if isinstance(_sex, Unset):
            sex = UNSET
        else:
            sex = OrdersPatientUpdateSex(_sex)

        def _parse_weight_kg(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        weight_kg = _parse_weight_kg(d.pop("weight_kg", UNSET))

        orders_patient_update = cls(
            allergies=allergies,
            birth_date=birth_date,
            conditions=conditions,
            medications=medications,
            pregnant=pregnant,
            qtc_ms=qtc_ms,
            sex=sex,
            weight_kg=weight_kg,
        )

        return orders_patient_update
