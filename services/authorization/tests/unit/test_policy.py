"""Payer/plan/policy data validation (CRD invariants) and the seed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from authorization.adapters.seed import load_seed_document, parse_seed
from authorization.domain.policy import CoveragePolicy, Criteria, Payer, Plan, PolicySet


def test_seed_has_what_the_issue_lists(book):
    types = {p.id: p.payer_type for p in book.payers.values()}
    assert types["medicare"] == "medicare_ffs"
    commercial = [pid for pid, t in types.items() if t == "commercial"]
    assert len(commercial) == 2
    for pid in commercial:
        plan = book.payer(pid).plans[0].id
        pol = book.policies(pid).lookup(plan, "J3032")
        assert pol.pa == "auth-needed" and pol.criteria is not None
        c = pol.criteria
        assert c.icd10_prefixes == ("G43",) and c.min_age == 18
        assert c.min_failed_preventive_classes == 2 and c.no_concurrent_cgrp_antibody
        assert c.min_monthly_migraine_days and c.prescriber_specialties
        assert pol.initial_approval_months == 6 and pol.reauth.min_reduction_pct == 50
    medicaid = book.policies("river-medicaid").lookup(None, "J3032")
    assert types["river-medicaid"] == "medicaid" and medicaid.initial_approval_months == 3
    assert book.policies("medicare").lookup("part-b", "J3032").pa == "no-auth"
    assert all(p.source for s in book.policy_sets.values() for p in s.policies)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"hcpcs": "J3032", "coverage": "not-covered", "pa": "no-auth"}, "left out"),
        ({"hcpcs": "J3032", "coverage": "covered"}, "pa is required"),
        ({"hcpcs": "J3032", "coverage": "covered", "pa": "auth-needed"}, "initial_approval_months"),
        ({"hcpcs": "J3032", "coverage": "covered", "pa": "no-auth", "pa_units_threshold": 5},
         "only applies"),
        ({"hcpcs": "XYZ", "coverage": "covered", "pa": "no-auth"}, "not a HCPCS"),
        ({"hcpcs": "J3032", "coverage": "maybe", "pa": "no-auth"}, "covered"),
        ({"hcpcs": "J3032", "coverage": "covered", "pa": "yes"}, "no-auth"),
        ({"hcpcs": "J3032", "coverage": "covered", "pa": "no-auth", "unknown": 1}, "Extra"),
    ],
)
def test_policy_validation(kwargs, message):
    with pytest.raises(ValidationError, match=message):
        CoveragePolicy(**kwargs)


def test_criteria_validation():
    assert Criteria(icd10_prefixes=("g43.7",)).icd10_prefixes == ("G437",)
    with pytest.raises(ValidationError, match="ICD-10"):
        Criteria(icd10_prefixes=("migraine",))
    with pytest.raises(ValidationError, match="unknown specialties"):
        Criteria(prescriber_specialties=("astrology",))
    with pytest.raises(ValidationError):
        Criteria(min_failed_preventive_classes=99)


def test_payer_and_plan_validation():
    with pytest.raises(ValidationError, match="slugs"):
        Payer(id="Bad Id", name="x", payer_type="commercial")
    with pytest.raises(ValidationError, match="repeat"):
        Payer(id="p", name="x", payer_type="commercial",
              plans=(Plan(id="a", name="A"), Plan(id="a", name="B")))
    with pytest.raises(ValidationError, match="together"):
        Plan(id="a", name="A", default_pa="no-auth")
    with pytest.raises(ValidationError):
        Payer(id="p", name="x", payer_type="tricare")


def test_policy_set_lookup_and_duplicates():
    a = CoveragePolicy(hcpcs="J3032", coverage="covered", pa="no-auth")
    b = CoveragePolicy(hcpcs="J3032", plan_id="gold", coverage="covered", pa="auth-needed",
                       initial_approval_months=6)
    s = PolicySet(payer_id="p", version=2, policies=(a, b))
    assert s.lookup("gold", "j3032") is b
    assert s.lookup("silver", "J3032") is a
    assert s.lookup(None, "J3032") is a
    assert s.lookup(None, "J1885") is None
    with pytest.raises(ValidationError, match="more than one"):
        PolicySet(payer_id="p", version=1, policies=(a, a))


def test_seed_rejects_policies_for_unknown_plans_or_payers():
    doc = load_seed_document()
    doc["policies"]["summit-health"][0]["plan_id"] = "no-such-plan"
    with pytest.raises(ValueError, match="unknown plans"):
        parse_seed(doc)
    doc = load_seed_document()
    doc["policies"]["ghost"] = []
    with pytest.raises(ValueError, match="unknown payer"):
        parse_seed(doc)
