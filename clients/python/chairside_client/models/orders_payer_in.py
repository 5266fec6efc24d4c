from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersPayerIn")


@_attrs_define
class OrdersPayerIn:
    """
    Attributes:
        member_id (str):
        payer_id (str):
        plan_id (None | str | Unset):
    """

    member_id: str
    payer_id: str
    plan_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        member_id = self.member_id

        payer_id = self.payer_id

        plan_id: None | str | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "payer_id": payer_id,
            }
        )
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = d.pop("member_id")

        payer_id = d.pop("payer_id")

        def _parse_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        orders_payer_in = cls(
            member_id=member_id,
            payer_id=payer_id,
            plan_id=plan_id,
        )

        return orders_payer_in
