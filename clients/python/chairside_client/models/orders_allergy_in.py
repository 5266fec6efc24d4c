from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_allergy_in_kind import OrdersAllergyInKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersAllergyIn")


@_attrs_define
class OrdersAllergyIn:
    """
    Attributes:
        substance (str):
        kind (OrdersAllergyInKind | Unset):  Default: OrdersAllergyInKind.DRUG.
        reaction (None | str | Unset):
        severity (None | str | Unset):
    """

    substance: str
    kind: OrdersAllergyInKind | Unset = OrdersAllergyInKind.DRUG
    reaction: None | str | Unset = UNSET
    severity: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        substance = self.substance

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        reaction: None | str | Unset
        if isinstance(self.reaction, Unset):
            reaction = UNSET
        else:
            reaction = self.reaction

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        else:
            severity = self.severity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "substance": substance,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if reaction is not UNSET:
            field_dict["reaction"] = reaction
        if severity is not UNSET:
            field_dict["severity"] = severity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        substance = d.pop("substance")

        _kind = d.pop("kind", UNSET)
        kind: OrdersAllergyInKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = OrdersAllergyInKind(_kind)

        def _parse_reaction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reaction = _parse_reaction(d.pop("reaction", UNSET))

        def _parse_severity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

        orders_allergy_in = cls(
            substance=substance,
            kind=kind,
            reaction=reaction,
            severity=severity,
        )

        return orders_allergy_in
