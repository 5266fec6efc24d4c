from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementPayerClaimRulesOut")


@_attrs_define
class ReimbursementPayerClaimRulesOut:
    """
    Attributes:
        accepts_replacement_claims (bool):
        payer_id (str):
        payer_kind (None | str):
        timely_filing_days (int | None):
        updated_at (datetime.datetime | None):
    """

    accepts_replacement_claims: bool
    payer_id: str
    payer_kind: None | str
    timely_filing_days: int | None
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepts_replacement_claims = self.accepts_replacement_claims

        payer_id = self.payer_id

        payer_kind: None | str
        payer_kind = self.payer_kind

        timely_filing_days: int | None
        timely_filing_days = self.timely_filing_days

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepts_replacement_claims": accepts_replacement_claims,
                "payer_id": payer_id,
                "payer_kind": payer_kind,
                "timely_filing_days": timely_filing_days,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepts_replacement_claims = d.pop("accepts_replacement_claims")

        payer_id = d.pop("payer_id")

        def _parse_payer_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_kind = _parse_payer_kind(d.pop("payer_kind"))

        def _parse_timely_filing_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        timely_filing_days = _parse_timely_filing_days(d.pop("timely_filing_days"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        reimbursement_payer_claim_rules_out = cls(
            accepts_replacement_claims=accepts_replacement_claims,
            payer_id=payer_id,
            payer_kind=payer_kind,
            timely_filing_days=timely_filing_days,
            updated_at=updated_at,
        )

        reimbursement_payer_claim_rules_out.additional_properties = d
        return reimbursement_payer_claim_rules_out

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
