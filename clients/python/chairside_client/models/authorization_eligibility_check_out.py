from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.authorization_eligibility_check_out_status import (
    AuthorizationEligibilityCheckOutStatus,
)
from ..models.authorization_eligibility_check_out_trigger import (
    AuthorizationEligibilityCheckOutTrigger,
)

if TYPE_CHECKING:
    from ..models.authorization_benefits_out import AuthorizationBenefitsOut
    from ..models.authorization_estimate_out import AuthorizationEstimateOut
    from ..models.authorization_rejection_out import AuthorizationRejectionOut
    from ..models.authorization_resolution_out import AuthorizationResolutionOut


T = TypeVar("T", bound="AuthorizationEligibilityCheckOut")


@_attrs_define
class AuthorizationEligibilityCheckOut:
    """
    Attributes:
        answered_at (datetime.datetime | None):
        attempts (int):
        benefits (AuthorizationBenefitsOut | None):
        coverage_id (None | UUID):
        estimate (AuthorizationEstimateOut | None):
        id (UUID):
        needs_staff (bool):
        next_attempt_at (datetime.datetime | None):
        order_id (None | UUID):
        patient_id (UUID):
        payer_id (str):
        reason (None | str):
        reason_code (None | str):
        rejections (list[AuthorizationRejectionOut]):
        requested_at (datetime.datetime):
        requested_by (str):
        resolution (AuthorizationResolutionOut | None):
        service_date (datetime.date):
        status (AuthorizationEligibilityCheckOutStatus):
        trigger (AuthorizationEligibilityCheckOutTrigger):
    """

    answered_at: datetime.datetime | None
    attempts: int
    benefits: AuthorizationBenefitsOut | None
    coverage_id: None | UUID
    estimate: AuthorizationEstimateOut | None
    id: UUID
    needs_staff: bool
    next_attempt_at: datetime.datetime | None
    order_id: None | UUID
    patient_id: UUID
    payer_id: str
    reason: None | str
    reason_code: None | str
    rejections: list[AuthorizationRejectionOut]
    requested_at: datetime.datetime
    requested_by: str
    resolution: AuthorizationResolutionOut | None
    service_date: datetime.date
    status: AuthorizationEligibilityCheckOutStatus
    trigger: AuthorizationEligibilityCheckOutTrigger
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.authorization_benefits_out import AuthorizationBenefitsOut  # noqa: PLC0415
        from ..models.authorization_estimate_out import AuthorizationEstimateOut  # noqa: PLC0415
        from ..models.authorization_resolution_out import AuthorizationResolutionOut  # noqa: PLC0415

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        attempts = self.attempts

        benefits: dict[str, Any] | None
        if isinstance(self.benefits, AuthorizationBenefitsOut):
            benefits = self.benefits.to_dict()
        else:
            benefits = self.benefits

        coverage_id: None | str
        if isinstance(self.coverage_id, UUID):
            coverage_id = str(self.coverage_id)
        else:
            coverage_id = self.coverage_id

        estimate: dict[str, Any] | None
        if isinstance(self.estimate, AuthorizationEstimateOut):
            estimate = self.estimate.to_dict()
        else:
            estimate = self.estimate

        id = str(self.id)

        needs_staff = self.needs_staff

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        patient_id = str(self.patient_id)

        payer_id = self.payer_id

        reason: None | str
        reason = self.reason

        reason_code: None | str
        reason_code = self.reason_code

        rejections = []
        for rejections_item_data in self.rejections:
            rejections_item = rejections_item_data.to_dict()
            rejections.append(rejections_item)

        requested_at = self.requested_at.isoformat()

        requested_by = self.requested_by

        resolution: dict[str, Any] | None
        if isinstance(self.resolution, AuthorizationResolutionOut):
            resolution = self.resolution.to_dict()
        else:
            resolution = self.resolution

        service_date = self.service_date.isoformat()

        status = self.status.value

        trigger = self.trigger.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answered_at": answered_at,
                "attempts": attempts,
                "benefits": benefits,
                "coverage_id": coverage_id,
                "estimate": estimate,
                "id": id,
                "needs_staff": needs_staff,
                "next_attempt_at": next_attempt_at,
                "order_id": order_id,
                "patient_id": patient_id,
                "payer_id": payer_id,
                "reason": reason,
                "reason_code": reason_code,
                "rejections": rejections,
                "requested_at": requested_at,
                "requested_by": requested_by,
                "resolution": resolution,
                "service_date": service_date,
                "status": status,
                "trigger": trigger,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_benefits_out import AuthorizationBenefitsOut  # noqa: PLC0415
        from ..models.authorization_estimate_out import AuthorizationEstimateOut  # noqa: PLC0415
        from ..models.authorization_rejection_out import AuthorizationRejectionOut  # noqa: PLC0415
        from ..models.authorization_resolution_out import AuthorizationResolutionOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))

        attempts = d.pop("attempts")

        def _parse_benefits(data: object) -> AuthorizationBenefitsOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                benefits_type_0 = AuthorizationBenefitsOut.from_dict(data)

                return benefits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationBenefitsOut | None, data)

        benefits = _parse_benefits(d.pop("benefits"))

        def _parse_coverage_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                coverage_id_type_0 = UUID(data)

                return coverage_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        coverage_id = _parse_coverage_id(d.pop("coverage_id"))

        def _parse_estimate(data: object) -> AuthorizationEstimateOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                estimate_type_0 = AuthorizationEstimateOut.from_dict(data)

                return estimate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationEstimateOut | None, data)

        estimate = _parse_estimate(d.pop("estimate"))

        id = UUID(d.pop("id"))

        needs_staff = d.pop("needs_staff")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_order_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)

                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        order_id = _parse_order_id(d.pop("order_id"))

        patient_id = UUID(d.pop("patient_id"))

        payer_id = d.pop("payer_id")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_reason_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason_code = _parse_reason_code(d.pop("reason_code"))

        rejections = []
        _rejections = d.pop("rejections")
        for rejections_item_data in _rejections:
            rejections_item = AuthorizationRejectionOut.from_dict(rejections_item_data)

            rejections.append(rejections_item)

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        requested_by = d.pop("requested_by")

        def _parse_resolution(data: object) -> AuthorizationResolutionOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                resolution_type_0 = AuthorizationResolutionOut.from_dict(data)

                return resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationResolutionOut | None, data)

        resolution = _parse_resolution(d.pop("resolution"))

        service_date = datetime.date.fromisoformat(d.pop("service_date"))

        status = AuthorizationEligibilityCheckOutStatus(d.pop("status"))

        trigger = AuthorizationEligibilityCheckOutTrigger(d.pop("trigger"))

        authorization_eligibility_check_out = cls(
            answered_at=answered_at,
            attempts=attempts,
            benefits=benefits,
            coverage_id=coverage_id,
            estimate=estimate,
            id=id,
            needs_staff=needs_staff,
            next_attempt_at=next_attempt_at,
            order_id=order_id,
            patient_id=patient_id,
            payer_id=payer_id,
            reason=reason,
            reason_code=reason_code,
            rejections=rejections,
            requested_at=requested_at,
            requested_by=requested_by,
            resolution=resolution,
            service_date=service_date,
            status=status,
            trigger=trigger,
        )

        authorization_eligibility_check_out.additional_properties = d
        return authorization_eligibility_check_out

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
