from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_reorder_row_out import ReimbursementReorderRowOut


T = TypeVar("T", bound="ReimbursementReorderOut")


@_attrs_define
class ReimbursementReorderOut:
    """
    Attributes:
        days (int):
        doses_counted (int):
        rows (list[ReimbursementReorderRowOut]):
        today (datetime.date):
    """

    days: int
    doses_counted: int
    rows: list[ReimbursementReorderRowOut]
    today: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        days = self.days

        doses_counted = self.doses_counted

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        today = self.today.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "days": days,
                "doses_counted": doses_counted,
                "rows": rows,
                "today": today,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_reorder_row_out import ReimbursementReorderRowOut  # noqa: PLC0415

        d = dict(src_dict)
        days = d.pop("days")

        doses_counted = d.pop("doses_counted")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ReimbursementReorderRowOut.from_dict(rows_item_data)

            rows.append(rows_item)

        today = datetime.date.fromisoformat(d.pop("today"))

        reimbursement_reorder_out = cls(
            days=days,
            doses_counted=doses_counted,
            rows=rows,
            today=today,
        )

        reimbursement_reorder_out.additional_properties = d
        return reimbursement_reorder_out

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
