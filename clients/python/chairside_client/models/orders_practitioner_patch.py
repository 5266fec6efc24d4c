from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_practitioner_patch_roles_type_0_item import (
    OrdersPractitionerPatchRolesType0Item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersPractitionerPatch")


@_attrs_define
class OrdersPractitionerPatch:
    """
    Attributes:
        active (bool | None | Unset):
        family_name (None | str | Unset):
        given_name (None | str | Unset):
        npi (None | str | Unset):
        practice_id (None | str | Unset):
        roles (list[OrdersPractitionerPatchRolesType0Item] | None | Unset):
        taxonomy (None | str | Unset):
    """

    active: bool | None | Unset = UNSET
    family_name: None | str | Unset = UNSET
    given_name: None | str | Unset = UNSET
    npi: None | str | Unset = UNSET
    practice_id: None | str | Unset = UNSET
    roles: list[OrdersPractitionerPatchRolesType0Item] | None | Unset = UNSET
    taxonomy: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

        given_name: None | str | Unset
        if isinstance(self.given_name, Unset):
            given_name = UNSET
        else:
            given_name = self.given_name

        npi: None | str | Unset
        if isinstance(self.npi, Unset):
            npi = UNSET
        else:
            npi = self.npi

        practice_id: None | str | Unset
        if isinstance(self.practice_id, Unset):
            practice_id = UNSET
        else:
            practice_id = self.practice_id

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item = roles_type_0_item_data.value
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        taxonomy: None | str | Unset
        if isinstance(self.taxonomy, Unset):
            taxonomy = UNSET
        else:
            taxonomy = self.taxonomy

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if npi is not UNSET:
            field_dict["npi"] = npi
        if practice_id is not UNSET:
            field_dict["practice_id"] = practice_id
        if roles is not UNSET:
            field_dict["roles"] = roles
        if taxonomy is not UNSET:
            field_dict["taxonomy"] = taxonomy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_family_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        family_name = _parse_family_name(d.pop("family_name", UNSET))

        def _parse_given_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        given_name = _parse_given_name(d.pop("given_name", UNSET))

        def _parse_npi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        npi = _parse_npi(d.pop("npi", UNSET))

        def _parse_practice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        practice_id = _parse_practice_id(d.pop("practice_id", UNSET))

        def _parse_roles(
            data: object,
        ) -> list[OrdersPractitionerPatchRolesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in _roles_type_0:
                    roles_type_0_item = OrdersPractitionerPatchRolesType0Item(
                        roles_type_0_item_data
                    )

                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrdersPractitionerPatchRolesType0Item] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_taxonomy(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        taxonomy = _parse_taxonomy(d.pop("taxonomy", UNSET))

        orders_practitioner_patch = cls(
            active=active,
            family_name=family_name,
            given_name=given_name,
            npi=npi,
            practice_id=practice_id,
            roles=roles,
            taxonomy=taxonomy,
        )

        return orders_practitioner_patch
