from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reimbursement_contract_terms_out_drug_pricing import (
    ReimbursementContractTermsOutDrugPricing,
)
from ..models.reimbursement_contract_terms_out_payer_kind import (
    ReimbursementContractTermsOutPayerKind,
)

if TYPE_CHECKING:
    from ..models.reimbursement_contract_terms_out_rates import (
        ReimbursementContractTermsOutRates,
    )


T = TypeVar("T", bound="ReimbursementContractTermsOut")


@_attrs_define
class ReimbursementContractTermsOut:
    """
    Attributes:
        drug_percent (str):
        drug_pricing (ReimbursementContractTermsOutDrugPricing):
        fee_schedule_id (None | str):
        name (str):
        payer_kind (ReimbursementContractTermsOutPayerKind):
        rates (ReimbursementContractTermsOutRates):
        sequestration (str):
        tolerance_amount (str):
        tolerance_percent (str):
    """

    drug_percent: str
    drug_pricing: ReimbursementContractTermsOutDrugPricing
    fee_schedule_id: None | str
    name: str
    payer_kind: ReimbursementContractTermsOutPayerKind
    rates: ReimbursementContractTermsOutRates
    sequestration: str
    tolerance_amount: str
    tolerance_percent: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drug_percent = self.drug_percent

        drug_pricing = self.drug_pricing.value

        fee_schedule_id: None | str
        fee_schedule_id = self.fee_schedule_id

        name = self.name

        payer_kind = self.payer_kind.value

        rates = self.rates.to_dict()

        sequestration = self.sequestration

        tolerance_amount = self.tolerance_amount

        tolerance_percent = self.tolerance_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drug_percent": drug_percent,
                "drug_pricing": drug_pricing,
                "fee_schedule_id": fee_schedule_id,
                "name": name,
                "payer_kind": payer_kind,
                "rates": rates,
                "sequestration": sequestration,
                "tolerance_amount": tolerance_amount,
                "tolerance_percent": tolerance_percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_contract_terms_out_rates import (
            ReimbursementContractTermsOutRates,  # noqa: PLC0415
        )

        d = dict(src_dict)
        drug_percent = d.pop("drug_percent")

        drug_pricing = ReimbursementContractTermsOutDrugPricing(d.pop("drug_pricing"))

        def _parse_fee_schedule_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fee_schedule_id = _parse_fee_schedule_id(d.pop("fee_schedule_id"))

        name = d.pop("name")

        payer_kind = ReimbursementContractTermsOutPayerKind(d.pop("payer_kind"))

        rates = ReimbursementContractTermsOutRates.from_dict(d.pop("rates"))

        sequestration = d.pop("sequestration")

        tolerance_amount = d.pop("tolerance_amount")

        tolerance_percent = d.pop("tolerance_percent")

        reimbursement_contract_terms_out = cls(
            drug_percent=drug_percent,
            drug_pricing=drug_pricing,
            fee_schedule_id=fee_schedule_id,
            name=name,
            payer_kind=payer_kind,
            rates=rates,
            sequestration=sequestration,
            tolerance_amount=tolerance_amount,
            tolerance_percent=tolerance_percent,
        )

        reimbursement_contract_terms_out.additional_properties = d
        return reimbursement_contract_terms_out

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
