from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.unavailable import Unavailable
    from ..models.visit_appointment_type_0 import VisitAppointmentType0
    from ..models.visit_authorization_type_0 import VisitAuthorizationType0
    from ..models.visit_claim_type_0 import VisitClaimType0
    from ..models.visit_order_type_0 import VisitOrderType0


T = TypeVar("T", bound="Visit")


@_attrs_define
class Visit:
    """
    Attributes:
        appointment (None | Unavailable | VisitAppointmentType0):
        authorization (None | Unavailable | VisitAuthorizationType0): the order's prior-authorization case; null when
            none exists
        claim (None | Unavailable | VisitClaimType0):
        order (Unavailable | VisitOrderType0):
    """

    appointment: None | Unavailable | VisitAppointmentType0
    authorization: None | Unavailable | VisitAuthorizationType0
    claim: None | Unavailable | VisitClaimType0
    order: Unavailable | VisitOrderType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.unavailable import Unavailable  # noqa: PLC0415
        from ..models.visit_appointment_type_0 import VisitAppointmentType0  # noqa: PLC0415
        from ..models.visit_authorization_type_0 import VisitAuthorizationType0  # noqa: PLC0415
        from ..models.visit_claim_type_0 import VisitClaimType0  # noqa: PLC0415
        from ..models.visit_order_type_0 import VisitOrderType0  # noqa: PLC0415

        appointment: dict[str, Any] | None
        if isinstance(self.appointment, VisitAppointmentType0):
            appointment = self.appointment.to_dict()
        elif isinstance(self.appointment, Unavailable):
            appointment = self.appointment.to_dict()
        else:
            appointment = self.appointment

        authorization: dict[str, Any] | None
        if isinstance(self.authorization, VisitAuthorizationType0):
            authorization = self.authorization.to_dict()
        elif isinstance(self.authorization, Unavailable):
            authorization = self.authorization.to_dict()
        else:
            authorization = self.authorization

        claim: dict[str, Any] | None
        if isinstance(self.claim, VisitClaimType0):
            claim = self.claim.to_dict()
        elif isinstance(self.claim, Unavailable):
            claim = self.claim.to_dict()
        else:
            claim = self.claim

        order: dict[str, Any]
        if isinstance(self.order, VisitOrderType0):
            order = self.order.to_dict()
        else:
            order = self.order.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointment": appointment,
                "authorization": authorization,
                "claim": claim,
                "order": order,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unavailable import Unavailable  # noqa: PLC0415
        from ..models.visit_appointment_type_0 import VisitAppointmentType0  # noqa: PLC0415
        from ..models.visit_authorization_type_0 import VisitAuthorizationType0  # noqa: PLC0415
        from ..models.visit_claim_type_0 import VisitClaimType0  # noqa: PLC0415
        from ..models.visit_order_type_0 import VisitOrderType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_appointment(data: object) -> None | Unavailable | VisitAppointmentType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                appointment_type_0 = VisitAppointmentType0.from_dict(data)

                return appointment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                appointment_type_1 = Unavailable.from_dict(data)

                return appointment_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unavailable | VisitAppointmentType0, data)

        appointment = _parse_appointment(d.pop("appointment"))

        def _parse_authorization(data: object) -> None | Unavailable | VisitAuthorizationType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                authorization_type_0 = VisitAuthorizationType0.from_dict(data)

                return authorization_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                authorization_type_1 = Unavailable.from_dict(data)

                return authorization_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unavailable | VisitAuthorizationType0, data)

        authorization = _parse_authorization(d.pop("authorization"))

        def _parse_claim(data: object) -> None | Unavailable | VisitClaimType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                claim_type_0 = VisitClaimType0.from_dict(data)

                return claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                claim_type_1 = Unavailable.from_dict(data)

                return claim_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unavailable | VisitClaimType0, data)

        claim = _parse_claim(d.pop("claim"))

        def _parse_order(data: object) -> Unavailable | VisitOrderType0:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                order_type_0 = VisitOrderType0.from_dict(data)

                return order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            order_type_1 = Unavailable.from_dict(data)

            return order_type_1

        order = _parse_order(d.pop("order"))

        visit = cls(
            appointment=appointment,
            authorization=authorization,
            claim=claim,
            order=order,
        )

        visit.additional_properties = d
        return visit

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
