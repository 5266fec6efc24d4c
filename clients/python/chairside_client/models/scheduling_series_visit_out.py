from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.scheduling_appointment_out import SchedulingAppointmentOut


T = TypeVar("T", bound="SchedulingSeriesVisitOut")


@_attrs_define
class SchedulingSeriesVisitOut:
    """
    Attributes:
        appointment (None | SchedulingAppointmentOut):
        day (datetime.date | None): the local day its appointment is on now
        order_id (UUID):
        planned_day (datetime.date):
        position (int):
        status (str): the appointment's status, 'paused' while an RX-6 hold is open and the visit has not started, or
            'unbooked'
    """

    appointment: None | SchedulingAppointmentOut
    day: datetime.date | None
    order_id: UUID
    planned_day: datetime.date
    position: int
    status: str

    def to_dict(self) -> dict[str, Any]:
        from ..models.scheduling_appointment_out import SchedulingAppointmentOut  # noqa: PLC0415

        appointment: dict[str, Any] | None
        if isinstance(self.appointment, SchedulingAppointmentOut):
            appointment = self.appointment.to_dict()
        else:
            appointment = self.appointment

        day: None | str
        if isinstance(self.day, datetime.date):
            day = self.day.isoformat()
        else:
            day = self.day

        order_id = str(self.order_id)

        planned_day = self.planned_day.isoformat()

        position = self.position

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appointment": appointment,
                "day": day,
                "order_id": order_id,
                "planned_day": planned_day,
                "position": position,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_appointment_out import SchedulingAppointmentOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_appointment(data: object) -> None | SchedulingAppointmentOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                appointment_type_0 = SchedulingAppointmentOut.from_dict(data)

                return appointment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulingAppointmentOut, data)

        appointment = _parse_appointment(d.pop("appointment"))

        def _parse_day(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                day_type_0 = datetime.date.fromisoformat(data)

                return day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        day = _parse_day(d.pop("day"))

        order_id = UUID(d.pop("order_id"))

        planned_day = datetime.date.fromisoformat(d.pop("planned_day"))

        position = d.pop("position")

        status = d.pop("status")

        scheduling_series_visit_out = cls(
            appointment=appointment,
            day=day,
            order_id=order_id,
            planned_day=planned_day,
            position=position,
            status=status,
        )

        return scheduling_series_visit_out
