from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.authorization_coverage_policy_coverage import (
    AuthorizationCoveragePolicyCoverage,
)
from ..models.authorization_coverage_policy_pa_type_0 import (
    AuthorizationCoveragePolicyPaType0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authorization_criteria import AuthorizationCriteria
    from ..models.authorization_product_preference import AuthorizationProductPreference
    from ..models.authorization_quantity_limit import AuthorizationQuantityLimit
    from ..models.authorization_reauth_rule import AuthorizationReauthRule


T = TypeVar("T", bound="AuthorizationCoveragePolicy")


@_attrs_define
class AuthorizationCoveragePolicy:
    """
    Attributes:
        coverage (AuthorizationCoveragePolicyCoverage):
        hcpcs (str):
        billing_unit (None | str | Unset):
        criteria (AuthorizationCriteria | None | Unset):
        initial_approval_months (int | None | Unset):
        not_covered_reason (None | str | Unset):
        pa (AuthorizationCoveragePolicyPaType0 | None | Unset):
        pa_units_threshold (int | None | Unset):
        plan_id (None | str | Unset):
        preference (AuthorizationProductPreference | None | Unset):
        quantity_limit (AuthorizationQuantityLimit | None | Unset):
        reauth (AuthorizationReauthRule | None | Unset):
        source (None | str | Unset):
    """

    coverage: AuthorizationCoveragePolicyCoverage
    hcpcs: str
    billing_unit: None | str | Unset = UNSET
    criteria: AuthorizationCriteria | None | Unset = UNSET
    initial_approval_months: int | None | Unset = UNSET
    not_covered_reason: None | str | Unset = UNSET
    pa: AuthorizationCoveragePolicyPaType0 | None | Unset = UNSET
    pa_units_threshold: int | None | Unset = UNSET
    plan_id: None | str | Unset = UNSET
    preference: AuthorizationProductPreference | None | Unset = UNSET
    quantity_limit: AuthorizationQuantityLimit | None | Unset = UNSET
    reauth: AuthorizationReauthRule | None | Unset = UNSET
    source: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.authorization_criteria import AuthorizationCriteria  # noqa: PLC0415
        from ..models.authorization_product_preference import (
            AuthorizationProductPreference,  # noqa: PLC0415
        )
        from ..models.authorization_quantity_limit import AuthorizationQuantityLimit  # noqa: PLC0415
        from ..models.authorization_reauth_rule import AuthorizationReauthRule  # noqa: PLC0415

        coverage = self.coverage.value

        hcpcs = self.hcpcs

        billing_unit: None | str | Unset
        if isinstance(self.billing_unit, Unset):
            billing_unit = UNSET
        else:
            billing_unit = self.billing_unit

        criteria: dict[str, Any] | None | Unset
        if isinstance(self.criteria, Unset):
            criteria = UNSET
        elif isinstance(self.criteria, AuthorizationCriteria):
            criteria = self.criteria.to_dict()
        else:
            criteria = self.criteria

        initial_approval_months: int | None | Unset
        if isinstance(self.initial_approval_months, Unset):
            initial_approval_months = UNSET
        else:
            initial_approval_months = self.initial_approval_months

        not_covered_reason: None | str | Unset
        if isinstance(self.not_covered_reason, Unset):
            not_covered_reason = UNSET
        else:
            not_covered_reason = self.not_covered_reason

        pa: None | str | Unset
        if isinstance(self.pa, Unset):
            pa = UNSET
        elif isinstance(self.pa, AuthorizationCoveragePolicyPaType0):
            pa = self.pa.value
        else:
            pa = self.pa

        pa_units_threshold: int | None | Unset
        if isinstance(self.pa_units_threshold, Unset):
            pa_units_threshold = UNSET
        else:
            pa_units_threshold = self.pa_units_threshold

        plan_id: None | str | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        preference: dict[str, Any] | None | Unset
        if isinstance(self.preference, Unset):
            preference = UNSET
        elif isinstance(self.preference, AuthorizationProductPreference):
            preference = self.preference.to_dict()
        else:
            preference = self.preference

        quantity_limit: dict[str, Any] | None | Unset
        if isinstance(self.quantity_limit, Unset):
            quantity_limit = UNSET
        elif isinstance(self.quantity_limit, AuthorizationQuantityLimit):
            quantity_limit = self.quantity_limit.to_dict()
        else:
            quantity_limit = self.quantity_limit

        reauth: dict[str, Any] | None | Unset
        if isinstance(self.reauth, Unset):
            reauth = UNSET
        elif isinstance(self.reauth, AuthorizationReauthRule):
            reauth = self.reauth.to_dict()
        else:
            reauth = self.reauth

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "coverage": coverage,
                "hcpcs": hcpcs,
            }
        )
        if billing_unit is not UNSET:
            field_dict["billing_unit"] = billing_unit
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if initial_approval_months is not UNSET:
            field_dict["initial_approval_months"] = initial_approval_months
        if not_covered_reason is not UNSET:
            field_dict["not_covered_reason"] = not_covered_reason
        if pa is not UNSET:
            field_dict["pa"] = pa
        if pa_units_threshold is not UNSET:
            field_dict["pa_units_threshold"] = pa_units_threshold
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if preference is not UNSET:
            field_dict["preference"] = preference
        if quantity_limit is not UNSET:
            field_dict["quantity_limit"] = quantity_limit
        if reauth is not UNSET:
            field_dict["reauth"] = reauth
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_criteria import AuthorizationCriteria  # noqa: PLC0415
        from ..models.authorization_product_preference import (
            AuthorizationProductPreference,  # noqa: PLC0415
        )
        from ..models.authorization_quantity_limit import AuthorizationQuantityLimit  # noqa: PLC0415
        from ..models.authorization_reauth_rule import AuthorizationReauthRule  # noqa: PLC0415

        d = dict(src_dict)
        coverage = AuthorizationCoveragePolicyCoverage(d.pop("coverage"))

        hcpcs = d.pop("hcpcs")

        def _parse_billing_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_unit = _parse_billing_unit(d.pop("billing_unit", UNSET))

        def _parse_criteria(data: object) -> AuthorizationCriteria | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0 = AuthorizationCriteria.from_dict(data)

                return criteria_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationCriteria | None | Unset, data)

        criteria = _parse_criteria(d.pop("criteria", UNSET))

        def _parse_initial_approval_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        initial_approval_months = _parse_initial_approval_months(
            d.pop("initial_approval_months", UNSET)
        )

        def _parse_not_covered_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        not_covered_reason = _parse_not_covered_reason(d.pop("not_covered_reason", UNSET))

        def _parse_pa(data: object) -> AuthorizationCoveragePolicyPaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pa_type_0 = AuthorizationCoveragePolicyPaType0(data)

                return pa_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationCoveragePolicyPaType0 | None | Unset, data)

        pa = _parse_pa(d.pop("pa", UNSET))

        def _parse_pa_units_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pa_units_threshold = _parse_pa_units_threshold(d.pop("pa_units_threshold", UNSET))

        def _parse_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        def _parse_preference(data: object) -> AuthorizationProductPreference | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                preference_type_0 = AuthorizationProductPreference.from_dict(data)

                return preference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationProductPreference | None | Unset, data)

        preference = _parse_preference(d.pop("preference", UNSET))

        def _parse_quantity_limit(data: object) -> AuthorizationQuantityLimit | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quantity_limit_type_0 = AuthorizationQuantityLimit.from_dict(data)

                return quantity_limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationQuantityLimit | None | Unset, data)

        quantity_limit = _parse_quantity_limit(d.pop("quantity_limit", UNSET))

        def _parse_reauth(data: object) -> AuthorizationReauthRule | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reauth_type_0 = AuthorizationReauthRule.from_dict(data)

                return reauth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationReauthRule | None | Unset, data)

        reauth = _parse_reauth(d.pop("reauth", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        authorization_coverage_policy = cls(
            coverage=coverage,
            hcpcs=hcpcs,
            billing_unit=billing_unit,
            criteria=criteria,
            initial_approval_months=initial_approval_months,
            not_covered_reason=not_covered_reason,
            pa=pa,
            pa_units_threshold=pa_units_threshold,
            plan_id=plan_id,
            preference=preference,
            quantity_limit=quantity_limit,
            reauth=reauth,
            source=source,
        )

        return authorization_coverage_policy
