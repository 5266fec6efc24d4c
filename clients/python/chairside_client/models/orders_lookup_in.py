from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_lookup_in_purpose import OrdersLookupInPurpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersLookupIn")


@_attrs_define
class OrdersLookupIn:
    """
    Attributes:
        birth_date (datetime.date | None | Unset):
        family_name (None | str | Unset):
        given_name (None | str | Unset):
        member_id (None | str | Unset):
        practice_id (None | str | Unset):
        purpose (OrdersLookupInPurpose | Unset):  Default: OrdersLookupInPurpose.TREATMENT.
    """

    birth_date: datetime.date | None | Unset = UNSET
    family_name: None | str | Unset = UNSET
    given_name: None | str | Unset = UNSET
    member_id: None | str | Unset = UNSET
    practice_id: None | str | Unset = UNSET
    purpose: OrdersLookupInPurpose | Unset = OrdersLookupInPurpose.TREATMENT

    def to_dict(self) -> dict[str, Any]:
        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

        given_name: None | str | Unset
        if isinstance(self.given_name, Unset):
            given_name = UNSET
        else:
            given_name = self.given_name

        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        else:
            member_id = self.member_id

        practice_id: None | str | Unset
        if isinstance(self.practice_id, Unset):
            practice_id = UNSET
        else:
            practice_id = self.practice_id

        purpose: str | Unset = UNSET
        if not isinstance(self.purpose, Unset):
            purpose = self.purpose.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if practice_id is not UNSET:
            field_dict["practice_id"] = practice_id
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_family_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        family_name = _parse_family_name(d.pop("family_name", UNSET))

        def _parse_given_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        given_name = _parse_given_name(d.pop("given_name", UNSET))

        def _parse_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        member_id = _parse_member_id(d.pop("member_id", UNSET))

        def _parse_practice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        practice_id = _parse_practice_id(d.pop("practice_id", UNSET))

        _purpose = d.pop("purpose", UNSET)
        purpose: OrdersLookupInPurpose | Unset
        if isinstance(_purpose, Unset):
            purpose = UNSET
        else:
            purpose = OrdersLookupInPurpose(_purpose)

        orders_lookup_in = cls(
            birth_date=birth_date,
            family_name=family_name,
            given_name=given_name,
            member_id=member_id,
            practice_id=practice_id,
            purpose=purpose,
        )

        return orders_lookup_in
