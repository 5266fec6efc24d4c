from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AuthorizationScheduleIn")


@_attrs_define
class AuthorizationScheduleIn:
    """
    Attributes:
        reviewer (str): The payer's reviewer (a payer clinician)
        scheduled_at (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
    """

    reviewer: str
    scheduled_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        reviewer = self.reviewer

        scheduled_at = self.scheduled_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reviewer": reviewer,
                "scheduled_at": scheduled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reviewer = d.pop("reviewer")

        scheduled_at = datetime.datetime.fromisoformat(d.pop("scheduled_at"))

        authorization_schedule_in = cls(
            reviewer=reviewer,
            scheduled_at=scheduled_at,
        )

        return authorization_schedule_in
