from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_practitioner_in_roles_item import OrdersPractitionerInRolesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersPractitionerIn")


@_attrs_define
class OrdersPractitionerIn:
    """
    Attributes:
        family_name (str):
        given_name (str):
        npi (str): 10 digits starting with 1 or 2; the last is the Luhn check digit over 80840 + the first 9
        roles (list[OrdersPractitionerInRolesItem]):
        taxonomy (str): NUCC taxonomy code, e.g. 2084N0402X
        active (bool | Unset):  Default: True.
        practice_id (None | str | Unset): null: works for the whole center
    """

    family_name: str
    given_name: str
    npi: str
    roles: list[OrdersPractitionerInRolesItem]
    taxonomy: str
    active: bool | Unset = True
    practice_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        family_name = self.family_name

        given_name = self.given_name

        npi = self.npi

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        taxonomy = self.taxonomy

        active = self.active

        practice_id: None | str | Unset
        if isinstance(self.practice_id, Unset):
            practice_id = UNSET
        else:
            practice_id = self.practice_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "family_name": family_name,
                "given_name": given_name,
                "npi": npi,
                "roles": roles,
                "taxonomy": taxonomy,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if practice_id is not UNSET:
            field_dict["practice_id"] = practice_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        family_name = d.pop("family_name")

        given_name = d.pop("given_name")

        npi = d.pop("npi")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = OrdersPractitionerInRolesItem(roles_item_data)

            roles.append(roles_item)

        taxonomy = d.pop("taxonomy")

        active = d.pop("active", UNSET)

        def _parse_practice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        practice_id = _parse_practice_id(d.pop("practice_id", UNSET))

        orders_practitioner_in = cls(
            family_name=family_name,
            given_name=given_name,
            npi=npi,
            roles=roles,
            taxonomy=taxonomy,
            active=active,
            practice_id=practice_id,
        )

        return orders_practitioner_in
