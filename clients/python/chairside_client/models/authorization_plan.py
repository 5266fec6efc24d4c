from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.authorization_plan_default_coverage_type_0 import (
    AuthorizationPlanDefaultCoverageType0,
)
from ..models.authorization_plan_default_pa_type_0 import (
    AuthorizationPlanDefaultPaType0,
)
from ..models.authorization_plan_payer_type_type_0 import (
    AuthorizationPlanPayerTypeType0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authorization_decision_time_frames import (
        AuthorizationDecisionTimeFrames,
    )


T = TypeVar("T", bound="AuthorizationPlan")


@_attrs_define
class AuthorizationPlan:
    """
    Attributes:
        id (str):
        name (str):
        default (bool | Unset):  Default: False.
        default_coverage (AuthorizationPlanDefaultCoverageType0 | None | Unset):
        default_pa (AuthorizationPlanDefaultPaType0 | None | Unset):
        payer_type (AuthorizationPlanPayerTypeType0 | None | Unset):
        time_frames (AuthorizationDecisionTimeFrames | None | Unset):
    """

    id: str
    name: str
    default: bool | Unset = False
    default_coverage: AuthorizationPlanDefaultCoverageType0 | None | Unset = UNSET
    default_pa: AuthorizationPlanDefaultPaType0 | None | Unset = UNSET
    payer_type: AuthorizationPlanPayerTypeType0 | None | Unset = UNSET
    time_frames: AuthorizationDecisionTimeFrames | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.authorization_decision_time_frames import (
            AuthorizationDecisionTimeFrames,  # noqa: PLC0415
        )

        id = self.id

        name = self.name

        default = self.default

        default_coverage: None | str | Unset
        if isinstance(self.default_coverage, Unset):
            default_coverage = UNSET
        elif isinstance(self.default_coverage, AuthorizationPlanDefaultCoverageType0):
            default_coverage = self.default_coverage.value
        else:
            default_coverage = self.default_coverage

        default_pa: None | str | Unset
        if isinstance(self.default_pa, Unset):
            default_pa = UNSET
        elif isinstance(self.default_pa, AuthorizationPlanDefaultPaType0):
            default_pa = self.default_pa.value
        else:
            default_pa = self.default_pa

        payer_type: None | str | Unset
        if isinstance(self.payer_type, Unset):
            payer_type = UNSET
        elif isinstance(self.payer_type, AuthorizationPlanPayerTypeType0):
            payer_type = self.payer_type.value
        else:
            payer_type = self.payer_type

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
            }
        )
        if default is not UNSET:
            field_dict["default"] = default
        if default_coverage is not UNSET:
            field_dict["default_coverage"] = default_coverage
        if default_pa is not UNSET:
            field_dict["default_pa"] = default_pa
        if payer_type is not UNSET:
            field_dict["payer_type"] = payer_type
        if time_frames is not UNSET:
            field_dict["time_frames"] = time_frames

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_decision_time_frames import (
            AuthorizationDecisionTimeFrames,  # noqa: PLC0415
        )

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        default = d.pop("default", UNSET)

        def _parse_default_coverage(
            data: object,
        ) -> AuthorizationPlanDefaultCoverageType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_coverage_type_0 = AuthorizationPlanDefaultCoverageType0(data)

                return default_coverage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationPlanDefaultCoverageType0 | None | Unset, data)

        default_coverage = _parse_default_coverage(d.pop("default_coverage", UNSET))

        def _parse_default_pa(data: object) -> AuthorizationPlanDefaultPaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_pa_type_0 = AuthorizationPlanDefaultPaType0(data)

                return default_pa_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationPlanDefaultPaType0 | None | Unset, data)

        default_pa = _parse_default_pa(d.pop("default_pa", UNSET))

        def _parse_payer_type(data: object) -> AuthorizationPlanPayerTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payer_type_type_0 = AuthorizationPlanPayerTypeType0(data)

                return payer_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationPlanPayerTypeType0 | None | Unset, data)

        payer_type = _parse_payer_type(d.pop("payer_type", UNSET))

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

        authorization_plan = cls(
            id=id,
            name=name,
            default=default,
            default_coverage=default_coverage,
            default_pa=default_pa,
            payer_type=payer_type,
            time_frames=time_frames,
        )

        return authorization_plan
