from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_margin_row_out import ReimbursementMarginRowOut


T = TypeVar("T", bound="ReimbursementMarginReport")


@_attrs_define
class ReimbursementMarginReport:
    """
    Attributes:
        by (str):
        from_ (datetime.date):
        rows (list[ReimbursementMarginRowOut]):
        to (datetime.date):
        total_margin (str):
    """

    by: str
    from_: datetime.date
    rows: list[ReimbursementMarginRowOut]
    to: datetime.date
    total_margin: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by = self.by

        from_ = self.from_.isoformat()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        to = self.to.isoformat()

        total_margin = self.total_margin

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by": by,
                "from": from_,
                "rows": rows,
                "to": to,
                "total_margin": total_margin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_margin_row_out import ReimbursementMarginRowOut  # noqa: PLC0415

        d = dict(src_dict)
        by = d.pop("by")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ReimbursementMarginRowOut.from_dict(rows_item_data)

            rows.append(rows_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        total_margin = d.pop("total_margin")

        reimbursement_margin_report = cls(
            by=by,
            from_=from_,
            rows=rows,
            to=to,
            total_margin=total_margin,
        )

        reimbursement_margin_report.additional_properties = d
        return reimbursement_margin_report

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
