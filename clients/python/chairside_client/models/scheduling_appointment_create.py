from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SchedulingAppointmentCreate")


@_attrs_define
class SchedulingAppointmentCreate:
    """
    Attributes:
        order_id (UUID):
        start (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        chair_id (None | str | Unset):
    """

    order_id: UUID
    start: datetime.datetime
    chair_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        order_id = str(self.order_id)

        start = self.start.isoformat()

        chair_id: None | str | Unset
        if isinstance(self.chair_id, Unset):
            chair_id = UNSET
        else:
            chair_id = self.chair_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order_id": order_id,
                "start": start,
            }
        )
        if chair_id is not UNSET:
            field_dict["chair_id"] = chair_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_id = UUID(d.pop("order_id"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        def _parse_chair_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chair_id = _parse_chair_id(d.pop("chair_id", UNSET))

        scheduling_appointment_create = cls(
            order_id=order_id,
            start=start,
            chair_id=chair_id,
        )

        return scheduling_appointment_create
