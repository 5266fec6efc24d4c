from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_address_out import ReimbursementAddressOut


T = TypeVar("T", bound="ReimbursementBillingIdentityOut")


@_attrs_define
class ReimbursementBillingIdentityOut:
    """
    Attributes:
        address (ReimbursementAddressOut):
        ein (str):
        name (str):
        npi (str):
        npi_taxonomies (list[str]):
        pay_to_address (None | ReimbursementAddressOut):
        taxonomy (str):
    """

    address: ReimbursementAddressOut
    ein: str
    name: str
    npi: str
    npi_taxonomies: list[str]
    pay_to_address: None | ReimbursementAddressOut
    taxonomy: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reimbursement_address_out import ReimbursementAddressOut  # noqa: PLC0415

        address = self.address.to_dict()

        ein = self.ein

        name = self.name

        npi = self.npi

        npi_taxonomies = self.npi_taxonomies

        pay_to_address: dict[str, Any] | None
        if isinstance(self.pay_to_address, ReimbursementAddressOut):
            pay_to_address = self.pay_to_address.to_dict()
        else:
            pay_to_address = self.pay_to_address

        taxonomy = self.taxonomy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "ein": ein,
                "name": name,
                "npi": npi,
                "npi_taxonomies": npi_taxonomies,
                "pay_to_address": pay_to_address,
                "taxonomy": taxonomy,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_address_out import ReimbursementAddressOut  # noqa: PLC0415

        d = dict(src_dict)
        address = ReimbursementAddressOut.from_dict(d.pop("address"))

        ein = d.pop("ein")

        name = d.pop("name")

        npi = d.pop("npi")

        npi_taxonomies = cast(list[str], d.pop("npi_taxonomies"))

        def _parse_pay_to_address(data: object) -> None | ReimbursementAddressOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pay_to_address_type_0 = ReimbursementAddressOut.from_dict(data)

                return pay_to_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementAddressOut, data)

        pay_to_address = _parse_pay_to_address(d.pop("pay_to_address"))

        taxonomy = d.pop("taxonomy")

        reimbursement_billing_identity_out = cls(
            address=address,
            ein=ein,
            name=name,
            npi=npi,
            npi_taxonomies=npi_taxonomies,
            pay_to_address=pay_to_address,
            taxonomy=taxonomy,
        )

        reimbursement_billing_identity_out.additional_properties = d
        return reimbursement_billing_identity_out

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
