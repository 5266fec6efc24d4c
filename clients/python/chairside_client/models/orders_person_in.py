from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_person_in_sex import OrdersPersonInSex
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_address_in import OrdersAddressIn


T = TypeVar("T", bound="OrdersPersonIn")


@_attrs_define
class OrdersPersonIn:
    """
    Attributes:
        address (OrdersAddressIn):
        birth_date (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        family_name (str):
        given_name (str):
        sex (OrdersPersonInSex):
        middle_name (None | str | Unset):
        phone (None | str | Unset): 10 digits, e.g. 6175550123
    """

    address: OrdersAddressIn
    birth_date: datetime.date
    family_name: str
    given_name: str
    sex: OrdersPersonInSex
    middle_name: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        birth_date = self.birth_date.isoformat()

        family_name = self.family_name

        given_name = self.given_name

        sex = self.sex.value

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address": address,
                "birth_date": birth_date,
                "family_name": family_name,
                "given_name": given_name,
                "sex": sex,
            }
        )
        if middle_name is not UNSET:
            field_dict["middle_name"] = middle_name
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_address_in import OrdersAddressIn  # noqa: PLC0415

        d = dict(src_dict)
        address = OrdersAddressIn.from_dict(d.pop("address"))

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        family_name = d.pop("family_name")

        given_name = d.pop("given_name")

        sex = OrdersPersonInSex(d.pop("sex"))

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

        orders_person_in = cls(
            address=address,
            birth_date=birth_date,
            family_name=family_name,
            given_name=given_name,
            sex=sex,
            middle_name=middle_name,
            phone=phone,
        )

        return orders_person_in
