from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.scheduling_rule_out_section_7_classes import (
        SchedulingRuleOutSection7Classes,
    )
    from ..models.scheduling_rule_out_weights import SchedulingRuleOutWeights


T = TypeVar("T", bound="SchedulingRuleOut")


@_attrs_define
class SchedulingRuleOut:
    """
    Attributes:
        charge_census (int | None): a charge RN above this census (null: off)
        section7_classes (SchedulingRuleOutSection7Classes): clinical-loop.md §7 class (L/M/H) of each acuity class
        units_per_nurse (int):
        weights (SchedulingRuleOutWeights): monitoring units per patient per acuity class
        whole_nurse_classes (list[str]): §7 H: one RN per patient at least
    """

    charge_census: int | None
    section7_classes: SchedulingRuleOutSection7Classes
    units_per_nurse: int
    weights: SchedulingRuleOutWeights
    whole_nurse_classes: list[str]

    def to_dict(self) -> dict[str, Any]:
        charge_census: int | None
        charge_census = self.charge_census

        section7_classes = self.section7_classes.to_dict()

        units_per_nurse = self.units_per_nurse

        weights = self.weights.to_dict()

        whole_nurse_classes = self.whole_nurse_classes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "charge_census": charge_census,
                "section7_classes": section7_classes,
                "units_per_nurse": units_per_nurse,
                "weights": weights,
                "whole_nurse_classes": whole_nurse_classes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_rule_out_section_7_classes import (
            SchedulingRuleOutSection7Classes,  # noqa: PLC0415
        )
        from ..models.scheduling_rule_out_weights import SchedulingRuleOutWeights  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_charge_census(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        charge_census = _parse_charge_census(d.pop("charge_census"))

        section7_classes = SchedulingRuleOutSection7Classes.from_dict(d.pop("section7_classes"))

        units_per_nurse = d.pop("units_per_nurse")

        weights = SchedulingRuleOutWeights.from_dict(d.pop("weights"))

        whole_nurse_classes = cast(list[str], d.pop("whole_nurse_classes"))

        scheduling_rule_out = cls(
            charge_census=charge_census,
            section7_classes=section7_classes,
            units_per_nurse=units_per_nurse,
            weights=weights,
            whole_nurse_classes=whole_nurse_classes,
        )

        return scheduling_rule_out
