from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_reaction_in_kind import OrdersReactionInKind
from ..models.orders_reaction_in_outcome import OrdersReactionInOutcome
from ..models.orders_reaction_in_rechallenge import OrdersReactionInRechallenge
from ..models.orders_reaction_in_term import OrdersReactionInTerm
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_action_in import OrdersActionIn
    from ..models.orders_reaction_vitals_in import OrdersReactionVitalsIn
    from ..models.orders_rescue_in import OrdersRescueIn
    from ..models.orders_suspect_in import OrdersSuspectIn


T = TypeVar("T", bound="OrdersReactionIn")


@_attrs_define
class OrdersReactionIn:
    """
    Attributes:
        grade (int): CTCAE v5 grade
        graded_by (str):
        kind (OrdersReactionInKind):
        manifestations (list[str]): SNOMED CT codes from the reaction rules
        onset_at (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        outcome (OrdersReactionInOutcome):
        rechallenge (OrdersReactionInRechallenge):
        suspects (list[OrdersSuspectIn]):
        term (OrdersReactionInTerm):
        actions (list[OrdersActionIn] | Unset):
        minutes_from_start (int | None | Unset):
        provider_notified_at (datetime.datetime | None | Unset):
        rescue_meds (list[OrdersRescueIn] | Unset):
        resolved_at (datetime.datetime | None | Unset):
        vitals (list[OrdersReactionVitalsIn] | Unset):
    """

    grade: int
    graded_by: str
    kind: OrdersReactionInKind
    manifestations: list[str]
    onset_at: datetime.datetime
    outcome: OrdersReactionInOutcome
    rechallenge: OrdersReactionInRechallenge
    suspects: list[OrdersSuspectIn]
    term: OrdersReactionInTerm
    actions: list[OrdersActionIn] | Unset = UNSET
    minutes_from_start: int | None | Unset = UNSET
    provider_notified_at: datetime.datetime | None | Unset = UNSET
    rescue_meds: list[OrdersRescueIn] | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    vitals: list[OrdersReactionVitalsIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        graded_by = self.graded_by

        kind = self.kind.value

        manifestations = self.manifestations

        onset_at = self.onset_at.isoformat()

        outcome = self.outcome.value

        rechallenge = self.rechallenge.value

        suspects = []
        for suspects_item_data in self.suspects:
            suspects_item = suspects_item_data.to_dict()
            suspects.append(suspects_item)

        term = self.term.value

        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        minutes_from_start: int | None | Unset
        if isinstance(self.minutes_from_start, Unset):
            minutes_from_start = UNSET
        else:
            minutes_from_start = self.minutes_from_start

        provider_notified_at: None | str | Unset
        if isinstance(self.provider_notified_at, Unset):
            provider_notified_at = UNSET
        elif isinstance(self.provider_notified_at, datetime.datetime):
            provider_notified_at = self.provider_notified_at.isoformat()
        else:
            provider_notified_at = self.provider_notified_at

        rescue_meds: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rescue_meds, Unset):
            rescue_meds = []
            for rescue_meds_item_data in self.rescue_meds:
                rescue_meds_item = rescue_meds_item_data.to_dict()
                rescue_meds.append(rescue_meds_item)

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        vitals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vitals, Unset):
            vitals = []
            for vitals_item_data in self.vitals:
                vitals_item = vitals_item_data.to_dict()
                vitals.append(vitals_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
                "graded_by": graded_by,
                "kind": kind,
                "manifestations": manifestations,
                "onset_at": onset_at,
                "outcome": outcome,
                "rechallenge": rechallenge,
                "suspects": suspects,
                "term": term,
            }
        )
        if actions is not UNSET:
            field_dict["actions"] = actions
        if minutes_from_start is not UNSET:
            field_dict["minutes_from_start"] = minutes_from_start
        if provider_notified_at is not UNSET:
            field_dict["provider_notified_at"] = provider_notified_at
        if rescue_meds is not UNSET:
            field_dict["rescue_meds"] = rescue_meds
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if vitals is not UNSET:
            field_dict["vitals"] = vitals

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_action_in import OrdersActionIn  # noqa: PLC0415
        from ..models.orders_reaction_vitals_in import OrdersReactionVitalsIn  # noqa: PLC0415
        from ..models.orders_rescue_in import OrdersRescueIn  # noqa: PLC0415
        from ..models.orders_suspect_in import OrdersSuspectIn  # noqa: PLC0415

        d = dict(src_dict)
        grade = d.pop("grade")

        graded_by = d.pop("graded_by")

        kind = OrdersReactionInKind(d.pop("kind"))

        manifestations = cast(list[str], d.pop("manifestations"))

        onset_at = datetime.datetime.fromisoformat(d.pop("onset_at"))

        outcome = OrdersReactionInOutcome(d.pop("outcome"))

        rechallenge = OrdersReactionInRechallenge(d.pop("rechallenge"))

        suspects = []
        _suspects = d.pop("suspects")
        for suspects_item_data in _suspects:
            suspects_item = OrdersSuspectIn.from_dict(suspects_item_data)

            suspects.append(suspects_item)

        term = OrdersReactionInTerm(d.pop("term"))

        _actions = d.pop("actions", UNSET)
        actions: list[OrdersActionIn] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:
                actions_item = OrdersActionIn.from_dict(actions_item_data)

                actions.append(actions_item)

        def _parse_minutes_from_start(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        minutes_from_start = _parse_minutes_from_start(d.pop("minutes_from_start", UNSET))

        def _parse_provider_notified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                provider_notified_at_type_0 = datetime.datetime.fromisoformat(data)

                return provider_notified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        provider_notified_at = _parse_provider_notified_at(d.pop("provider_notified_at", UNSET))

        _rescue_meds = d.pop("rescue_meds", UNSET)
        rescue_meds: list[OrdersRescueIn] | Unset = UNSET
        if _rescue_meds is not UNSET:
            rescue_meds = []
            for rescue_meds_item_data in _rescue_meds:
                rescue_meds_item = OrdersRescueIn.from_dict(rescue_meds_item_data)

                rescue_meds.append(rescue_meds_item)

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        _vitals = d.pop("vitals", UNSET)
        vitals: list[OrdersReactionVitalsIn] | Unset = UNSET
        if _vitals is not UNSET:
            vitals = []
            for vitals_item_data in _vitals:
                vitals_item = OrdersReactionVitalsIn.from_dict(vitals_item_data)

                vitals.append(vitals_item)

        orders_reaction_in = cls(
            grade=grade,
            graded_by=graded_by,
            kind=kind,
            manifestations=manifestations,
            onset_at=onset_at,
            outcome=outcome,
            rechallenge=rechallenge,
            suspects=suspects,
            term=term,
            actions=actions,
            minutes_from_start=minutes_from_start,
            provider_notified_at=provider_notified_at,
            rescue_meds=rescue_meds,
            resolved_at=resolved_at,
            vitals=vitals,
        )

        return orders_reaction_in
