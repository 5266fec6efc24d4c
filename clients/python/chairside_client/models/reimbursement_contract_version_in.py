from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reimbursement_contract_version_in_drug_pricing import (
    ReimbursementContractVersionInDrugPricing,
)
from ..models.reimbursement_contract_version_in_payer_kind import (
    ReimbursementContractVersionInPayerKind,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_contract_version_in_rates import (
        ReimbursementContractVersionInRates,
    )


T = TypeVar("T", bound="ReimbursementContractVersionIn")


@_attrs_define
class ReimbursementContractVersionIn:
    """
    Attributes:
        drug_pricing (ReimbursementContractVersionInDrugPricing): asp: percent of ASP (106 = ASP + 6 %); awp: percent of
            AWP; fee_schedule: per-code rates only
        effective_from (datetime.date): first day the version prices (date of service)
        name (str):
        payer_kind (ReimbursementContractVersionInPayerKind):
        source (str): where the terms come from (contract, amendment, file)
        drug_percent (float | str | Unset): percent of the ASP or AWP basis Default: 100.0.
        effective_to (datetime.date | None | Unset): last day; null: until a later version
        fee_schedule_id (None | str | Unset): a named, versioned fee schedule for per-code rates
        plan (str | Unset): the payer's plan; empty: every plan of the payer Default: ''.
        rates (ReimbursementContractVersionInRates | Unset): HCPCS/CPT -> allowed per unit; these win over the fee
            schedule and the basis
        sequestration (float | None | str | Unset): share of the paid portion withheld (CO-253); default 0.02 for
            medicare, else 0
        tolerance_amount (float | str | Unset): a line's variance up to this is not flagged Default: 0.0.
        tolerance_percent (float | str | Unset): ...nor up to this percent of the expected (the larger wins) Default:
            0.0.
    """

    drug_pricing: ReimbursementContractVersionInDrugPricing
    effective_from: datetime.date
    name: str
    payer_kind: ReimbursementContractVersionInPayerKind
    source: str
    drug_percent: float | str | Unset = 100.0
    effective_to: datetime.date | None | Unset = UNSET
    fee_schedule_id: None | str | Unset = UNSET
    plan: str | Unset = ""
    rates: ReimbursementContractVersionInRates | Unset = UNSET
    sequestration: float | None | str | Unset = UNSET
    tolerance_amount: float | str | Unset = 0.0
    tolerance_percent: float | str | Unset = 0.0

    def to_dict(self) -> dict[str, Any]:
        drug_pricing = self.drug_pricing.value

        effective_from = self.effective_from.isoformat()

        name = self.name

        payer_kind = self.payer_kind.value

        source = self.source

        drug_percent: float | str | Unset
        if isinstance(self.drug_percent, Unset):
            drug_percent = UNSET
        else:
            drug_percent = self.drug_percent

        effective_to: None | str | Unset
        if isinstance(self.effective_to, Unset):
            effective_to = UNSET
        elif isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        fee_schedule_id: None | str | Unset
        if isinstance(self.fee_schedule_id, Unset):
            fee_schedule_id = UNSET
        else:
            fee_schedule_id = self.fee_schedule_id

        plan = self.plan

        rates: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rates, Unset):
            rates = self.rates.to_dict()

        sequestration: float | None | str | Unset
        if isinstance(self.sequestration, Unset):
            sequestration = UNSET
        else:
            sequestration = self.sequestration

        tolerance_amount: float | str | Unset
        if isinstance(self.tolerance_amount, Unset):
            tolerance_amount = UNSET
        else:
            tolerance_amount = self.tolerance_amount

        tolerance_percent: float | str | Unset
        if isinstance(self.tolerance_percent, Unset):
            tolerance_percent = UNSET
        else:
            tolerance_percent = self.tolerance_percent

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "drug_pricing": drug_pricing,
                "effective_from": effective_from,
                "name": name,
                "payer_kind": payer_kind,
                "source": source,
            }
        )
        if drug_percent is not UNSET:
            field_dict["drug_percent"] = drug_percent
        if effective_to is not UNSET:
            field_dict["effective_to"] = effective_to
        if fee_schedule_id is not UNSET:
            field_dict["fee_schedule_id"] = fee_schedule_id
        if plan is not UNSET:
            field_dict["plan"] = plan
        if rates is not UNSET:
            field_dict["rates"] = rates
        if sequestration is not UNSET:
            field_dict["sequestration"] = sequestration
        if tolerance_amount is not UNSET:
            field_dict["tolerance_amount"] = tolerance_amount
        if tolerance_percent is not UNSET:
            field_dict["tolerance_percent"] = tolerance_percent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_contract_version_in_rates import (
            ReimbursementContractVersionInRates,  # noqa: PLC0415
        )

        d = dict(src_dict)
        drug_pricing = ReimbursementContractVersionInDrugPricing(d.pop("drug_pricing"))

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        name = d.pop("name")

        payer_kind = ReimbursementContractVersionInPayerKind(d.pop("payer_kind"))

        source = d.pop("source")

        def _parse_drug_percent(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        drug_percent = _parse_drug_percent(d.pop("drug_percent", UNSET))

        def _parse_effective_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_to_type_0 = datetime.date.fromisoformat(data)

                return effective_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_to = _parse_effective_to(d.pop("effective_to", UNSET))

        def _parse_fee_schedule_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fee_schedule_id = _parse_fee_schedule_id(d.pop("fee_schedule_id", UNSET))

        plan = d.pop("plan", UNSET)

        _rates = d.pop("rates", UNSET)
        rates: ReimbursementContractVersionInRates | Unset
        if isinstance(_rates, Unset):
            rates = UNSET
        else:
            rates = ReimbursementContractVersionInRates.from_dict(_rates)

        def _parse_sequestration(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        sequestration = _parse_sequestration(d.pop("sequestration", UNSET))

        def _parse_tolerance_amount(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        tolerance_amount = _parse_tolerance_amount(d.pop("tolerance_amount", UNSET))

        def _parse_tolerance_percent(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        tolerance_percent = _parse_tolerance_percent(d.pop("tolerance_percent", UNSET))

        reimbursement_contract_version_in = cls(
            drug_pricing=drug_pricing,
            effective_from=effective_from,
            name=name,
            payer_kind=payer_kind,
            source=source,
            drug_percent=drug_percent,
            effective_to=effective_to,
            fee_schedule_id=fee_schedule_id,
            plan=plan,
            rates=rates,
            sequestration=sequestration,
            tolerance_amount=tolerance_amount,
            tolerance_percent=tolerance_percent,
        )

        return reimbursement_contract_version_in
