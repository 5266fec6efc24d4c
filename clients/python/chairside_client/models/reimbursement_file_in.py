from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementFileIn")


@_attrs_define
class ReimbursementFileIn:
    """
    Attributes:
        filed_on (datetime.date | None | Unset): Default: today (clinic time zone)
        payer_reference (None | str | Unset):
    """

    filed_on: datetime.date | None | Unset = UNSET
    payer_reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        filed_on: None | str | Unset
        if isinstance(self.filed_on, Unset):
            filed_on = UNSET
        elif isinstance(self.filed_on, datetime.date):
            filed_on = self.filed_on.isoformat()
        else:
            filed_on = self.filed_on

        payer_reference: None | str | Unset
        if isinstance(self.payer_reference, Unset):
            payer_reference = UNSET
        else:
            payer_reference = self.payer_reference

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if filed_on is not UNSET:
            field_dict["filed_on"] = filed_on
        if payer_reference is not UNSET:
            field_dict["payer_reference"] = payer_reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_filed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filed_on_type_0 = datetime.date.fromisoformat(data)

                return filed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        filed_on = _parse_filed_on(d.pop("filed_on", UNSET))

        def _parse_payer_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payer_reference = _parse_payer_reference(d.pop("payer_reference", UNSET))

        reimbursement_file_in = cls(
            filed_on=filed_on,
            payer_reference=payer_reference,
        )

        return reimbursement_file_in
