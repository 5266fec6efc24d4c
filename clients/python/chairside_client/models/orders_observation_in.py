from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersObservationIn")


@_attrs_define
class OrdersObservationIn:
    """
    Attributes:
        kind (str): a kind the catalog defines (GET /v1/observation-kinds), e.g. hbv_screen, tb_screen, anti_jcv,
            touch_checklist, mri_brain, apoe; an unknown kind is refused with a 422 naming `kind`
        observed_on (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        source (str):
        order_id (None | Unset | UUID): the infusion a TOUCH checklist is for
        result (None | str | Unset): one of the kind's results (e.g. hbv_screen negative|positive|indeterminate); left
            out for a numeric kind, whose value sets it (low|normal|high)
        value (float | None | str | Unset): a numeric kind's value, in the kind's unit
    """

    kind: str
    observed_on: datetime.date
    source: str
    order_id: None | Unset | UUID = UNSET
    result: None | str | Unset = UNSET
    value: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        observed_on = self.observed_on.isoformat()

        source = self.source

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        elif isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        value: float | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "observed_on": observed_on,
                "source": source,
            }
        )
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if result is not UNSET:
            field_dict["result"] = result
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        observed_on = datetime.date.fromisoformat(d.pop("observed_on"))

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

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_value(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        orders_observation_in = cls(
            kind=kind,
            observed_on=observed_on,
            source=source,
            order_id=order_id,
            result=result,
            value=value,
        )

        return orders_observation_in
