from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_pain_score_in_point import OrdersPainScoreInPoint
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersPainScoreIn")


@_attrs_define
class OrdersPainScoreIn:
    """
    Attributes:
        nrs (int): Numeric rating scale 0-10
        point (OrdersPainScoreInPoint):
        at (datetime.datetime | None | Unset): When it was taken (default: now)
    """

    nrs: int
    point: OrdersPainScoreInPoint
    at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        nrs = self.nrs

        point = self.point.value

        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "nrs": nrs,
                "point": point,
            }
        )
        if at is not UNSET:
            field_dict["at"] = at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nrs = d.pop("nrs")

        point = OrdersPainScoreInPoint(d.pop("point"))

        def _parse_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))

        orders_pain_score_in = cls(
            nrs=nrs,
            point=point,
            at=at,
        )

        return orders_pain_score_in
