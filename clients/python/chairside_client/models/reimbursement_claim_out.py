from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_claim_line_out import ReimbursementClaimLineOut
    from ..models.reimbursement_cob_out import ReimbursementCobOut
    from ..models.reimbursement_hold_out import ReimbursementHoldOut
    from ..models.reimbursement_payment_out import ReimbursementPaymentOut
    from ..models.reimbursement_provider_adjustment_out import (
        ReimbursementProviderAdjustmentOut,
    )
    from ..models.reimbursement_review import ReimbursementReview
    from ..models.reimbursement_submission_out import ReimbursementSubmissionOut
    from ..models.reimbursement_transition_out import ReimbursementTransitionOut


T = TypeVar("T", bound="ReimbursementClaimOut")


@_attrs_define
class ReimbursementClaimOut:
    """
    Attributes:
        account_number (str):
        acquisition_cost (str):
        adjudicated_at (datetime.datetime | None):
        allowed (None | str):
        auth_number (None | str):
        created_at (datetime.datetime):
        denial_reasons (list[str]):
        diagnoses (list[str]):
        expected_margin (None | str):
        expected_payment (None | str):
        holds (list[ReimbursementHoldOut]): items the 837P needs and the claim lacks (status held): from the build and
            the last identity check
        id (UUID):
        lines (list[ReimbursementClaimLineOut]):
        member_id (None | str):
        notes (list[str]):
        order_id (UUID):
        paid_amount (str):
        patient_id (UUID):
        patient_responsibility (str):
        patient_share (None | str):
        payer_id (None | str):
        place_of_service (str):
        practice_id (str):
        rendering_npi (None | str):
        reviews (list[ReimbursementReview]):
        sequestration (None | str):
        service_date (datetime.date):
        status (str):
        submitted_at (datetime.datetime | None):
        total_charge (str):
        updated_at (datetime.datetime):
        warnings (list[str]):
        waste_cost (str):
        awaiting_crossover (bool | Unset): the primary forwarded the claim to the secondary itself (crossover): send no
            secondary Default: False.
        clm01 (None | str | Unset): CLM01 of the version sent last
        cob (None | ReimbursementCobOut | Unset): coordination of benefits: the secondary claim built after this one, or
            the primary this one follows, and what the primary's final decision led to
        coverage_id (None | Unset | UUID):
        filing_deadline (datetime.date | None | Unset): timely filing: the last day to submit
        frequency (None | str | Unset): CLM05-3 of the version sent last
        history (list[ReimbursementTransitionOut] | Unset): every change of status, oldest first (append-only)
        identity_checked_at (datetime.datetime | None | Unset):
        open_recoupment (str | Unset): deferred recoupments (PLB WO/FB/72) the payer has not taken back yet Default:
            '0.00'.
        ordering_practitioner_id (None | Unset | UUID):
        payer_claim_number (None | str | Unset): the payer's ICN (277CA REF*1K)
        payments (list[ReimbursementPaymentOut] | Unset):
        provider_adjustments (list[ReimbursementProviderAdjustmentOut] | Unset): PLB amounts whose reference names this
            claim
        registry_number (None | str | Unset): the coverage-with-evidence-development study's registry number (837P 2300
            REF*P4), e.g. NCD 200.3's 99999999
        rejection_reasons (list[str] | Unset): why the version sent last was rejected (999 IK3/IK4, 277CA STC)
        submissions (list[ReimbursementSubmissionOut] | Unset): each version as sent
        supervising_practitioner_id (None | Unset | UUID):
    """

    account_number: str
    acquisition_cost: str
    adjudicated_at: datetime.datetime | None
    allowed: None | str
    auth_number: None | str
    created_at: datetime.datetime
    denial_reasons: list[str]
    diagnoses: list[str]
    expected_margin: None | str
    expected_payment: None | str
    holds: list[ReimbursementHoldOut]
    id: UUID
    lines: list[ReimbursementClaimLineOut]
    member_id: None | str
    notes: list[str]
    order_id: UUID
    paid_amount: str
    patient_id: UUID
    patient_responsibility: str
    patient_share: None | str
    payer_id: None | str
    place_of_service: str
    practice_id: str
    rendering_npi: None | str
    reviews: list[ReimbursementReview]
    sequestration: None | str
    service_date: datetime.date
    status: str
    submitted_at: datetime.datetime | None
    total_charge: str
    updated_at: datetime.datetime
    warnings: list[str]
    waste_cost: str
    awaiting_crossover: bool | Unset = False
    clm01: None | str | Unset = UNSET
    cob: None | ReimbursementCobOut | Unset = UNSET
    coverage_id: None | Unset | UUID = UNSET
    filing_deadline: datetime.date | None | Unset = UNSET
    frequency: None | str | Unset = UNSET
    history: list[ReimbursementTransitionOut] | Unset = UNSET
    identity_checked_at: datetime.datetime | None | Unset = UNSET
    open_recoupment: str | Unset = "0.00"
    ordering_practitioner_id: None | Unset | UUID = UNSET
    payer_claim_number: None | str | Unset = UNSET
    payments: list[ReimbursementPaymentOut] | Unset = UNSET
    provider_adjustments: list[ReimbursementProviderAdjustmentOut] | Unset = UNSET
    registry_number: None | str | Unset = UNSET
    rejection_reasons: list[str] | Unset = UNSET
    submissions: list[ReimbursementSubmissionOut] | Unset = UNSET
    supervising_practitioner_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reimbursement_cob_out import ReimbursementCobOut  # noqa: PLC0415

        account_number = self.account_number

        acquisition_cost = self.acquisition_cost

        adjudicated_at: None | str
        if isinstance(self.adjudicated_at, datetime.datetime):
            adjudicated_at = self.adjudicated_at.isoformat()
        else:
            adjudicated_at = self.adjudicated_at

        allowed: None | str
        allowed = self.allowed

        auth_number: None | str
        auth_number = self.auth_number

        created_at = self.created_at.isoformat()

        denial_reasons = self.denial_reasons

        diagnoses = self.diagnoses

        expected_margin: None | str
        expected_margin = self.expected_margin

        expected_payment: None | str
        expected_payment = self.expected_payment

        holds = []
        for holds_item_data in self.holds:
            holds_item = holds_item_data.to_dict()
            holds.append(holds_item)

        id = str(self.id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        member_id: None | str
        member_id = self.member_id

        notes = self.notes

        order_id = str(self.order_id)

        paid_amount = self.paid_amount

        patient_id = str(self.patient_id)

        patient_responsibility = self.patient_responsibility

        patient_share: None | str
        patient_share = self.patient_share

        payer_id: None | str
        payer_id = self.payer_id

        place_of_service = self.place_of_service

        practice_id = self.practice_id

        rendering_npi: None | str
        rendering_npi = self.rendering_npi

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        sequestration: None | str
        sequestration = self.sequestration

        service_date = self.service_date.isoformat()

        status = self.status

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        total_charge = self.total_charge

        updated_at = self.updated_at.isoformat()

        warnings = self.warnings

        waste_cost = self.waste_cost

        awaiting_crossover = self.awaiting_crossover

        clm01: None | str | Unset
        if isinstance(self.clm01, Unset):
            clm01 = UNSET
        else:
            clm01 = self.clm01

        cob: dict[str, Any] | None | Unset
        if isinstance(self.cob, Unset):
            cob = UNSET
        elif isinstance(self.cob, ReimbursementCobOut):
            cob = self.cob.to_dict()
        else:
            cob = self.cob

        coverage_id: None | str | Unset
        if isinstance(self.coverage_id, Unset):
            coverage_id = UNSET
        elif isinstance(self.coverage_id, UUID):
            coverage_id = str(self.coverage_id)
        else:
            coverage_id = self.coverage_id

        filing_deadline: None | str | Unset
        if isinstance(self.filing_deadline, Unset):
            filing_deadline = UNSET
        elif isinstance(self.filing_deadline, datetime.date):
            filing_deadline = self.filing_deadline.isoformat()
        else:
            filing_deadline = self.filing_deadline

        frequency: None | str | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        else:
            frequency = self.frequency

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        identity_checked_at: None | str | Unset
        if isinstance(self.identity_checked_at, Unset):
            identity_checked_at = UNSET
        elif isinstance(self.identity_checked_at, datetime.datetime):
            identity_checked_at = self.identity_checked_at.isoformat()
        else:
            identity_checked_at = self.identity_checked_at

        open_recoupment = self.open_recoupment

        ordering_practitioner_id: None | str | Unset
        if isinstance(self.ordering_practitioner_id, Unset):
            ordering_practitioner_id = UNSET
        elif isinstance(self.ordering_practitioner_id, UUID):
            ordering_practitioner_id = str(self.ordering_practitioner_id)
        else:
            ordering_practitioner_id = self.ordering_practitioner_id

        payer_claim_number: None | str | Unset
        if isinstance(self.payer_claim_number, Unset):
            payer_claim_number = UNSET
        else:
            payer_claim_number = self.payer_claim_number

        payments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.payments, Unset):
            payments = []
            for payments_item_data in self.payments:
                payments_item = payments_item_data.to_dict()
                payments.append(payments_item)

        provider_adjustments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.provider_adjustments, Unset):
            provider_adjustments = []
            for provider_adjustments_item_data in self.provider_adjustments:
                provider_adjustments_item = provider_adjustments_item_data.to_dict()
                provider_adjustments.append(provider_adjustments_item)

        registry_number: None | str | Unset
        if isinstance(self.registry_number, Unset):
            registry_number = UNSET
        else:
            registry_number = self.registry_number

        rejection_reasons: list[str] | Unset = UNSET
        if not isinstance(self.rejection_reasons, Unset):
            rejection_reasons = self.rejection_reasons

        submissions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.submissions, Unset):
            submissions = []
            for submissions_item_data in self.submissions:
                submissions_item = submissions_item_data.to_dict()
                submissions.append(submissions_item)

        supervising_practitioner_id: None | str | Unset
        if isinstance(self.supervising_practitioner_id, Unset):
            supervising_practitioner_id = UNSET
        elif isinstance(self.supervising_practitioner_id, UUID):
            supervising_practitioner_id = str(self.supervising_practitioner_id)
        else:
            supervising_practitioner_id = self.supervising_practitioner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_number": account_number,
                "acquisition_cost": acquisition_cost,
                "adjudicated_at": adjudicated_at,
                "allowed": allowed,
                "auth_number": auth_number,
                "created_at": created_at,
                "denial_reasons": denial_reasons,
                "diagnoses": diagnoses,
                "expected_margin": expected_margin,
                "expected_payment": expected_payment,
                "holds": holds,
                "id": id,
                "lines": lines,
                "member_id": member_id,
                "notes": notes,
                "order_id": order_id,
                "paid_amount": paid_amount,
                "patient_id": patient_id,
                "patient_responsibility": patient_responsibility,
                "patient_share": patient_share,
                "payer_id": payer_id,
                "place_of_service": place_of_service,
                "practice_id": practice_id,
                "rendering_npi": rendering_npi,
                "reviews": reviews,
                "sequestration": sequestration,
                "service_date": service_date,
                "status": status,
                "submitted_at": submitted_at,
                "total_charge": total_charge,
                "updated_at": updated_at,
                "warnings": warnings,
                "waste_cost": waste_cost,
            }
        )
        if awaiting_crossover is not UNSET:
            field_dict["awaiting_crossover"] = awaiting_crossover
        if clm01 is not UNSET:
            field_dict["clm01"] = clm01
        if cob is not UNSET:
            field_dict["cob"] = cob
        if coverage_id is not UNSET:
            field_dict["coverage_id"] = coverage_id
        if filing_deadline is not UNSET:
            field_dict["filing_deadline"] = filing_deadline
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if history is not UNSET:
            field_dict["history"] = history
        if identity_checked_at is not UNSET:
            field_dict["identity_checked_at"] = identity_checked_at
        if open_recoupment is not UNSET:
            field_dict["open_recoupment"] = open_recoupment
        if ordering_practitioner_id is not UNSET:
            field_dict["ordering_practitioner_id"] = ordering_practitioner_id
        if payer_claim_number is not UNSET:
            field_dict["payer_claim_number"] = payer_claim_number
        if payments is not UNSET:
            field_dict["payments"] = payments
        if provider_adjustments is not UNSET:
            field_dict["provider_adjustments"] = provider_adjustments
        if registry_number is not UNSET:
            field_dict["registry_number"] = registry_number
        if rejection_reasons is not UNSET:
            field_dict["rejection_reasons"] = rejection_reasons
        if submissions is not UNSET:
            field_dict["submissions"] = submissions
        if supervising_practitioner_id is not UNSET:
            field_dict["supervising_practitioner_id"] = supervising_practitioner_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_claim_line_out import ReimbursementClaimLineOut  # noqa: PLC0415
        from ..models.reimbursement_cob_out import ReimbursementCobOut  # noqa: PLC0415
        from ..models.reimbursement_hold_out import ReimbursementHoldOut  # noqa: PLC0415
        from ..models.reimbursement_payment_out import ReimbursementPaymentOut  # noqa: PLC0415
        from ..models.reimbursement_provider_adjustment_out import (
            ReimbursementProviderAdjustmentOut,  # noqa: PLC0415
        )
        from ..models.reimbursement_review import ReimbursementReview  # noqa: PLC0415
        from ..models.reimbursement_submission_out import ReimbursementSubmissionOut  # noqa: PLC0415
        from ..models.reimbursement_transition_out import ReimbursementTransitionOut  # noqa: PLC0415

        d = dict(src_dict)
        account_number = d.pop("account_number")

        acquisition_cost = d.pop("acquisition_cost")

        def _parse_adjudicated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjudicated_at_type_0 = datetime.datetime.fromisoformat(data)

                return adjudicated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        adjudicated_at = _parse_adjudicated_at(d.pop("adjudicated_at"))

        def _parse_allowed(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        allowed = _parse_allowed(d.pop("allowed"))

        def _parse_auth_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auth_number = _parse_auth_number(d.pop("auth_number"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        denial_reasons = cast(list[str], d.pop("denial_reasons"))

        diagnoses = cast(list[str], d.pop("diagnoses"))

        def _parse_expected_margin(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        expected_margin = _parse_expected_margin(d.pop("expected_margin"))

        def _parse_expected_payment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        expected_payment = _parse_expected_payment(d.pop("expected_payment"))

        holds = []
        _holds = d.pop("holds")
        for holds_item_data in _holds:
            holds_item = ReimbursementHoldOut.from_dict(holds_item_data)

            holds.append(holds_item)

        id = UUID(d.pop("id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReimbursementClaimLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_member_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        member_id = _parse_member_id(d.pop("member_id"))

        notes = cast(list[str], d.pop("notes"))

        order_id = UUID(d.pop("order_id"))

        paid_amount = d.pop("paid_amount")

        patient_id = UUID(d.pop("patient_id"))

        patient_responsibility = d.pop("patient_responsibility")

        def _parse_patient_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        patient_share = _parse_patient_share(d.pop("patient_share"))

        def _parse_payer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_id = _parse_payer_id(d.pop("payer_id"))

        place_of_service = d.pop("place_of_service")

        practice_id = d.pop("practice_id")

        def _parse_rendering_npi(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rendering_npi = _parse_rendering_npi(d.pop("rendering_npi"))

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = ReimbursementReview.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        def _parse_sequestration(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sequestration = _parse_sequestration(d.pop("sequestration"))

        service_date = datetime.date.fromisoformat(d.pop("service_date"))

        status = d.pop("status")

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        total_charge = d.pop("total_charge")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        warnings = cast(list[str], d.pop("warnings"))

        waste_cost = d.pop("waste_cost")

        awaiting_crossover = d.pop("awaiting_crossover", UNSET)

        def _parse_clm01(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        clm01 = _parse_clm01(d.pop("clm01", UNSET))

        def _parse_cob(data: object) -> None | ReimbursementCobOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cob_type_0 = ReimbursementCobOut.from_dict(data)

                return cob_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementCobOut | Unset, data)

        cob = _parse_cob(d.pop("cob", UNSET))

        def _parse_coverage_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                coverage_id_type_0 = UUID(data)

                return coverage_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        coverage_id = _parse_coverage_id(d.pop("coverage_id", UNSET))

        def _parse_filing_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_deadline_type_0 = datetime.date.fromisoformat(data)

                return filing_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        filing_deadline = _parse_filing_deadline(d.pop("filing_deadline", UNSET))

        def _parse_frequency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        _history = d.pop("history", UNSET)
        history: list[ReimbursementTransitionOut] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = ReimbursementTransitionOut.from_dict(history_item_data)

                history.append(history_item)

        def _parse_identity_checked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                identity_checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return identity_checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        identity_checked_at = _parse_identity_checked_at(d.pop("identity_checked_at", UNSET))

        open_recoupment = d.pop("open_recoupment", UNSET)

        def _parse_ordering_practitioner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ordering_practitioner_id_type_0 = UUID(data)

                return ordering_practitioner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        ordering_practitioner_id = _parse_ordering_practitioner_id(
            d.pop("ordering_practitioner_id", UNSET)
        )

        def _parse_payer_claim_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payer_claim_number = _parse_payer_claim_number(d.pop("payer_claim_number", UNSET))

        _payments = d.pop("payments", UNSET)
        payments: list[ReimbursementPaymentOut] | Unset = UNSET
        if _payments is not UNSET:
            payments = []
            for payments_item_data in _payments:
                payments_item = ReimbursementPaymentOut.from_dict(payments_item_data)

                payments.append(payments_item)

        _provider_adjustments = d.pop("provider_adjustments", UNSET)
        provider_adjustments: list[ReimbursementProviderAdjustmentOut] | Unset = UNSET
        if _provider_adjustments is not UNSET:
            provider_adjustments = []
            for provider_adjustments_item_data in _provider_adjustments:
                provider_adjustments_item = ReimbursementProviderAdjustmentOut.from_dict(
                    provider_adjustments_item_data
                )

                provider_adjustments.append(provider_adjustments_item)

        def _parse_registry_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registry_number = _parse_registry_number(d.pop("registry_number", UNSET))

        rejection_reasons = cast(list[str], d.pop("rejection_reasons", UNSET))

        _submissions = d.pop("submissions", UNSET)
        submissions: list[ReimbursementSubmissionOut] | Unset = UNSET
        if _submissions is not UNSET:
            submissions = []
            for submissions_item_data in _submissions:
                submissions_item = ReimbursementSubmissionOut.from_dict(submissions_item_data)

                submissions.append(submissions_item)

        def _parse_supervising_practitioner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supervising_practitioner_id_type_0 = UUID(data)

                return supervising_practitioner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        supervising_practitioner_id = _parse_supervising_practitioner_id(
            d.pop("supervising_practitioner_id", UNSET)
        )

        reimbursement_claim_out = cls(
            account_number=account_number,
            acquisition_cost=acquisition_cost,
            adjudicated_at=adjudicated_at,
            allowed=allowed,
            auth_number=auth_number,
            created_at=created_at,
            denial_reasons=denial_reasons,
            diagnoses=diagnoses,
            expected_margin=expected_margin,
            expected_payment=expected_payment,
            holds=holds,
            id=id,
            lines=lines,
            member_id=member_id,
            notes=notes,
            order_id=order_id,
            paid_amount=paid_amount,
            patient_id=patient_id,
            patient_responsibility=patient_responsibility,
            patient_share=patient_share,
            payer_id=payer_id,
            place_of_service=place_of_service,
            practice_id=practice_id,
            rendering_npi=rendering_npi,
            reviews=reviews,
            sequestration=sequestration,
            service_date=service_date,
            status=status,
            submitted_at=submitted_at,
            total_charge=total_charge,
            updated_at=updated_at,
            warnings=warnings,
            waste_cost=waste_cost,
            awaiting_crossover=awaiting_crossover,
            clm01=clm01,
            cob=cob,
            coverage_id=coverage_id,
            filing_deadline=filing_deadline,
            frequency=frequency,
            history=history,
            identity_checked_at=identity_checked_at,
            open_recoupment=open_recoupment,
            ordering_practitioner_id=ordering_practitioner_id,
            payer_claim_number=payer_claim_number,
            payments=payments,
            provider_adjustments=provider_adjustments,
            registry_number=registry_number,
            rejection_reasons=rejection_reasons,
            submissions=submissions,
            supervising_practitioner_id=supervising_practitioner_id,
        )

        reimbursement_claim_out.additional_properties = d
        return reimbursement_claim_out

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
