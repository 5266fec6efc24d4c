from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_remittance_out_claims_item import (
        ReimbursementRemittanceOutClaimsItem,
    )
    from ..models.reimbursement_remittance_out_remittances_item import (
        ReimbursementRemittanceOutRemittancesItem,
    )


T = TypeVar("T", bound="ReimbursementRemittanceOut")


@_attrs_define
class ReimbursementRemittanceOut:
    """
    Attributes:
        claims (list[ReimbursementRemittanceOutClaimsItem]):
        duplicate (bool):
        remittances (list[ReimbursementRemittanceOutRemittancesItem]):
    """

    claims: list[ReimbursementRemittanceOutClaimsItem]
    duplicate: bool
    remittances: list[ReimbursementRemittanceOutRemittancesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claims = []
        for claims_item_data in self.claims:
            claims_item = claims_item_data.to_dict()
            claims.append(claims_item)

        duplicate = self.duplicate

        remittances = []
        for remittances_item_data in self.remittances:
            remittances_item = remittances_item_data.to_dict()
            remittances.append(remittances_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claims": claims,
                "duplicate": duplicate,
                "remittances": remittances,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_remittance_out_claims_item import (
            ReimbursementRemittanceOutClaimsItem,  # noqa: PLC0415
        )
        from ..models.reimbursement_remittance_out_remittances_item import (
            ReimbursementRemittanceOutRemittancesItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        claims = []
        _claims = d.pop("claims")
        for claims_item_data in _claims:
            claims_item = ReimbursementRemittanceOutClaimsItem.from_dict(claims_item_data)

            claims.append(claims_item)

        duplicate = d.pop("duplicate")

        remittances = []
        _remittances = d.pop("remittances")
        for remittances_item_data in _remittances:
            remittances_item = ReimbursementRemittanceOutRemittancesItem.from_dict(
                remittances_item_data
            )

            remittances.append(remittances_item)

        reimbursement_remittance_out = cls(
            claims=claims,
            duplicate=duplicate,
            remittances=remittances,
        )

        reimbursement_remittance_out.additional_properties = d
        return reimbursement_remittance_out

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
