from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.authorization_payer_payer_type import AuthorizationPayerPayerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authorization_decision_time_frames import (
        AuthorizationDecisionTimeFrames,
    )
    from ..models.authorization_plan import AuthorizationPlan


T = TypeVar("T", bound="AuthorizationPayer")


@_attrs_define
class AuthorizationPayer:
    """
    Attributes:
        id (str):
        name (str):
        payer_type (AuthorizationPayerPayerType):
        extra_holidays (list[str] | Unset):
        plans (list[AuthorizationPlan] | Unset):
        time_frames (AuthorizationDecisionTimeFrames | None | Unset):
    """

    id: str
    name: str
    payer_type: AuthorizationPayerPayerType
    extra_holidays: list[str] | Unset = UNSET
    plans: list[AuthorizationPlan] | Unset = UNSET
    time_frames: AuthorizationDecisionTimeFrames | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.authorization_decision_time_frames import (
            AuthorizationDecisionTimeFrames,  # noqa: PLC0415
        )

        id = self.id

        name = self.name

        payer_type = self.payer_type.value

        extra_holidays: list[str] | Unset = UNSET
        if not isinstance(self.extra_holidays, Unset):
            extra_holidays = self.extra_holidays

        plans: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.plans, Unset):
            plans = []
            for plans_item_data in self.plans:
                plans_item = plans_item_data.to_dict()
                plans.append(plans_item)

        time_frames: dict[str, Any] | None | Unset
        if isinstance(self.time_frames, Unset):
            time_frames = UNSET
        elif isinstance(self.time_frames, AuthorizationDecisionTimeFrames):
            time_frames = self.time_frames.to_dict()
        else:
            time_frames = self.time_frames

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "payer_type": payer_type,
            }
        )
        if extra_holidays is not UNSET:
            field_dict["extra_holidays"] = extra_holidays
        if plans is not UNSET:
            field_dict["plans"] = plans
        if time_frames is not UNSET:
            field_dict["time_frames"] = time_frames

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_decision_time_frames import (
            AuthorizationDecisionTimeFrames,  # noqa: PLC0415
        )
        from ..models.authorization_plan import AuthorizationPlan  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        payer_type = AuthorizationPayerPayerType(d.pop("payer_type"))

        extra_holidays = cast(list[str], d.pop("extra_holidays", UNSET))

        _plans = d.pop("plans", UNSET)
        plans: list[AuthorizationPlan] | Unset = UNSET
        if _plans is not UNSET:
            plans = []
            for plans_item_data in _plans:
                plans_item = AuthorizationPlan.from_dict(plans_item_data)

                plans.append(plans_item)

        def _parse_time_frames(data: object) -> AuthorizationDecisionTimeFrames | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                time_frames_type_0 = AuthorizationDecisionTimeFrames.from_dict(data)

                return time_frames_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationDecisionTimeFrames | None | Unset, data)

        time_frames = _parse_time_frames(d.pop("time_frames", UNSET))

        authorization_payer = cls(
            id=id,
            name=name,
            payer_type=payer_type,
            extra_holidays=extra_holidays,
            plans=plans,
            time_frames=time_frames,
        )

        return authorization_payer
