from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_rebate_in import ReimbursementRebateIn
    from ..models.reimbursement_tier_in import ReimbursementTierIn


T = TypeVar("T", bound="ReimbursementContractItemIn")


@_attrs_define
class ReimbursementContractItemIn:
    """
    Attributes:
        code (str): 11-digit NDC (or a label form) or HCPCS code
        tiers (list[ReimbursementTierIn]):
        rebate (None | ReimbursementRebateIn | Unset):
    """

    code: str
    tiers: list[ReimbursementTierIn]
    rebate: None | ReimbursementRebateIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.reimbursement_rebate_in import ReimbursementRebateIn  # noqa: PLC0415

        code = self.code

        tiers = []
        for tiers_item_data in self.tiers:
            tiers_item = tiers_item_data.to_dict()
            tiers.append(tiers_item)

        rebate: dict[str, Any] | None | Unset
        if isinstance(self.rebate, Unset):
            rebate = UNSET
        elif isinstance(self.rebate, ReimbursementRebateIn):
            rebate = self.rebate.to_dict()
        else:
            rebate = self.rebate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "tiers": tiers,
            }
        )
        if rebate is not UNSET:
            field_dict["rebate"] = rebate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_rebate_in import ReimbursementRebateIn  # noqa: PLC0415
        from ..models.reimbursement_tier_in import ReimbursementTierIn  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        tiers = []
        _tiers = d.pop("tiers")
        for tiers_item_data in _tiers:
            tiers_item = ReimbursementTierIn.from_dict(tiers_item_data)

            tiers.append(tiers_item)

        def _parse_rebate(data: object) -> None | ReimbursementRebateIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rebate_type_0 = ReimbursementRebateIn.from_dict(data)

                return rebate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementRebateIn | Unset, data)

        rebate = _parse_rebate(d.pop("rebate", UNSET))

        reimbursement_contract_item_in = cls(
            code=code,
            tiers=tiers,
            rebate=rebate,
        )

        return reimbursement_contract_item_in
