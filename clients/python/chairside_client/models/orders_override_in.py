from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersOverrideIn")


@_attrs_define
class OrdersOverrideIn:
    """
    Attributes:
        finding_code (str):
        reason (str):
        line (int | None | Unset):
        plan (None | str | Unset):
    """

    finding_code: str
    reason: str
    line: int | None | Unset = UNSET
    plan: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        finding_code = self.finding_code

        reason = self.reason

        line: int | None | Unset
        if isinstance(self.line, Unset):
            line = UNSET
        else:
            line = self.line

        plan: None | str | Unset
        if isinstance(self.plan, Unset):
            plan = UNSET
        else:
            plan = self.plan

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "finding_code": finding_code,
                "reason": reason,
            }
        )
        if line is not UNSET:
            field_dict["line"] = line
        if plan is not UNSET:
            field_dict["plan"] = plan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        finding_code = d.pop("finding_code")

        reason = d.pop("reason")

        def _parse_line(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        line = _parse_line(d.pop("line", UNSET))

        def _parse_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan = _parse_plan(d.pop("plan", UNSET))

        orders_override_in = cls(
            finding_code=finding_code,
            reason=reason,
            line=line,
            plan=plan,
        )

        return orders_override_in
