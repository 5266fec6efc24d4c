from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scheduling_ratio_policy_out_ratios import SchedulingRatioPolicyOutRatios
    from ..models.scheduling_ratio_policy_out_setup_minutes import (
        SchedulingRatioPolicyOutSetupMinutes,
    )


T = TypeVar("T", bound="SchedulingRatioPolicyOut")


@_attrs_define
class SchedulingRatioPolicyOut:
    """
    Attributes:
        ratios (SchedulingRatioPolicyOutRatios): acuity class -> max patients per nurse
        units_per_nurse (int):
        setup_minutes (SchedulingRatioPolicyOutSetupMinutes | Unset):
        state (None | str | Unset):
    """

    ratios: SchedulingRatioPolicyOutRatios
    units_per_nurse: int
    setup_minutes: SchedulingRatioPolicyOutSetupMinutes | Unset = UNSET
    state: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ratios = self.ratios.to_dict()

        units_per_nurse = self.units_per_nurse

        setup_minutes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.setup_minutes, Unset):
            setup_minutes = self.setup_minutes.to_dict()

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ratios": ratios,
                "units_per_nurse": units_per_nurse,
            }
        )
        if setup_minutes is not UNSET:
            field_dict["setup_minutes"] = setup_minutes
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_ratio_policy_out_ratios import (
            SchedulingRatioPolicyOutRatios,  # noqa: PLC0415
        )
        from ..models.scheduling_ratio_policy_out_setup_minutes import (
            SchedulingRatioPolicyOutSetupMinutes,  # noqa: PLC0415
        )

        d = dict(src_dict)
        ratios = SchedulingRatioPolicyOutRatios.from_dict(d.pop("ratios"))

        units_per_nurse = d.pop("units_per_nurse")

        _setup_minutes = d.pop("setup_minutes", UNSET)
        setup_minutes: SchedulingRatioPolicyOutSetupMinutes | Unset
        if isinstance(_setup_minutes, Unset):
            setup_minutes = UNSET
        else:
            setup_minutes = SchedulingRatioPolicyOutSetupMinutes.from_dict(_setup_minutes)

        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        scheduling_ratio_policy_out = cls(
            ratios=ratios,
            units_per_nurse=units_per_nurse,
            setup_minutes=setup_minutes,
            state=state,
        )

        return scheduling_ratio_policy_out
