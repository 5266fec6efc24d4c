from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_carc_group_out import ReimbursementCarcGroupOut


T = TypeVar("T", bound="ReimbursementDenialsByCarcOut")


@_attrs_define
class ReimbursementDenialsByCarcOut:
    """
    Attributes:
        amount (str):
        claims (int):
        groups (list[ReimbursementCarcGroupOut]):
        source (str):
        version (str):
    """

    amount: str
    claims: int
    groups: list[ReimbursementCarcGroupOut]
    source: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        claims = self.claims

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        source = self.source

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "claims": claims,
                "groups": groups,
                "source": source,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_carc_group_out import ReimbursementCarcGroupOut  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        claims = d.pop("claims")

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = ReimbursementCarcGroupOut.from_dict(groups_item_data)

            groups.append(groups_item)

        source = d.pop("source")

        version = d.pop("version")

        reimbursement_denials_by_carc_out = cls(
            amount=amount,
            claims=claims,
            groups=groups,
            source=source,
            version=version,
        )

        reimbursement_denials_by_carc_out.additional_properties = d
        return reimbursement_denials_by_carc_out

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
