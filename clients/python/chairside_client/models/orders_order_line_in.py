from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_order_line_in_mode import OrdersOrderLineInMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_course_in import OrdersCourseIn
    from ..models.orders_fluid_line_in import OrdersFluidLineIn


T = TypeVar("T", bound="OrdersOrderLineIn")


@_attrs_define
class OrdersOrderLineIn:
    """
    Attributes:
        dose (float | str):
        dose_unit (str):
        drug_code (str):
        minutes (int):
        mode (OrdersOrderLineInMode):
        sequence (int):
        course (None | OrdersCourseIn | Unset): Drugs dosed in courses only (the catalog regimen's `course` steps); left
            out, the checks infer the day from the dose history and warn
        fluid (None | OrdersFluidLineIn | Unset):
        wait_after_minutes (int | Unset):  Default: 0.
        with_previous (bool | Unset):  Default: False.
    """

    dose: float | str
    dose_unit: str
    drug_code: str
    minutes: int
    mode: OrdersOrderLineInMode
    sequence: int
    course: None | OrdersCourseIn | Unset = UNSET
    fluid: None | OrdersFluidLineIn | Unset = UNSET
    wait_after_minutes: int | Unset = 0
    with_previous: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_course_in import OrdersCourseIn  # noqa: PLC0415
        from ..models.orders_fluid_line_in import OrdersFluidLineIn  # noqa: PLC0415

        dose: float | str
        dose = self.dose

        dose_unit = self.dose_unit

        drug_code = self.drug_code

        minutes = self.minutes

        mode = self.mode.value

        sequence = self.sequence

        course: dict[str, Any] | None | Unset
        if isinstance(self.course, Unset):
            course = UNSET
        elif isinstance(self.course, OrdersCourseIn):
            course = self.course.to_dict()
        else:
            course = self.course

        fluid: dict[str, Any] | None | Unset
        if isinstance(self.fluid, Unset):
            fluid = UNSET
        elif isinstance(self.fluid, OrdersFluidLineIn):
            fluid = self.fluid.to_dict()
        else:
            fluid = self.fluid

        wait_after_minutes = self.wait_after_minutes

        with_previous = self.with_previous

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dose": dose,
                "dose_unit": dose_unit,
                "drug_code": drug_code,
                "minutes": minutes,
                "mode": mode,
                "sequence": sequence,
            }
        )
        if course is not UNSET:
            field_dict["course"] = course
        if fluid is not UNSET:
            field_dict["fluid"] = fluid
        if wait_after_minutes is not UNSET:
            field_dict["wait_after_minutes"] = wait_after_minutes
        if with_previous is not UNSET:
            field_dict["with_previous"] = with_previous

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_course_in import OrdersCourseIn  # noqa: PLC0415
        from ..models.orders_fluid_line_in import OrdersFluidLineIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_dose(data: object) -> float | str:
            return cast(float | str, data)

        dose = _parse_dose(d.pop("dose"))

        dose_unit = d.pop("dose_unit")

        drug_code = d.pop("drug_code")

        minutes = d.pop("minutes")

        mode = OrdersOrderLineInMode(d.pop("mode"))

        sequence = d.pop("sequence")

        def _parse_course(data: object) -> None | OrdersCourseIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                course_type_0 = OrdersCourseIn.from_dict(data)

                return course_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersCourseIn | Unset, data)

        course = _parse_course(d.pop("course", UNSET))

        def _parse_fluid(data: object) -> None | OrdersFluidLineIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fluid_type_0 = OrdersFluidLineIn.from_dict(data)

                return fluid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersFluidLineIn | Unset, data)

        fluid = _parse_fluid(d.pop("fluid", UNSET))

        wait_after_minutes = d.pop("wait_after_minutes", UNSET)

        with_previous = d.pop("with_previous", UNSET)

        orders_order_line_in = cls(
            dose=dose,
            dose_unit=dose_unit,
            drug_code=drug_code,
            minutes=minutes,
            mode=mode,
            sequence=sequence,
            course=course,
            fluid=fluid,
            wait_after_minutes=wait_after_minutes,
            with_previous=with_previous,
        )

        return orders_order_line_in
