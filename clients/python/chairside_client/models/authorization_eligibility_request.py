from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizationEligibilityRequest")


@_attrs_define
class AuthorizationEligibilityRequest:
    """
    Attributes:
        expected_allowed_amount (float | None | str | Unset): the visit's expected allowed amount, for the estimate
        order_id (None | Unset | UUID): the visit this check is for
        payer_id (None | str | Unset): the payer to ask; default: the order's payer
        service_date (datetime.date | None | Unset): date of service (DTP*291); default today in the clinic's time zone
    """

    expected_allowed_amount: float | None | str | Unset = UNSET
    order_id: None | Unset | UUID = UNSET
    payer_id: None | str | Unset = UNSET
    service_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        expected_allowed_amount: float | None | str | Unset
        if isinstance(self.expected_allowed_amount, Unset):
            expected_allowed_amount = UNSET
        else:
            expected_allowed_amount = self.expected_allowed_amount

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        elif isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        payer_id: None | str | Unset
        if isinstance(self.payer_id, Unset):
            payer_id = UNSET
        else:
            payer_id = self.payer_id

        service_date: None | str | Unset
        if isinstance(self.service_date, Unset):
            service_date = UNSET
        elif isinstance(self.service_date, datetime.date):
            service_date = self.service_date.isoformat()
        else:
            service_date = self.service_date

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if expected_allowed_amount is not UNSET:
            field_dict["expected_allowed_amount"] = expected_allowed_amount
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if payer_id is not UNSET:
            field_dict["payer_id"] = payer_id
        if service_date is not UNSET:
            field_dict["service_date"] = service_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_expected_allowed_amount(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        expected_allowed_amount = _parse_expected_allowed_amount(
            d.pop("expected_allowed_amount", UNSET)
        )

        def _parse_order_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)

                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        order_id = _parse_order_id(d.pop("order_id", UNSET))

        def _parse_payer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payer_id = _parse_payer_id(d.pop("payer_id", UNSET))

        def _parse_service_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_date_type_0 = datetime.date.fromisoformat(data)

                return service_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        service_date = _parse_service_date(d.pop("service_date", UNSET))

        authorization_eligibility_request = cls(
            expected_allowed_amount=expected_allowed_amount,
            order_id=order_id,
            payer_id=payer_id,
            service_date=service_date,
        )

        return authorization_eligibility_request
