from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_rebate_out import ReimbursementRebateOut
    from ..models.reimbursement_tier_out import ReimbursementTierOut


T = TypeVar("T", bound="ReimbursementContractItemOut")


@_attrs_define
class ReimbursementContractItemOut:
    """
    Attributes:
        code (str):
        rebate (None | ReimbursementRebateOut):
        tiers (list[ReimbursementTierOut]):
    """

    code: str
    rebate: None | ReimbursementRebateOut
    tiers: list[ReimbursementTierOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reimbursement_rebate_out import ReimbursementRebateOut  # noqa: PLC0415

        code = self.code

        rebate: dict[str, Any] | None
        if isinstance(self.rebate, ReimbursementRebateOut):
            rebate = self.rebate.to_dict()
        else:
            rebate = self.rebate

        tiers = []
        for tiers_item_data in self.tiers:
            tiers_item = tiers_item_data.to_dict()
            tiers.append(tiers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "rebate": rebate,
                "tiers": tiers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_rebate_out import ReimbursementRebateOut  # noqa: PLC0415
        from ..models.reimbursement_tier_out import ReimbursementTierOut  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        def _parse_rebate(data: object) -> None | ReimbursementRebateOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rebate_type_0 = ReimbursementRebateOut.from_dict(data)

                return rebate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementRebateOut, data)

        rebate = _parse_rebate(d.pop("rebate"))

        tiers = []
        _tiers = d.pop("tiers")
        for tiers_item_data in _tiers:
            tiers_item = ReimbursementTierOut.from_dict(tiers_item_data)

            tiers.append(tiers_item)

        reimbursement_contract_item_out = cls(
            code=code,
            rebate=rebate,
            tiers=tiers,
        )

        reimbursement_contract_item_out.additional_properties = d
        return reimbursement_contract_item_out

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
