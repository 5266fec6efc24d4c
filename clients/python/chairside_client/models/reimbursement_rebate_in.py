from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reimbursement_rebate_in_kind import ReimbursementRebateInKind

T = TypeVar("T", bound="ReimbursementRebateIn")


@_attrs_define
class ReimbursementRebateIn:
    """
    Attributes:
        kind (ReimbursementRebateInKind):
        value (float | str): percent of the contract spend, or an amount per package
    """

    kind: ReimbursementRebateInKind
    value: float | str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        value: float | str
        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ReimbursementRebateInKind(d.pop("kind"))

        def _parse_value(data: object) -> float | str:
            return cast(float | str, data)

        value = _parse_value(d.pop("value"))

        reimbursement_rebate_in = cls(
            kind=kind,
            value=value,
        )

        return reimbursement_rebate_in
