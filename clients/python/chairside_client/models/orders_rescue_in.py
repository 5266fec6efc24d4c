from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_rescue_in_route import OrdersRescueInRoute

T = TypeVar("T", bound="OrdersRescueIn")


@_attrs_define
class OrdersRescueIn:
    """
    Attributes:
        dose (float | str):
        drug (str):
        given_at (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        given_by (str):
        route (OrdersRescueInRoute):
        unit (str):
    """

    dose: float | str
    drug: str
    given_at: datetime.datetime
    given_by: str
    route: OrdersRescueInRoute
    unit: str

    def to_dict(self) -> dict[str, Any]:
        dose: float | str
        dose = self.dose

        drug = self.drug

        given_at = self.given_at.isoformat()

        given_by = self.given_by

        route = self.route.value

        unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dose": dose,
                "drug": drug,
                "given_at": given_at,
                "given_by": given_by,
                "route": route,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_dose(data: object) -> float | str:
            return cast(float | str, data)

        dose = _parse_dose(d.pop("dose"))

        drug = d.pop("drug")

        given_at = datetime.datetime.fromisoformat(d.pop("given_at"))

        given_by = d.pop("given_by")

        route = OrdersRescueInRoute(d.pop("route"))

        unit = d.pop("unit")

        orders_rescue_in = cls(
            dose=dose,
            drug=drug,
            given_at=given_at,
            given_by=given_by,
            route=route,
            unit=unit,
        )

        return orders_rescue_in
