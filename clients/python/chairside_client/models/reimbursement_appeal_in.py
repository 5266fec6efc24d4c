from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reimbursement_appeal_in_payer_type_type_0 import (
    ReimbursementAppealInPayerTypeType0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementAppealIn")


@_attrs_define
class ReimbursementAppealIn:
    """
    Attributes:
        reason (str): Why the denial is wrong (kept with the appeal; not logged)
        amount_in_controversy (float | None | str | Unset): Default: charged less paid less the patient's share
        clerical (bool | Unset): A clerical error (math, data entry, duplicate denial): a Medicare reopening, not an
            appeal Default: False.
        payer_type (None | ReimbursementAppealInPayerTypeType0 | Unset): Decides the levels and deadlines; default: the
            payer contract's kind
        remark_codes (list[str] | Unset): The denial's RARCs (MA130: no appeal rights)
    """

    reason: str
    amount_in_controversy: float | None | str | Unset = UNSET
    clerical: bool | Unset = False
    payer_type: None | ReimbursementAppealInPayerTypeType0 | Unset = UNSET
    remark_codes: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        amount_in_controversy: float | None | str | Unset
        if isinstance(self.amount_in_controversy, Unset):
            amount_in_controversy = UNSET
        else:
            amount_in_controversy = self.amount_in_controversy

        clerical = self.clerical

        payer_type: None | str | Unset
        if isinstance(self.payer_type, Unset):
            payer_type = UNSET
        elif isinstance(self.payer_type, ReimbursementAppealInPayerTypeType0):
            payer_type = self.payer_type.value
        else:
            payer_type = self.payer_type

        remark_codes: list[str] | Unset = UNSET
        if not isinstance(self.remark_codes, Unset):
            remark_codes = self.remark_codes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if amount_in_controversy is not UNSET:
            field_dict["amount_in_controversy"] = amount_in_controversy
        if clerical is not UNSET:
            field_dict["clerical"] = clerical
        if payer_type is not UNSET:
            field_dict["payer_type"] = payer_type
        if remark_codes is not UNSET:
            field_dict["remark_codes"] = remark_codes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_amount_in_controversy(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount_in_controversy = _parse_amount_in_controversy(d.pop("amount_in_controversy", UNSET))

        clerical = d.pop("clerical", UNSET)

        def _parse_payer_type(data: object) -> None | ReimbursementAppealInPayerTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payer_type_type_0 = ReimbursementAppealInPayerTypeType0(data)

                return payer_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementAppealInPayerTypeType0 | Unset, data)

        payer_type = _parse_payer_type(d.pop("payer_type", UNSET))

        remark_codes = cast(list[str], d.pop("remark_codes", UNSET))

        reimbursement_appeal_in = cls(
            reason=reason,
            amount_in_controversy=amount_in_controversy,
            clerical=clerical,
            payer_type=payer_type,
            remark_codes=remark_codes,
        )

        return reimbursement_appeal_in
