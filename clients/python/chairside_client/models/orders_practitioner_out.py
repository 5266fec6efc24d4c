from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orders_practitioner_out_roles_item import OrdersPractitionerOutRolesItem

T = TypeVar("T", bound="OrdersPractitionerOut")


@_attrs_define
class OrdersPractitionerOut:
    """
    Attributes:
        active (bool):
        family_name (str):
        given_name (str):
        id (UUID):
        npi (str):
        practice_id (None | str):
        roles (list[OrdersPractitionerOutRolesItem]):
        taxonomy (str):
    """

    active: bool
    family_name: str
    given_name: str
    id: UUID
    npi: str
    practice_id: None | str
    roles: list[OrdersPractitionerOutRolesItem]
    taxonomy: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        family_name = self.family_name

        given_name = self.given_name

        id = str(self.id)

        npi = self.npi

        practice_id: None | str
        practice_id = self.practice_id

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        taxonomy = self.taxonomy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "family_name": family_name,
                "given_name": given_name,
                "id": id,
                "npi": npi,
                "practice_id": practice_id,
                "roles": roles,
                "taxonomy": taxonomy,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        family_name = d.pop("family_name")

        given_name = d.pop("given_name")

        id = UUID(d.pop("id"))

        npi = d.pop("npi")

        def _parse_practice_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        practice_id = _parse_practice_id(d.pop("practice_id"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = OrdersPractitionerOutRolesItem(roles_item_data)

            roles.append(roles_item)

        taxonomy = d.pop("taxonomy")

        orders_practitioner_out = cls(
            active=active,
            family_name=family_name,
            given_name=given_name,
            id=id,
            npi=npi,
            practice_id=practice_id,
            roles=roles,
            taxonomy=taxonomy,
        )

        orders_practitioner_out.additional_properties = d
        return orders_practitioner_out

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
