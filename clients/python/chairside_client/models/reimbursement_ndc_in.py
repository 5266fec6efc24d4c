from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementNdcIn")


@_attrs_define
class ReimbursementNdcIn:
    """The NDC (and lot) of a drug the MAR recorded without one.

    Attributes:
        ndc (str):
        lot (None | str | Unset):
    """

    ndc: str
    lot: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ndc = self.ndc

        lot: None | str | Unset
        if isinstance(self.lot, Unset):
            lot = UNSET
        else:
            lot = self.lot

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ndc": ndc,
            }
        )
        if lot is not UNSET:
            field_dict["lot"] = lot

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ndc = d.pop("ndc")

        def _parse_lot(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lot = _parse_lot(d.pop("lot", UNSET))

        reimbursement_ndc_in = cls(
            ndc=ndc,
            lot=lot,
        )

        return reimbursement_ndc_in
