from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orders_demographics_out_sex import OrdersDemographicsOutSex

if TYPE_CHECKING:
    from ..models.orders_address_out import OrdersAddressOut


T = TypeVar("T", bound="OrdersDemographicsOut")


@_attrs_define
class OrdersDemographicsOut:
    """
    Attributes:
        address (OrdersAddressOut):
        birth_date (datetime.date):
        family_name (str):
        given_name (str):
        middle_name (None | str):
        patient_id (UUID):
        phone (None | str):
        sex (OrdersDemographicsOutSex):
    """

    address: OrdersAddressOut
    birth_date: datetime.date
    family_name: str
    given_name: str
    middle_name: None | str
    patient_id: UUID
    phone: None | str
    sex: OrdersDemographicsOutSex
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        birth_date = self.birth_date.isoformat()

        family_name = self.family_name

        given_name = self.given_name

        middle_name: None | str
        middle_name = self.middle_name

        patient_id = str(self.patient_id)

        phone: None | str
        phone = self.phone

        sex = self.sex.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "birth_date": birth_date,
                "family_name": family_name,
                "given_name": given_name,
                "middle_name": middle_name,
                "patient_id": patient_id,
                "phone": phone,
                "sex": sex,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_address_out import OrdersAddressOut  # noqa: PLC0415

        d = dict(src_dict)
        address = OrdersAddressOut.from_dict(d.pop("address"))

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        family_name = d.pop("family_name")

        given_name = d.pop("given_name")

        def _parse_middle_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        middle_name = _parse_middle_name(d.pop("middle_name"))

        patient_id = UUID(d.pop("patient_id"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        sex = OrdersDemographicsOutSex(d.pop("sex"))

        orders_demographics_out = cls(
            address=address,
            birth_date=birth_date,
            family_name=family_name,
            given_name=given_name,
            middle_name=middle_name,
            patient_id=patient_id,
            phone=phone,
            sex=sex,
        )

        orders_demographics_out.additional_properties = d
        return orders_demographics_out

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
