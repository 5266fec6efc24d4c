from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.orders_finding_out import OrdersFindingOut


T = TypeVar("T", bound="OrdersCheckOut")


@_attrs_define
class OrdersCheckOut:
    """
    Attributes:
        acuity_class (str):
        catalog_version (int):
        estimated_chair_minutes (int):
        findings (list[OrdersFindingOut]):
        requires_driver (bool):
    """

    acuity_class: str
    catalog_version: int
    estimated_chair_minutes: int
    findings: list[OrdersFindingOut]
    requires_driver: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acuity_class = self.acuity_class

        catalog_version = self.catalog_version

        estimated_chair_minutes = self.estimated_chair_minutes

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        requires_driver = self.requires_driver

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acuity_class": acuity_class,
                "catalog_version": catalog_version,
                "estimated_chair_minutes": estimated_chair_minutes,
                "findings": findings,
                "requires_driver": requires_driver,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_finding_out import OrdersFindingOut  # noqa: PLC0415

        d = dict(src_dict)
        acuity_class = d.pop("acuity_class")

        catalog_version = d.pop("catalog_version")

        estimated_chair_minutes = d.pop("estimated_chair_minutes")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = OrdersFindingOut.from_dict(findings_item_data)

            findings.append(findings_item)

        requires_driver = d.pop("requires_driver")

        orders_check_out = cls(
            acuity_class=acuity_class,
            catalog_version=catalog_version,
            estimated_chair_minutes=estimated_chair_minutes,
            findings=findings,
            requires_driver=requires_driver,
        )

        orders_check_out.additional_properties = d
        return orders_check_out

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
