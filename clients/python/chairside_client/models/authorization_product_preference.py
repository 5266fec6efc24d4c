from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.authorization_product_preference_mode import (
    AuthorizationProductPreferenceMode,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authorization_preferred_product import AuthorizationPreferredProduct


T = TypeVar("T", bound="AuthorizationProductPreference")


@_attrs_define
class AuthorizationProductPreference:
    """A payer's biosimilar-first rule on a product of ``molecule`` (the order line's
    molecule, shared by a reference product and its biosimilars): an order for this product
    is steered to the preferred ones. ``step``: PA with a documented reason the preferred
    product cannot be used (trial and failure, intolerance, exception); ``not-covered``:
    the product is not covered, the order must change.

        Attributes:
            molecule (str):
            preferred (list[AuthorizationPreferredProduct]):
            mode (AuthorizationProductPreferenceMode | Unset):  Default: AuthorizationProductPreferenceMode.STEP.
            source (None | str | Unset):
    """

    molecule: str
    preferred: list[AuthorizationPreferredProduct]
    mode: AuthorizationProductPreferenceMode | Unset = AuthorizationProductPreferenceMode.STEP
    source: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        molecule = self.molecule

        preferred = []
        for preferred_item_data in self.preferred:
            preferred_item = preferred_item_data.to_dict()
            preferred.append(preferred_item)

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "molecule": molecule,
                "preferred": preferred,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_preferred_product import (
            AuthorizationPreferredProduct,  # noqa: PLC0415
        )

        d = dict(src_dict)
        molecule = d.pop("molecule")

        preferred = []
        _preferred = d.pop("preferred")
        for preferred_item_data in _preferred:
            preferred_item = AuthorizationPreferredProduct.from_dict(preferred_item_data)

            preferred.append(preferred_item)

        _mode = d.pop("mode", UNSET)
        mode: AuthorizationProductPreferenceMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = AuthorizationProductPreferenceMode(_mode)

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        authorization_product_preference = cls(
            molecule=molecule,
            preferred=preferred,
            mode=mode,
            source=source,
        )

        return authorization_product_preference
