from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.scheduling_shift_offer_out_reason import SchedulingShiftOfferOutReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="SchedulingShiftOfferOut")


@_attrs_define
class SchedulingShiftOfferOut:
    """
    Attributes:
        days (int):
        from_position (int):
        reason (SchedulingShiftOfferOutReason):
        how (str | Unset):  Default: 'POST /v1/series/{id}/shift with these days and from_position'.
    """

    days: int
    from_position: int
    reason: SchedulingShiftOfferOutReason
    how: str | Unset = "POST /v1/series/{id}/shift with these days and from_position"

    def to_dict(self) -> dict[str, Any]:
        days = self.days

        from_position = self.from_position

        reason = self.reason.value

        how = self.how

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "days": days,
                "from_position": from_position,
                "reason": reason,
            }
        )
        if how is not UNSET:
            field_dict["how"] = how

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days = d.pop("days")

        from_position = d.pop("from_position")

        reason = SchedulingShiftOfferOutReason(d.pop("reason"))

        how = d.pop("how", UNSET)

        scheduling_shift_offer_out = cls(
            days=days,
            from_position=from_position,
            reason=reason,
            how=how,
        )

        return scheduling_shift_offer_out
