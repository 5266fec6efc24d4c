from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementClaimFhirResponse")


@_attrs_define
class ReimbursementClaimFhirResponse:
    """
    Attributes:
        resource_type (Literal['Claim']):
    """

    resource_type: Literal["Claim"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resourceType": resource_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_type = cast(Literal["Claim"], d.pop("resourceType"))
        if resource_type != "Claim":
            raise ValueError(f"resourceType must match const 'Claim', got '{resource_type}'")

        reimbursement_claim_fhir_response = cls(
            resource_type=resource_type,
        )

        reimbursement_claim_fhir_response.additional_properties = d
        return reimbursement_claim_fhir_response

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
