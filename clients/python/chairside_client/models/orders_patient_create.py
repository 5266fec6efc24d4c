from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_patient_create_sex import OrdersPatientCreateSex
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_allergy_in import OrdersAllergyIn
    from ..models.orders_coverage_in import OrdersCoverageIn
    from ..models.orders_medication_in import OrdersMedicationIn
    from ..models.orders_patient_demographics_in import OrdersPatientDemographicsIn


T = TypeVar("T", bound="OrdersPatientCreate")


@_attrs_define
class OrdersPatientCreate:
    """
    Attributes:
        birth_date (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        mrn (str):
        allergies (list[OrdersAllergyIn] | Unset):
        conditions (list[str] | Unset):
        coverages (list[OrdersCoverageIn] | Unset):
        demographics (None | OrdersPatientDemographicsIn | Unset): Legal name, address, phone (PHI, encrypted at rest)
        medications (list[OrdersMedicationIn] | Unset):
        practice_id (None | str | Unset):
        pregnant (bool | None | Unset):
        qtc_ms (int | None | Unset):
        sex (OrdersPatientCreateSex | Unset):  Default: OrdersPatientCreateSex.UNKNOWN.
        weight_kg (float | None | str | Unset):
    """

    birth_date: datetime.date
    mrn: str
    allergies: list[OrdersAllergyIn] | Unset = UNSET
    conditions: list[str] | Unset = UNSET
    coverages: list[OrdersCoverageIn] | Unset = UNSET
    demographics: None | OrdersPatientDemographicsIn | Unset = UNSET
    medications: list[OrdersMedicationIn] | Unset = UNSET
    practice_id: None | str | Unset = UNSET
    pregnant: bool | None | Unset = UNSET
    qtc_ms: int | None | Unset = UNSET
    sex: OrdersPatientCreateSex | Unset = OrdersPatientCreateSex.UNKNOWN
    weight_kg: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_patient_demographics_in import OrdersPatientDemographicsIn  # noqa: PLC0415

        birth_date = self.birth_date.isoformat()

        mrn = self.mrn

        allergies: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allergies, Unset):
            allergies = []
            for allergies_item_data in self.allergies:
                allergies_item = allergies_item_data.to_dict()
                allergies.append(allergies_item)

        conditions: list[str] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = self.conditions

        coverages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.coverages, Unset):
            coverages = []
            for coverages_item_data in self.coverages:
                coverages_item = coverages_item_data.to_dict()
                coverages.append(coverages_item)

        demographics: dict[str, Any] | None | Unset
        if isinstance(self.demographics, Unset):
            demographics = UNSET
        elif isinstance(self.demographics, OrdersPatientDemographicsIn):
            demographics = self.demographics.to_dict()
        else:
            demographics = self.demographics

        medications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.medications, Unset):
            medications = []
            for medications_item_data in self.medications:
                medications_item = medications_item_data.to_dict()
                medications.append(medications_item)

        practice_id: None | str | Unset
        if isinstance(self.practice_id, Unset):
            practice_id = UNSET
        else:
            practice_id = self.practice_id

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

        field_dict.update(
            {
                "birth_date": birth_date,
                "mrn": mrn,
            }
        )
        if allergies is not UNSET:
            field_dict["allergies"] = allergies
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if coverages is not UNSET:
            field_dict["coverages"] = coverages
        if demographics is not UNSET:
            field_dict["demographics"] = demographics
        if medications is not UNSET:
            field_dict["medications"] = medications
        if practice_id is not UNSET:
            field_dict["practice_id"] = practice_id
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
        from ..models.orders_coverage_in import OrdersCoverageIn  # noqa: PLC0415
        from ..models.orders_medication_in import OrdersMedicationIn  # noqa: PLC0415
        from ..models.orders_patient_demographics_in import OrdersPatientDemographicsIn  # noqa: PLC0415

        d = dict(src_dict)
        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        mrn = d.pop("mrn")

        _allergies = d.pop("allergies", UNSET)
        allergies: list[OrdersAllergyIn] | Unset = UNSET
        if _allergies is not UNSET:
            allergies = []
            for allergies_item_data in _allergies:
                allergies_item = OrdersAllergyIn.from_dict(allergies_item_data)

                allergies.append(allergies_item)

        conditions = cast(list[str], d.pop("conditions", UNSET))

        _coverages = d.pop("coverages", UNSET)
        coverages: list[OrdersCoverageIn] | Unset = UNSET
        if _coverages is not UNSET:
            coverages = []
            for coverages_item_data in _coverages:
                coverages_item = OrdersCoverageIn.from_dict(coverages_item_data)

                coverages.append(coverages_item)

        def _parse_demographics(data: object) -> None | OrdersPatientDemographicsIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                demographics_type_0 = OrdersPatientDemographicsIn.from_dict(data)

                return demographics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPatientDemographicsIn | Unset, data)

        demographics = _parse_demographics(d.pop("demographics", UNSET))

        _medications = d.pop("medications", UNSET)
        medications: list[OrdersMedicationIn] | Unset = UNSET
        if _medications is not UNSET:
            medications = []
            for medications_item_data in _medications:
                medications_item = OrdersMedicationIn.from_dict(medications_item_data)

                medications.append(medications_item)

        def _parse_practice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        practice_id = _parse_practice_id(d.pop("practice_id", UNSET))

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
        sex: OrdersPatientCreateSex | Unset
        if isinstance(_sex, Unset):
            sex = UNSET
        else:
            sex = OrdersPatientCreateSex(_sex)

        def _parse_weight_kg(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        weight_kg = _parse_weight_kg(d.pop("weight_kg", UNSET))

        orders_patient_create = cls(
            birth_date=birth_date,
            mrn=mrn,
            allergies=allergies,
            conditions=conditions,
            coverages=coverages,
            demographics=demographics,
            medications=medications,
            practice_id=practice_id,
            pregnant=pregnant,
            qtc_ms=qtc_ms,
            sex=sex,
            weight_kg=weight_kg,
        )

        return orders_patient_create
