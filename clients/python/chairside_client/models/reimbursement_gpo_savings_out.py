from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_savings_row_out import ReimbursementSavingsRowOut


T = TypeVar("T", bound="ReimbursementGpoSavingsOut")


@_attrs_define
class ReimbursementGpoSavingsOut:
    """
    Attributes:
        from_ (datetime.date):
        rows (list[ReimbursementSavingsRowOut]):
        to (datetime.date):
        total_rebates_expected (str):
        total_savings (str):
        total_spend (str):
    """

    from_: datetime.date
    rows: list[ReimbursementSavingsRowOut]
    to: datetime.date
    total_rebates_expected: str
    total_savings: str
    total_spend: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        to = self.to.isoformat()

        total_rebates_expected = self.total_rebates_expected

        total_savings = self.total_savings

        total_spend = self.total_spend

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "rows": rows,
                "to": to,
                "total_rebates_expected": total_rebates_expected,
                "total_savings": total_savings,
                "total_spend": total_spend,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_savings_row_out import ReimbursementSavingsRowOut  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ReimbursementSavingsRowOut.from_dict(rows_item_data)

            rows.append(rows_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        total_rebates_expected = d.pop("total_rebates_expected")

        total_savings = d.pop("total_savings")

        total_spend = d.pop("total_spend")

        reimbursement_gpo_savings_out = cls(
            from_=from_,
            rows=rows,
            to=to,
            total_rebates_expected=total_rebates_expected,
            total_savings=total_savings,
            total_spend=total_spend,
        )

        reimbursement_gpo_savings_out.additional_properties = d
        return reimbursement_gpo_savings_out

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
