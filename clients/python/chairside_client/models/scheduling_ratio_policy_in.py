from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scheduling_ratio_policy_in_ratios import SchedulingRatioPolicyInRatios
    from ..models.scheduling_ratio_policy_in_setup_minutes import (
        SchedulingRatioPolicyInSetupMinutes,
    )


T = TypeVar("T", bound="SchedulingRatioPolicyIn")


@_attrs_define
class SchedulingRatioPolicyIn:
    """
    Attributes:
        ratios (SchedulingRatioPolicyInRatios): acuity class -> max patients per nurse
        setup_minutes (SchedulingRatioPolicyInSetupMinutes | Unset):
    """

    ratios: SchedulingRatioPolicyInRatios
    setup_minutes: SchedulingRatioPolicyInSetupMinutes | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ratios = self.ratios.to_dict()

        setup_minutes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.setup_minutes, Unset):
            setup_minutes = self.setup_minutes.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ratios": ratios,
            }
        )
        if setup_minutes is not UNSET:
            field_dict["setup_minutes"] = setup_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_ratio_policy_in_ratios import (
            SchedulingRatioPolicyInRatios,  # noqa: PLC0415
        )
        from ..models.scheduling_ratio_policy_in_setup_minutes import (
            SchedulingRatioPolicyInSetupMinutes,  # noqa: PLC0415
        )

        d = dict(src_dict)
        ratios = SchedulingRatioPolicyInRatios.from_dict(d.pop("ratios"))

        _setup_minutes = d.pop("setup_minutes", UNSET)
        setup_minutes: SchedulingRatioPolicyInSetupMinutes | Unset
        if isinstance(_setup_minutes, Unset):
            setup_minutes = UNSET
        else:
            setup_minutes = SchedulingRatioPolicyInSetupMinutes.from_dict(_setup_minutes)

        scheduling_ratio_policy_in = cls(
            ratios=ratios,
            setup_minutes=setup_minutes,
        )

        return scheduling_ratio_policy_in
