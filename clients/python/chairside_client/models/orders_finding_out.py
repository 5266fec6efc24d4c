from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orders_finding_out_severity import OrdersFindingOutSeverity
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersFindingOut")


@_attrs_define
class OrdersFindingOut:
    """
    Attributes:
        code (str):
        message (str):
        severity (OrdersFindingOutSeverity):
        line (int | None | Unset):
        overridden (bool | Unset):  Default: False.
    """

    code: str
    message: str
    severity: OrdersFindingOutSeverity
    line: int | None | Unset = UNSET
    overridden: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        severity = self.severity.value

        line: int | None | Unset
        if isinstance(self.line, Unset):
            line = UNSET
        else:
            line = self.line

        overridden = self.overridden

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "severity": severity,
            }
        )
        if line is not UNSET:
            field_dict["line"] = line
        if overridden is not UNSET:
            field_dict["overridden"] = overridden

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        severity = OrdersFindingOutSeverity(d.pop("severity"))

        def _parse_line(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        line = _parse_line(d.pop("line", UNSET))

        overridden = d.pop("overridden", UNSET)

        orders_finding_out = cls(
            code=code,
            message=message,
            severity=severity,
            line=line,
            overridden=overridden,
        )

        orders_finding_out.additional_properties = d
        return orders_finding_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
