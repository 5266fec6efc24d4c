from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_lot_out import ReimbursementLotOut


T = TypeVar("T", bound="ReimbursementInventoryItemOut")


@_attrs_define
class ReimbursementInventoryItemOut:
    """
    Attributes:
        cost_source (str):
        expired_vials (str):
        hcpcs (None | str):
        lots (list[ReimbursementLotOut]):
        name (str):
        ndc (str):
        ndc_unit (str):
        package_cost (str):
        reorder_point (int):
        single_dose (bool):
        strength (str):
        strength_unit (str):
        usable_value (str):
        usable_vials (str):
        vials_per_package (int):
        volume_ml (None | str):
    """

    cost_source: str
    expired_vials: str
    hcpcs: None | str
    lots: list[ReimbursementLotOut]
    name: str
    ndc: str
    ndc_unit: str
    package_cost: str
    reorder_point: int
    single_dose: bool
    strength: str
    strength_unit: str
    usable_value: str
    usable_vials: str
    vials_per_package: int
    volume_ml: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cost_source = self.cost_source

        expired_vials = self.expired_vials

        hcpcs: None | str
        hcpcs = self.hcpcs

        lots = []
        for lots_item_data in self.lots:
            lots_item = lots_item_data.to_dict()
            lots.append(lots_item)

        name = self.name

        ndc = self.ndc

        ndc_unit = self.ndc_unit

        package_cost = self.package_cost

        reorder_point = self.reorder_point

        single_dose = self.single_dose

        strength = self.strength

        strength_unit = self.strength_unit

        usable_value = self.usable_value

        usable_vials = self.usable_vials

        vials_per_package = self.vials_per_package

        volume_ml: None | str
        volume_ml = self.volume_ml

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cost_source": cost_source,
                "expired_vials": expired_vials,
                "hcpcs": hcpcs,
                "lots": lots,
                "name": name,
                "ndc": ndc,
                "ndc_unit": ndc_unit,
                "package_cost": package_cost,
                "reorder_point": reorder_point,
                "single_dose": single_dose,
                "strength": strength,
                "strength_unit": strength_unit,
                "usable_value": usable_value,
                "usable_vials": usable_vials,
                "vials_per_package": vials_per_package,
                "volume_ml": volume_ml,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_lot_out import ReimbursementLotOut  # noqa: PLC0415

        d = dict(src_dict)
        cost_source = d.pop("cost_source")

        expired_vials = d.pop("expired_vials")

        def _parse_hcpcs(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hcpcs = _parse_hcpcs(d.pop("hcpcs"))

        lots = []
        _lots = d.pop("lots")
        for lots_item_data in _lots:
            lots_item = ReimbursementLotOut.from_dict(lots_item_data)

            lots.append(lots_item)

        name = d.pop("name")

        ndc = d.pop("ndc")

        ndc_unit = d.pop("ndc_unit")

        package_cost = d.pop("package_cost")

        reorder_point = d.pop("reorder_point")

        single_dose = d.pop("single_dose")

        strength = d.pop("strength")

        strength_unit = d.pop("strength_unit")

        usable_value = d.pop("usable_value")

        usable_vials = d.pop("usable_vials")

        vials_per_package = d.pop("vials_per_package")

        def _parse_volume_ml(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        volume_ml = _parse_volume_ml(d.pop("volume_ml"))

        reimbursement_inventory_item_out = cls(
            cost_source=cost_source,
            expired_vials=expired_vials,
            hcpcs=hcpcs,
            lots=lots,
            name=name,
            ndc=ndc,
            ndc_unit=ndc_unit,
            package_cost=package_cost,
            reorder_point=reorder_point,
            single_dose=single_dose,
            strength=strength,
            strength_unit=strength_unit,
            usable_value=usable_value,
            usable_vials=usable_vials,
            vials_per_package=vials_per_package,
            volume_ml=volume_ml,
        )

        reimbursement_inventory_item_out.additional_properties = d
        return reimbursement_inventory_item_out

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
