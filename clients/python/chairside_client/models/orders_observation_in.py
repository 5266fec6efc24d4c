from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.orders_observation_in_kind import OrdersObservationInKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersObservationIn")


@_attrs_define
class OrdersObservationIn:
    """
    Attributes:
        kind (OrdersObservationInKind):
        observed_on (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        result (str): per kind: hbv_screen/tb_screen/anti_jcv negative|positive|indeterminate; touch_checklist
            completed|not_completed; mri_brain no_aria|aria_e|aria_h|aria_e_and_h|other_finding; apoe
            e4_noncarrier|e4_heterozygote|e4_homozygote|declined
        source (str):
        order_id (None | Unset | UUID): the infusion a TOUCH checklist is for
    """

    kind: OrdersObservationInKind
    observed_on: datetime.date
    result: str
    source: str
    order_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        observed_on = self.observed_on.isoformat()

        result = self.result

        source = self.source

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        elif isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "observed_on": observed_on,
                "result": result,
                "source": source,
            }
        )
        if order_id is not UNSET:
            field_dict["order_id"] = order_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OrdersObservationInKind(d.pop("kind"))

        observed_on = datetime.date.fromisoformat(d.pop("observed_on"))

        result = d.pop("result")

        source = d.pop("source")

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

        orders_observation_in = cls(
            kind=kind,
            observed_on=observed_on,
            result=result,
            source=source,
            order_id=order_id,
        )

        return orders_observation_in
