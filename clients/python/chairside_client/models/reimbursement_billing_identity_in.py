from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_address_in import ReimbursementAddressIn


T = TypeVar("T", bound="ReimbursementBillingIdentityIn")


@_attrs_define
class ReimbursementBillingIdentityIn:
    """
    Attributes:
        address (ReimbursementAddressIn):
        ein (str): employer id (EIN), 9 digits
        name (str): the practice's legal name
        npi (str): 10 digits, first 1 or 2, Luhn check digit over 80840 + the first nine (checked: 422 naming `npi`)
        npi_taxonomies (list[str]): the taxonomies on the billing NPI's NPPES record
        pay_to_address (None | ReimbursementAddressIn | Unset): where payment goes (2010AB), may be a PO Box or lockbox
        taxonomy (str | Unset): sent on PRV*BI; must be one of npi_taxonomies (default: Clinic/Center - Infusion
            Therapy) Default: '261QI0500X'.
    """

    address: ReimbursementAddressIn
    ein: str
    name: str
    npi: str
    npi_taxonomies: list[str]
    pay_to_address: None | ReimbursementAddressIn | Unset = UNSET
    taxonomy: str | Unset = "261QI0500X"

    def to_dict(self) -> dict[str, Any]:
        from ..models.reimbursement_address_in import ReimbursementAddressIn  # noqa: PLC0415

        address = self.address.to_dict()

        ein = self.ein

        name = self.name

        npi = self.npi

        npi_taxonomies = self.npi_taxonomies

        pay_to_address: dict[str, Any] | None | Unset
        if isinstance(self.pay_to_address, Unset):
            pay_to_address = UNSET
        elif isinstance(self.pay_to_address, ReimbursementAddressIn):
            pay_to_address = self.pay_to_address.to_dict()
        else:
            pay_to_address = self.pay_to_address

        taxonomy = self.taxonomy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address": address,
                "ein": ein,
                "name": name,
                "npi": npi,
                "npi_taxonomies": npi_taxonomies,
            }
        )
        if pay_to_address is not UNSET:
            field_dict["pay_to_address"] = pay_to_address
        if taxonomy is not UNSET:
            field_dict["taxonomy"] = taxonomy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_address_in import ReimbursementAddressIn  # noqa: PLC0415

        d = dict(src_dict)
        address = ReimbursementAddressIn.from_dict(d.pop("address"))

        ein = d.pop("ein")

        name = d.pop("name")

        npi = d.pop("npi")

        npi_taxonomies = cast(list[str], d.pop("npi_taxonomies"))

        def _parse_pay_to_address(data: object) -> None | ReimbursementAddressIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pay_to_address_type_0 = ReimbursementAddressIn.from_dict(data)

                return pay_to_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementAddressIn | Unset, data)

        pay_to_address = _parse_pay_to_address(d.pop("pay_to_address", UNSET))

        taxonomy = d.pop("taxonomy", UNSET)

        reimbursement_billing_identity_in = cls(
            address=address,
            ein=ein,
            name=name,
            npi=npi,
            npi_taxonomies=npi_taxonomies,
            pay_to_address=pay_to_address,
            taxonomy=taxonomy,
        )

        return reimbursement_billing_identity_in
