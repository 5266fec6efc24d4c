from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_invoice_line_out import ReimbursementInvoiceLineOut


T = TypeVar("T", bound="ReimbursementInvoiceOut")


@_attrs_define
class ReimbursementInvoiceOut:
    """
    Attributes:
        id (str):
        invoice_date (datetime.date):
        lines (list[ReimbursementInvoiceLineOut]):
        source (str):
        total (str):
        wholesaler (str):
    """

    id: str
    invoice_date: datetime.date
    lines: list[ReimbursementInvoiceLineOut]
    source: str
    total: str
    wholesaler: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        invoice_date = self.invoice_date.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        source = self.source

        total = self.total

        wholesaler = self.wholesaler

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "invoice_date": invoice_date,
                "lines": lines,
                "source": source,
                "total": total,
                "wholesaler": wholesaler,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_invoice_line_out import ReimbursementInvoiceLineOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        invoice_date = datetime.date.fromisoformat(d.pop("invoice_date"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReimbursementInvoiceLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        source = d.pop("source")

        total = d.pop("total")

        wholesaler = d.pop("wholesaler")

        reimbursement_invoice_out = cls(
            id=id,
            invoice_date=invoice_date,
            lines=lines,
            source=source,
            total=total,
            wholesaler=wholesaler,
        )

        reimbursement_invoice_out.additional_properties = d
        return reimbursement_invoice_out

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
