from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reimbursement_claim_line_out_kind import ReimbursementClaimLineOutKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementClaimLineOut")


@_attrs_define
class ReimbursementClaimLineOut:
    """
    Attributes:
        allowed (None | str):
        charge (str):
        code (str):
        denial_reasons (list[str]):
        denied (bool):
        dx_pointers (list[int]):
        kind (ReimbursementClaimLineOutKind):
        modifiers (list[str]):
        ndc (None | str):
        ndc_qty (None | str):
        ndc_unit (None | str):
        number (int):
        paid (str):
        units (int):
        description (None | str | Unset):
    """

    allowed: None | str
    charge: str
    code: str
    denial_reasons: list[str]
    denied: bool
    dx_pointers: list[int]
    kind: ReimbursementClaimLineOutKind
    modifiers: list[str]
    ndc: None | str
    ndc_qty: None | str
    ndc_unit: None | str
    number: int
    paid: str
    units: int
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed: None | str
        allowed = self.allowed

        charge = self.charge

        code = self.code

        denial_reasons = self.denial_reasons

        denied = self.denied

        dx_pointers = self.dx_pointers

        kind = self.kind.value

        modifiers = self.modifiers

        ndc: None | str
        ndc = self.ndc

        ndc_qty: None | str
        ndc_qty = self.ndc_qty

        ndc_unit: None | str
        ndc_unit = self.ndc_unit

        number = self.number

        paid = self.paid

        units = self.units

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed": allowed,
                "charge": charge,
                "code": code,
                "denial_reasons": denial_reasons,
                "denied": denied,
                "dx_pointers": dx_pointers,
                "kind": kind,
                "modifiers": modifiers,
                "ndc": ndc,
                "ndc_qty": ndc_qty,
                "ndc_unit": ndc_unit,
                "number": number,
                "paid": paid,
                "units": units,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_allowed(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        allowed = _parse_allowed(d.pop("allowed"))

        charge = d.pop("charge")

        code = d.pop("code")

        denial_reasons = cast(list[str], d.pop("denial_reasons"))

        denied = d.pop("denied")

        dx_pointers = cast(list[int], d.pop("dx_pointers"))

        kind = ReimbursementClaimLineOutKind(d.pop("kind"))

        modifiers = cast(list[str], d.pop("modifiers"))

        def _parse_ndc(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ndc = _parse_ndc(d.pop("ndc"))

        def _parse_ndc_qty(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ndc_qty = _parse_ndc_qty(d.pop("ndc_qty"))

        def _parse_ndc_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ndc_unit = _parse_ndc_unit(d.pop("ndc_unit"))

        number = d.pop("number")

        paid = d.pop("paid")

        units = d.pop("units")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        reimbursement_claim_line_out = cls(
            allowed=allowed,
            charge=charge,
            code=code,
            denial_reasons=denial_reasons,
            denied=denied,
            dx_pointers=dx_pointers,
            kind=kind,
            modifiers=modifiers,
            ndc=ndc,
            ndc_qty=ndc_qty,
            ndc_unit=ndc_unit,
            number=number,
            paid=paid,
            units=units,
            description=description,
        )

        reimbursement_claim_line_out.additional_properties = d
        return reimbursement_claim_line_out

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
