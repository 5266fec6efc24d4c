from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementContractRefOut")


@_attrs_define
class ReimbursementContractRefOut:
    """
    Attributes:
        name (str):
        payer_id (str):
        plan (str):
        version (int | None): null: the unversioned contract
    """

    name: str
    payer_id: str
    plan: str
    version: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        payer_id = self.payer_id

        plan = self.plan

        version: int | None
        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "payer_id": payer_id,
                "plan": plan,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        payer_id = d.pop("payer_id")

        plan = d.pop("plan")

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        reimbursement_contract_ref_out = cls(
            name=name,
            payer_id=payer_id,
            plan=plan,
            version=version,
        )

        reimbursement_contract_ref_out.additional_properties = d
        return reimbursement_contract_ref_out

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
