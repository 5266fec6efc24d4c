from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_action_in_kind import OrdersActionInKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersActionIn")


@_attrs_define
class OrdersActionIn:
    """
    Attributes:
        at (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        kind (OrdersActionInKind):
        drug_code (None | str | Unset):
        rate (float | None | str | Unset):
    """

    at: datetime.datetime
    kind: OrdersActionInKind
    drug_code: None | str | Unset = UNSET
    rate: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        kind = self.kind.value

        drug_code: None | str | Unset
        if isinstance(self.drug_code, Unset):
            drug_code = UNSET
        else:
            drug_code = self.drug_code

        rate: float | None | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "kind": kind,
            }
        )
        if drug_code is not UNSET:
            field_dict["drug_code"] = drug_code
        if rate is not UNSET:
            field_dict["rate"] = rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        kind = OrdersActionInKind(d.pop("kind"))

        def _parse_drug_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        drug_code = _parse_drug_code(d.pop("drug_code", UNSET))

        def _parse_rate(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        orders_action_in = cls(
            at=at,
            kind=kind,
            drug_code=drug_code,
            rate=rate,
        )

        return orders_action_in
