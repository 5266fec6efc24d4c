from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_patient_demographics_in_sex_type_0 import (
    OrdersPatientDemographicsInSexType0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_address_in import OrdersAddressIn


T = TypeVar("T", bound="OrdersPatientDemographicsIn")


@_attrs_define
class OrdersPatientDemographicsIn:
    """Demographics sent with a new patient: birth date and sex are the patient's own (left
    out, they are taken from the patient; given, they must be the same).

        Attributes:
            address (OrdersAddressIn):
            family_name (str):
            given_name (str):
            birth_date (datetime.date | None | Unset):
            middle_name (None | str | Unset):
            phone (None | str | Unset):
            sex (None | OrdersPatientDemographicsInSexType0 | Unset):
    """

    address: OrdersAddressIn
    family_name: str
    given_name: str
    birth_date: datetime.date | None | Unset = UNSET
    middle_name: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    sex: None | OrdersPatientDemographicsInSexType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        family_name = self.family_name

        given_name = self.given_name

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        middle_name: None | str | Unset
        if isinstance(self.middle_name, Unset):
            middle_name = UNSET
        else:
            middle_name = self.middle_name

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, OrdersPatientDemographicsInSexType0):
            sex = self.sex.value
        else:
            sex = self.sex

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address": address,
                "family_name": family_name,
                "given_name": given_name,
            }
        )
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if middle_name is not UNSET:
            field_dict["middle_name"] = middle_name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if sex is not UNSET:
            field_dict["sex"] = sex

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_address_in import OrdersAddressIn  # noqa: PLC0415

        d = dict(src_dict)
        address = OrdersAddressIn.from_dict(d.pop("address"))

        family_name = d.pop("family_name")

        given_name = d.pop("given_name")

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_middle_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        middle_name = _parse_middle_name(d.pop("middle_name", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_sex(data: object) -> None | OrdersPatientDemographicsInSexType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = OrdersPatientDemographicsInSexType0(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPatientDemographicsInSexType0 | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        orders_patient_demographics_in = cls(
            address=address,
            family_name=family_name,
            given_name=given_name,
            birth_date=birth_date,
            middle_name=middle_name,
            phone=phone,
            sex=sex,
        )

        return orders_patient_demographics_in
