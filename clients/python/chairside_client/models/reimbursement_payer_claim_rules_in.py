from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementPayerClaimRulesIn")


@_attrs_define
class ReimbursementPayerClaimRulesIn:
    """
    Attributes:
        accepts_replacement_claims (bool | None | Unset): frequency 7/8 claims; null: all payers but Medicare FFS (MACs
            reopen instead)
        timely_filing_days (int | None | Unset): days from the date of service; null: Medicare FFS 12 months, others the
            default
    """

    accepts_replacement_claims: bool | None | Unset = UNSET
    timely_filing_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accepts_replacement_claims: bool | None | Unset
        if isinstance(self.accepts_replacement_claims, Unset):
            accepts_replacement_claims = UNSET
        else:
            accepts_replacement_claims = self.accepts_replacement_claims

        timely_filing_days: int | None | Unset
        if isinstance(self.timely_filing_days, Unset):
            timely_filing_days = UNSET
        else:
            timely_filing_days = self.timely_filing_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if accepts_replacement_claims is not UNSET:
            field_dict["accepts_replacement_claims"] = accepts_replacement_claims
        if timely_filing_days is not UNSET:
            field_dict["timely_filing_days"] = timely_filing_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_accepts_replacement_claims(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        accepts_replacement_claims = _parse_accepts_replacement_claims(
            d.pop("accepts_replacement_claims", UNSET)
        )

        def _parse_timely_filing_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        timely_filing_days = _parse_timely_filing_days(d.pop("timely_filing_days", UNSET))

        reimbursement_payer_claim_rules_in = cls(
            accepts_replacement_claims=accepts_replacement_claims,
            timely_filing_days=timely_filing_days,
        )

        return reimbursement_payer_claim_rules_in
