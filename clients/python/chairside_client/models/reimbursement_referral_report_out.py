from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_referral_row_out import ReimbursementReferralRowOut


T = TypeVar("T", bound="ReimbursementReferralReportOut")


@_attrs_define
class ReimbursementReferralReportOut:
    """
    Attributes:
        from_ (datetime.date): first day of the first period
        period (str):
        practice_id (None | str): the practice reported on (None: all)
        rows (list[ReimbursementReferralRowOut]):
        to (datetime.date): last day of the last period
    """

    from_: datetime.date
    period: str
    practice_id: None | str
    rows: list[ReimbursementReferralRowOut]
    to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        period = self.period

        practice_id: None | str
        practice_id = self.practice_id

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "period": period,
                "practice_id": practice_id,
                "rows": rows,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_referral_row_out import ReimbursementReferralRowOut  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        period = d.pop("period")

        def _parse_practice_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        practice_id = _parse_practice_id(d.pop("practice_id"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ReimbursementReferralRowOut.from_dict(rows_item_data)

            rows.append(rows_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        reimbursement_referral_report_out = cls(
            from_=from_,
            period=period,
            practice_id=practice_id,
            rows=rows,
            to=to,
        )

        reimbursement_referral_report_out.additional_properties = d
        return reimbursement_referral_report_out

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
