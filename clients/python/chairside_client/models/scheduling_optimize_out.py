from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scheduling_figures_out import SchedulingFiguresOut
    from ..models.scheduling_move_out import SchedulingMoveOut
    from ..models.scheduling_not_planned_out import SchedulingNotPlannedOut


T = TypeVar("T", bound="SchedulingOptimizeOut")


@_attrs_define
class SchedulingOptimizeOut:
    """
    Attributes:
        after (None | SchedulingFiguresOut):
        applied (bool):
        before (None | SchedulingFiguresOut):
        date (datetime.date):
        moves (list[SchedulingMoveOut]):
        solve_seconds (float):
        status (str):
        gap (float | None | Unset): (objective - lower_bound) / objective; 0 when proven optimal
        lower_bound (int | None | Unset): No plan of the same visits can cost less (solver bound or LP relaxation)
        not_planned (list[SchedulingNotPlannedOut] | Unset): Appointments the plan could not seat, with why
        objective (int | None | Unset): The plan's cost: minutes of wait plus weighted overtime
    """

    after: None | SchedulingFiguresOut
    applied: bool
    before: None | SchedulingFiguresOut
    date: datetime.date
    moves: list[SchedulingMoveOut]
    solve_seconds: float
    status: str
    gap: float | None | Unset = UNSET
    lower_bound: int | None | Unset = UNSET
    not_planned: list[SchedulingNotPlannedOut] | Unset = UNSET
    objective: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.scheduling_figures_out import SchedulingFiguresOut  # noqa: PLC0415

        after: dict[str, Any] | None
        if isinstance(self.after, SchedulingFiguresOut):
            after = self.after.to_dict()
        else:
            after = self.after

        applied = self.applied

        before: dict[str, Any] | None
        if isinstance(self.before, SchedulingFiguresOut):
            before = self.before.to_dict()
        else:
            before = self.before

        date = self.date.isoformat()

        moves = []
        for moves_item_data in self.moves:
            moves_item = moves_item_data.to_dict()
            moves.append(moves_item)

        solve_seconds = self.solve_seconds

        status = self.status

        gap: float | None | Unset
        if isinstance(self.gap, Unset):
            gap = UNSET
        else:
            gap = self.gap

        lower_bound: int | None | Unset
        if isinstance(self.lower_bound, Unset):
            lower_bound = UNSET
        else:
            lower_bound = self.lower_bound

        not_planned: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.not_planned, Unset):
            not_planned = []
            for not_planned_item_data in self.not_planned:
                not_planned_item = not_planned_item_data.to_dict()
                not_planned.append(not_planned_item)

        objective: int | None | Unset
        if isinstance(self.objective, Unset):
            objective = UNSET
        else:
            objective = self.objective

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "after": after,
                "applied": applied,
                "before": before,
                "date": date,
                "moves": moves,
                "solve_seconds": solve_seconds,
                "status": status,
            }
        )
        if gap is not UNSET:
            field_dict["gap"] = gap
        if lower_bound is not UNSET:
            field_dict["lower_bound"] = lower_bound
        if not_planned is not UNSET:
            field_dict["not_planned"] = not_planned
        if objective is not UNSET:
            field_dict["objective"] = objective

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_figures_out import SchedulingFiguresOut  # noqa: PLC0415
        from ..models.scheduling_move_out import SchedulingMoveOut  # noqa: PLC0415
        from ..models.scheduling_not_planned_out import SchedulingNotPlannedOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_after(data: object) -> None | SchedulingFiguresOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = SchedulingFiguresOut.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulingFiguresOut, data)

        after = _parse_after(d.pop("after"))

        applied = d.pop("applied")

        def _parse_before(data: object) -> None | SchedulingFiguresOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = SchedulingFiguresOut.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulingFiguresOut, data)

        before = _parse_before(d.pop("before"))

        date = datetime.date.fromisoformat(d.pop("date"))

        moves = []
        _moves = d.pop("moves")
        for moves_item_data in _moves:
            moves_item = SchedulingMoveOut.from_dict(moves_item_data)

            moves.append(moves_item)

        solve_seconds = d.pop("solve_seconds")

        status = d.pop("status")

        def _parse_gap(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        gap = _parse_gap(d.pop("gap", UNSET))

        def _parse_lower_bound(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        lower_bound = _parse_lower_bound(d.pop("lower_bound", UNSET))

        _not_planned = d.pop("not_planned", UNSET)
        not_planned: list[SchedulingNotPlannedOut] | Unset = UNSET
        if _not_planned is not UNSET:
            not_planned = []
            for not_planned_item_data in _not_planned:
                not_planned_item = SchedulingNotPlannedOut.from_dict(not_planned_item_data)

                not_planned.append(not_planned_item)

        def _parse_objective(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        objective = _parse_objective(d.pop("objective", UNSET))

        scheduling_optimize_out = cls(
            after=after,
            applied=applied,
            before=before,
            date=date,
            moves=moves,
            solve_seconds=solve_seconds,
            status=status,
            gap=gap,
            lower_bound=lower_bound,
            not_planned=not_planned,
            objective=objective,
        )

        return scheduling_optimize_out
