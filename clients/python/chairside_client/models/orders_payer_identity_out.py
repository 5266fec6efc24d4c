from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.orders_coverage_out import OrdersCoverageOut
    from ..models.orders_person_out import OrdersPersonOut
    from ..models.orders_practitioner_out import OrdersPractitionerOut


T = TypeVar("T", bound="OrdersPayerIdentityOut")


@_attrs_define
class OrdersPayerIdentityOut:
    """
    Attributes:
        coverage (None | OrdersCoverageOut):
        order_id (None | UUID): null: read for a patient and payer, no order
        ordering (None | OrdersPractitionerOut):
        patient (None | OrdersPersonOut): null: no demographics on file
        patient_id (UUID):
        practice_id (str):
        supervising (None | OrdersPractitionerOut):
    """

    coverage: None | OrdersCoverageOut
    order_id: None | UUID
    ordering: None | OrdersPractitionerOut
    patient: None | OrdersPersonOut
    patient_id: UUID
    practice_id: str
    supervising: None | OrdersPractitionerOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_coverage_out import OrdersCoverageOut  # noqa: PLC0415
        from ..models.orders_person_out import OrdersPersonOut  # noqa: PLC0415
        from ..models.orders_practitioner_out import OrdersPractitionerOut  # noqa: PLC0415

        coverage: dict[str, Any] | None
        if isinstance(self.coverage, OrdersCoverageOut):
            coverage = self.coverage.to_dict()
        else:
            coverage = self.coverage

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        ordering: dict[str, Any] | None
        if isinstance(self.ordering, OrdersPractitionerOut):
            ordering = self.ordering.to_dict()
        else:
            ordering = self.ordering

        patient: dict[str, Any] | None
        if isinstance(self.patient, OrdersPersonOut):
            patient = self.patient.to_dict()
        else:
            patient = self.patient

        patient_id = str(self.patient_id)

        practice_id = self.practice_id

        supervising: dict[str, Any] | None
        if isinstance(self.supervising, OrdersPractitionerOut):
            supervising = self.supervising.to_dict()
        else:
            supervising = self.supervising

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coverage": coverage,
                "order_id": order_id,
                "ordering": ordering,
                "patient": patient,
                "patient_id": patient_id,
                "practice_id": practice_id,
                "supervising": supervising,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_coverage_out import OrdersCoverageOut  # noqa: PLC0415
        from ..models.orders_person_out import OrdersPersonOut  # noqa: PLC0415
        from ..models.orders_practitioner_out import OrdersPractitionerOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_coverage(data: object) -> None | OrdersCoverageOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                coverage_type_0 = OrdersCoverageOut.from_dict(data)

                return coverage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersCoverageOut, data)

        coverage = _parse_coverage(d.pop("coverage"))

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

        def _parse_ordering(data: object) -> None | OrdersPractitionerOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ordering_type_0 = OrdersPractitionerOut.from_dict(data)

                return ordering_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPractitionerOut, data)

        ordering = _parse_ordering(d.pop("ordering"))

        def _parse_patient(data: object) -> None | OrdersPersonOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                patient_type_0 = OrdersPersonOut.from_dict(data)

                return patient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPersonOut, data)

        patient = _parse_patient(d.pop("patient"))

        patient_id = UUID(d.pop("patient_id"))

        practice_id = d.pop("practice_id")

        def _parse_supervising(data: object) -> None | OrdersPractitionerOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                supervising_type_0 = OrdersPractitionerOut.from_dict(data)

                return supervising_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPractitionerOut, data)

        supervising = _parse_supervising(d.pop("supervising"))

        orders_payer_identity_out = cls(
            coverage=coverage,
            order_id=order_id,
            ordering=ordering,
            patient=patient,
            patient_id=patient_id,
            practice_id=practice_id,
            supervising=supervising,
        )

        orders_payer_identity_out.additional_properties = d
        return orders_payer_identity_out

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
