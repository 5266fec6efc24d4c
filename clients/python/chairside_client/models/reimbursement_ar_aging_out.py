from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_aging_row_out import ReimbursementAgingRowOut


T = TypeVar("T", bound="ReimbursementArAgingOut")


@_attrs_define
class ReimbursementArAgingOut:
    """
    Attributes:
        from_ (datetime.date):
        rows (list[ReimbursementAgingRowOut]):
        to (datetime.date): A/R as of this day
        total_claims (int):
        total_outstanding (str):
    """

    from_: datetime.date
    rows: list[ReimbursementAgingRowOut]
    to: datetime.date
    total_claims: int
    total_outstanding: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        to = self.to.isoformat()

        total_claims = self.total_claims

        total_outstanding = self.total_outstanding

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "rows": rows,
                "to": to,
                "total_claims": total_claims,
                "total_outstanding": total_outstanding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_aging_row_out import ReimbursementAgingRowOut  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ReimbursementAgingRowOut.from_dict(rows_item_data)

            rows.append(rows_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        total_claims = d.pop("total_claims")

        total_outstanding = d.pop("total_outstanding")

        reimbursement_ar_aging_out = cls(
            from_=from_,
            rows=rows,
            to=to,
            total_claims=total_claims,
            total_outstanding=total_outstanding,
        )

        reimbursement_ar_aging_out.additional_properties = d
        return reimbursement_ar_aging_out

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
