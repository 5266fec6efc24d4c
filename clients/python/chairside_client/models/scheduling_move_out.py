from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.scheduling_placement import SchedulingPlacement


T = TypeVar("T", bound="SchedulingMoveOut")


@_attrs_define
class SchedulingMoveOut:
    """
    Attributes:
        appointment_id (UUID):
        from_ (SchedulingPlacement):
        to (SchedulingPlacement):
    """

    appointment_id: UUID
    from_: SchedulingPlacement
    to: SchedulingPlacement

    def to_dict(self) -> dict[str, Any]:
        appointment_id = str(self.appointment_id)

        from_ = self.from_.to_dict()

        to = self.to.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appointment_id": appointment_id,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_placement import SchedulingPlacement  # noqa: PLC0415

        d = dict(src_dict)
        appointment_id = UUID(d.pop("appointment_id"))

        from_ = SchedulingPlacement.from_dict(d.pop("from"))

        to = SchedulingPlacement.from_dict(d.pop("to"))

        scheduling_move_out = cls(
            appointment_id=appointment_id,
            from_=from_,
            to=to,
        )

        return scheduling_move_out
