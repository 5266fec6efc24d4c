from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.authorization_time_frame_unit import AuthorizationTimeFrameUnit
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizationTimeFrame")


@_attrs_define
class AuthorizationTimeFrame:
    """One clock: ``amount`` of ``unit`` from the payer's receipt of the request.

    Attributes:
        amount (int):
        unit (AuthorizationTimeFrameUnit):
        close_of_business (str | Unset):  Default: '17:00:00'.
        count_non_business_days (bool | Unset):  Default: True.
        roll_to_business_day (bool | Unset):  Default: False.
    """

    amount: int
    unit: AuthorizationTimeFrameUnit
    close_of_business: str | Unset = "17:00:00"
    count_non_business_days: bool | Unset = True
    roll_to_business_day: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        unit = self.unit.value

        close_of_business = self.close_of_business

        count_non_business_days = self.count_non_business_days

        roll_to_business_day = self.roll_to_business_day

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "unit": unit,
            }
        )
        if close_of_business is not UNSET:
            field_dict["close_of_business"] = close_of_business
        if count_non_business_days is not UNSET:
            field_dict["count_non_business_days"] = count_non_business_days
        if roll_to_business_day is not UNSET:
            field_dict["roll_to_business_day"] = roll_to_business_day

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        unit = AuthorizationTimeFrameUnit(d.pop("unit"))

        close_of_business = d.pop("close_of_business", UNSET)

        count_non_business_days = d.pop("count_non_business_days", UNSET)

        roll_to_business_day = d.pop("roll_to_business_day", UNSET)

        authorization_time_frame = cls(
            amount=amount,
            unit=unit,
            close_of_business=close_of_business,
            count_non_business_days=count_non_business_days,
            roll_to_business_day=roll_to_business_day,
        )

        return authorization_time_frame
