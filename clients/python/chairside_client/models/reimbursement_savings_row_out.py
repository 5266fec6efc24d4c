from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementSavingsRowOut")


@_attrs_define
class ReimbursementSavingsRowOut:
    """
    Attributes:
        contract_packages (int):
        drug (str): HCPCS, or the NDC when the product has none
        lines_without_wac (int):
        packages (int):
        rebates_expected (str):
        savings (str): WAC − invoiced, over lines whose drug has a WAC
        spend (str):
        wac_spend (str):
    """

    contract_packages: int
    drug: str
    lines_without_wac: int
    packages: int
    rebates_expected: str
    savings: str
    spend: str
    wac_spend: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_packages = self.contract_packages

        drug = self.drug

        lines_without_wac = self.lines_without_wac

        packages = self.packages

        rebates_expected = self.rebates_expected

        savings = self.savings

        spend = self.spend

        wac_spend = self.wac_spend

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_packages": contract_packages,
                "drug": drug,
                "lines_without_wac": lines_without_wac,
                "packages": packages,
                "rebates_expected": rebates_expected,
                "savings": savings,
                "spend": spend,
                "wac_spend": wac_spend,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_packages = d.pop("contract_packages")

        drug = d.pop("drug")

        lines_without_wac = d.pop("lines_without_wac")

        packages = d.pop("packages")

        rebates_expected = d.pop("rebates_expected")

        savings = d.pop("savings")

        spend = d.pop("spend")

        wac_spend = d.pop("wac_spend")

        reimbursement_savings_row_out = cls(
            contract_packages=contract_packages,
            drug=drug,
            lines_without_wac=lines_without_wac,
            packages=packages,
            rebates_expected=rebates_expected,
            savings=savings,
            spend=spend,
            wac_spend=wac_spend,
        )

        reimbursement_savings_row_out.additional_properties = d
        return reimbursement_savings_row_out

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
