from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementAgingRowOut")


@_attrs_define
class ReimbursementAgingRowOut:
    """
    Attributes:
        bucket (str): days since first sent: 0-30, 31-60, 61-90, 91-120, 120+
        claims (int):
        outstanding (str):
        payer_id (str):
    """

    bucket: str
    claims: int
    outstanding: str
    payer_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bucket = self.bucket

        claims = self.claims

        outstanding = self.outstanding

        payer_id = self.payer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bucket": bucket,
                "claims": claims,
                "outstanding": outstanding,
                "payer_id": payer_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bucket = d.pop("bucket")

        claims = d.pop("claims")

        outstanding = d.pop("outstanding")

        payer_id = d.pop("payer_id")

        reimbursement_aging_row_out = cls(
            bucket=bucket,
            claims=claims,
            outstanding=outstanding,
            payer_id=payer_id,
        )

        reimbursement_aging_row_out.additional_properties = d
        return reimbursement_aging_row_out

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
