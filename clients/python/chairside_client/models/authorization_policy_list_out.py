from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.authorization_coverage_policy import AuthorizationCoveragePolicy
    from ..models.authorization_policy_version import AuthorizationPolicyVersion


T = TypeVar("T", bound="AuthorizationPolicyListOut")


@_attrs_define
class AuthorizationPolicyListOut:
    """
    Attributes:
        payer_id (str):
        policies (list[AuthorizationCoveragePolicy]):
        version (int):
        versions (list[AuthorizationPolicyVersion]):
    """

    payer_id: str
    policies: list[AuthorizationCoveragePolicy]
    version: int
    versions: list[AuthorizationPolicyVersion]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payer_id = self.payer_id

        policies = []
        for policies_item_data in self.policies:
            policies_item = policies_item_data.to_dict()
            policies.append(policies_item)

        version = self.version

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payer_id": payer_id,
                "policies": policies,
                "version": version,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_coverage_policy import AuthorizationCoveragePolicy  # noqa: PLC0415
        from ..models.authorization_policy_version import AuthorizationPolicyVersion  # noqa: PLC0415

        d = dict(src_dict)
        payer_id = d.pop("payer_id")

        policies = []
        _policies = d.pop("policies")
        for policies_item_data in _policies:
            policies_item = AuthorizationCoveragePolicy.from_dict(policies_item_data)

            policies.append(policies_item)

        version = d.pop("version")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = AuthorizationPolicyVersion.from_dict(versions_item_data)

            versions.append(versions_item)

        authorization_policy_list_out = cls(
            payer_id=payer_id,
            policies=policies,
            version=version,
            versions=versions,
        )

        authorization_policy_list_out.additional_properties = d
        return authorization_policy_list_out

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
