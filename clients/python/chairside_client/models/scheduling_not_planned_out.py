from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingNotPlannedOut")


@_attrs_define
class SchedulingNotPlannedOut:
    """
    Attributes:
        appointment_id (UUID):
        reason (str): no_capable_chair: no active chair takes it (pediatric, high-acuity first dose, or both); it stays
            where it is
    """

    appointment_id: UUID
    reason: str

    def to_dict(self) -> dict[str, Any]:
        appointment_id = str(self.appointment_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appointment_id": appointment_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appointment_id = UUID(d.pop("appointment_id"))

        reason = d.pop("reason")

        scheduling_not_planned_out = cls(
            appointment_id=appointment_id,
            reason=reason,
        )

        return scheduling_not_planned_out
