from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_invoice_line_in import ReimbursementInvoiceLineIn


T = TypeVar("T", bound="ReimbursementInvoiceIn")


@_attrs_define
class ReimbursementInvoiceIn:
    """
    Attributes:
        id (str): the wholesaler's invoice number
        invoice_date (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        lines (list[ReimbursementInvoiceLineIn]):
        wholesaler (str):
        source (str | Unset):  Default: ''.
    """

    id: str
    invoice_date: datetime.date
    lines: list[ReimbursementInvoiceLineIn]
    wholesaler: str
    source: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        invoice_date = self.invoice_date.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        wholesaler = self.wholesaler

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "invoice_date": invoice_date,
                "lines": lines,
                "wholesaler": wholesaler,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_invoice_line_in import ReimbursementInvoiceLineIn  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        invoice_date = datetime.date.fromisoformat(d.pop("invoice_date"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReimbursementInvoiceLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        wholesaler = d.pop("wholesaler")

        source = d.pop("source", UNSET)

        reimbursement_invoice_in = cls(
            id=id,
            invoice_date=invoice_date,
            lines=lines,
            wholesaler=wholesaler,
            source=source,
        )

        return reimbursement_invoice_in
