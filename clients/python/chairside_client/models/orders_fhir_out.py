from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orders_fhir_out_criticality import OrdersFhirOutCriticality
from ..models.orders_fhir_out_severity import OrdersFhirOutSeverity
from ..models.orders_fhir_out_type import OrdersFhirOutType

T = TypeVar("T", bound="OrdersFhirOut")


@_attrs_define
class OrdersFhirOut:
    """
    Attributes:
        criticality (OrdersFhirOutCriticality):
        severity (OrdersFhirOutSeverity):
        type_ (OrdersFhirOutType):
    """

    criticality: OrdersFhirOutCriticality
    severity: OrdersFhirOutSeverity
    type_: OrdersFhirOutType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        criticality = self.criticality.value

        severity = self.severity.value

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "criticality": criticality,
                "severity": severity,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criticality = OrdersFhirOutCriticality(d.pop("criticality"))

        severity = OrdersFhirOutSeverity(d.pop("severity"))

        type_ = OrdersFhirOutType(d.pop("type"))

        orders_fhir_out = cls(
            criticality=criticality,
            severity=severity,
            type_=type_,
        )

        orders_fhir_out.additional_properties = d
        return orders_fhir_out

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
