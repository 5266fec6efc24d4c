from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reimbursement_product_in_ndc_unit import ReimbursementProductInNdcUnit
from ..models.reimbursement_product_in_strength_unit import (
    ReimbursementProductInStrengthUnit,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementProductIn")


@_attrs_define
class ReimbursementProductIn:
    """
    Attributes:
        cost_source (str):
        name (str):
        ndc (str):
        ndc_unit (ReimbursementProductInNdcUnit):
        package_cost (float | str):
        single_dose (bool):
        strength (float | str):
        strength_unit (ReimbursementProductInStrengthUnit):
        vials_per_package (int):
        hcpcs (None | str | Unset):
        reorder_point (int | Unset):  Default: 0.
        volume_ml (float | None | str | Unset):
    """

    cost_source: str
    name: str
    ndc: str
    ndc_unit: ReimbursementProductInNdcUnit
    package_cost: float | str
    single_dose: bool
    strength: float | str
    strength_unit: ReimbursementProductInStrengthUnit
    vials_per_package: int
    hcpcs: None | str | Unset = UNSET
    reorder_point: int | Unset = 0
    volume_ml: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cost_source = self.cost_source

        name = self.name

        ndc = self.ndc

        ndc_unit = self.ndc_unit.value

        package_cost: float | str
        package_cost = self.package_cost

        single_dose = self.single_dose

        strength: float | str
        strength = self.strength

        strength_unit = self.strength_unit.value

        vials_per_package = self.vials_per_package

        hcpcs: None | str | Unset
        if isinstance(self.hcpcs, Unset):
            hcpcs = UNSET
        else:
            hcpcs = self.hcpcs

        reorder_point = self.reorder_point

        volume_ml: float | None | str | Unset
        if isinstance(self.volume_ml, Unset):
            volume_ml = UNSET
        else:
            volume_ml = self.volume_ml

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cost_source": cost_source,
                "name": name,
                "ndc": ndc,
                "ndc_unit": ndc_unit,
                "package_cost": package_cost,
                "single_dose": single_dose,
                "strength": strength,
                "strength_unit": strength_unit,
                "vials_per_package": vials_per_package,
            }
        )
        if hcpcs is not UNSET:
            field_dict["hcpcs"] = hcpcs
        if reorder_point is not UNSET:
            field_dict["reorder_point"] = reorder_point
        if volume_ml is not UNSET:
            field_dict["volume_ml"] = volume_ml

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cost_source = d.pop("cost_source")

        name = d.pop("name")

        ndc = d.pop("ndc")

        ndc_unit = ReimbursementProductInNdcUnit(d.pop("ndc_unit"))

        def _parse_package_cost(data: object) -> float | str:
            return cast(float | str, data)

        package_cost = _parse_package_cost(d.pop("package_cost"))

        single_dose = d.pop("single_dose")

        def _parse_strength(data: object) -> float | str:
            return cast(float | str, data)

        strength = _parse_strength(d.pop("strength"))

        strength_unit = ReimbursementProductInStrengthUnit(d.pop("strength_unit"))

        vials_per_package = d.pop("vials_per_package")

        def _parse_hcpcs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hcpcs = _parse_hcpcs(d.pop("hcpcs", UNSET))

        reorder_point = d.pop("reorder_point", UNSET)

        def _parse_volume_ml(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        volume_ml = _parse_volume_ml(d.pop("volume_ml", UNSET))

        reimbursement_product_in = cls(
            cost_source=cost_source,
            name=name,
            ndc=ndc,
            ndc_unit=ndc_unit,
            package_cost=package_cost,
            single_dose=single_dose,
            strength=strength,
            strength_unit=strength_unit,
            vials_per_package=vials_per_package,
            hcpcs=hcpcs,
            reorder_point=reorder_point,
            volume_ml=volume_ml,
        )

        return reimbursement_product_in
