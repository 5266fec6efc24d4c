"""Issue 18: PA criteria for the neurology infusion drugs, as seeded data. Per drug, a table of
cases: approve (every criterion met), pend with questions (unanswered), deny by criteria (one
criterion not met); biosimilar-first steering on the order line's molecule; units counted by
the order's billing unit; renewals asking the drug's own renewal criteria."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authorization.domain.coverage import ApprovalSummary, discover_coverage
from authorization.domain.intake import open_case
from authorization.domain.policy import CoveragePolicy, PolicyBook, PolicySet, Requirement
from authorization.domain.requirements import requirement_checks

from ..conftest import NOW, NY, make_signed


def line(drug, hcpcs, unit, dose, dose_unit="mg", molecule=None, dose_number=1):
    return {"drug_code": drug, "hcpcs": hcpcs, "hcpcs_unit": unit, "dose": Decimal(dose),
            "dose_unit": dose_unit, "mode": "infusion", "minutes": 120,
            "molecule": molecule or drug, "dose_number": dose_number}


OCRELIZUMAB = line("ocrelizumab", "J2350", "per 1 mg", 300)
NATALIZUMAB = line("natalizumab", "J2323", "per 1 mg", 300)
UBLITUXIMAB = line("ublituximab", "J2329", "per 1 mg", 150)
PRIVIGEN = line("ivig_privigen", "J1459", "per 500 mg", 140, "g", "immune globulin iv")
GAMUNEX = line("ivig_gamunex_c", "J1561", "per 500 mg", 70, "g", "immune globulin iv")
REMICADE = line("infliximab", "J1745", "per 10 mg", 350, molecule="infliximab")
INFLECTRA = line("infliximab_dyyb", "Q5103", "per 10 mg", 350, molecule="infliximab")
RITUXAN = line("rituximab", "J9312", "per 10 mg", 1000, molecule="rituximab")
TRUXIMA = line("rituximab_abbs", "Q5115", "per 10 mg", 1000, molecule="rituximab")
LECANEMAB = line("lecanemab", "J0174", "per 1 mg", 700)
DONANEMAB = line("donanemab", "J0175", "per 2 mg", 350)

MS_OK = {"hbv-screen-negative": True, "concurrent-ms-dmt": False}
IVIG_OK = {"diagnosis-confirmed": True}
TNF_OK = {"tb-screen-negative": True, "conventional-therapy-failed": ["methotrexate"]}
AD_OK = {"amyloid-confirmed": True, "baseline-mri-recent": True, "aria-risk-discussed": True,
         "recent-tia-stroke-seizure": False}

# drug line, diagnosis, specialty, age, answers meeting every criterion, (key, failing answer)
DRUGS = {
    "ocrelizumab": (OCRELIZUMAB, "G35", "neurology", 40, MS_OK, ("hbv-screen-negative", False)),
    "natalizumab": (NATALIZUMAB, "G35", "neurology", 40,
                    {"touch-authorized": True, "concurrent-immunosuppressant": False,
                     "anti-jcv-tested": True, "prior-dmt-tried": True},
                    ("touch-authorized", False)),
    "ublituximab": (UBLITUXIMAB, "G35", "neurology", 40, MS_OK, ("concurrent-ms-dmt", True)),
    "privigen": (PRIVIGEN, "G61.81", "neurology", 60, IVIG_OK, ("diagnosis-confirmed", False)),
    "gamunex-c": (GAMUNEX, "D83.9", "immunology", 30, IVIG_OK, ("diagnosis-confirmed", False)),
    "inflectra": (INFLECTRA, "K50.90", "gastroenterology", 30, TNF_OK,
                  ("tb-screen-negative", False)),
    "truxima": (TRUXIMA, "M06.9", "rheumatology", 55, {"hbv-screen-negative": True},
                ("hbv-screen-negative", False)),
    "lecanemab": (LECANEMAB, "G30.1", "neurology", 72, {**AD_OK, "mmse-score": 24},
                  ("mmse-score", 18)),
    "donanemab": (DONANEMAB, "G31.84", "geriatrics", 72,
                  {**AD_OK, "mmse-score": 26, "bleeding-risk": False,
                   "other-anti-amyloid": False}, ("bleeding-risk", True)),
}


def case_for(book, drug_line, dx, specialty, age, approvals=(), payer="summit-health",
             plan="summit-ppo"):
    order = make_signed(lines=[drug_line], diagnoses=[dx], age=age, payer_id=payer,
                        plan_id=plan, prescriber_specialty=specialty)
    decision = discover_coverage(order, book, list(approvals), tz=NY, now=NOW)
    case = open_case(decision, order, book, NOW, NY) if decision.outcome == "pa_required" else None
    return decision, case


def keyed(hcpcs, answers):
    return {f"{hcpcs}.{k}": v for k, v in answers.items()}


def statuses(case):
    return {r.key: r.status for r in case.criteria()}


@pytest.mark.parametrize("name", sorted(DRUGS))
def test_approve_when_every_criterion_is_met(book, name):
    drug, dx, spec, age, ok, _ = DRUGS[name]
    decision, case = case_for(book, drug, dx, spec, age)
    assert decision.outcome == "pa_required"
    case.answer(keyed(drug["hcpcs"], ok), "user:test", NOW)
    assert case.submission_problems() == []
    assert set(statuses(case).values()) == {"met"}, statuses(case)


@pytest.mark.parametrize("name", sorted(DRUGS))
def test_pend_with_questions_until_answered(book, name):
    drug, dx, spec, age, ok, _ = DRUGS[name]
    _, case = case_for(book, drug, dx, spec, age)
    # diagnosis, age and specialty come from the order; the drug's own criteria are asked
    asked = {q.key for q in case.questions if q.prefill is None}
    assert set(ok) <= asked
    assert {f"unanswered: {drug['hcpcs']}.{k}" for k in ok} <= set(case.submission_problems())
    assert "unknown" in statuses(case).values()
    assert not any("migraine" in q.key for q in case.questions)


@pytest.mark.parametrize("name", sorted(DRUGS))
def test_deny_by_the_criterion_not_met(book, name):
    drug, dx, spec, age, ok, (key, bad) = DRUGS[name]
    _, case = case_for(book, drug, dx, spec, age)
    case.answer(keyed(drug["hcpcs"], {**ok, key: bad}), "user:test", NOW)
    s = statuses(case)
    assert s[key] == "not_met" and [k for k, v in s.items() if v != "met"] == [key]


@pytest.mark.parametrize(
    "name, dx, specialty, age, failing",
    [
        ("ocrelizumab", "G43.709", "neurology", 40, "diagnosis"),  # migraine is not MS
        ("ocrelizumab", "G35", "primary-care", 40, "prescriber-specialty"),
        ("lecanemab", "G30.1", "neurology", 45, "age"),
        ("donanemab", "F32.9", "neurology", 72, "diagnosis"),
        ("inflectra", "K51.90", "emergency-medicine", 30, "prescriber-specialty"),
        ("privigen", "G35", "neurology", 60, "diagnosis"),
    ],
)
def test_order_facts_deny_diagnosis_specialty_and_age(book, name, dx, specialty, age, failing):
    drug, _, _, _, ok, _ = DRUGS[name]
    decision, case = case_for(book, drug, dx, specialty, age)
    case.answer(keyed(drug["hcpcs"], ok), "user:test", NOW)
    assert statuses(case)[failing] == "not_met"
    if failing in ("diagnosis", "age"):
        assert any("criterion not met" in r for r in decision.lines[0].reasons)


# ------------------------------------------------------------------ biosimilar first
def test_reference_infliximab_under_a_biosimilar_first_payer(book):
    decision, case = case_for(book, REMICADE, "K50.90", "gastroenterology", 30)
    [ln] = decision.lines
    assert ln.steered and ln.preferred_hcpcs == ("Q5103",)
    assert ln.pa == "auth-needed" and decision.outcome == "pa_required"
    assert any("prefers Q5103 (Inflectra" in r for r in ln.reasons)
    q = next(q for q in case.questions if q.key == "preferred-product-exception")
    assert "Q5103" in q.text
    case.answer(keyed("J1745", TNF_OK), "user:test", NOW)
    assert statuses(case)["preferred-product-exception"] == "unknown"
    case.answer({"J1745.preferred-product-exception": False}, "user:test", NOW)
    assert statuses(case)["preferred-product-exception"] == "not_met"
    case.answer({"J1745.preferred-product-exception": True}, "user:test", NOW)
    assert set(statuses(case).values()) == {"met"}


def test_the_preferred_biosimilar_goes_through_without_an_exception(book):
    decision, case = case_for(book, INFLECTRA, "K50.90", "gastroenterology", 30)
    assert not decision.lines[0].steered
    assert "preferred-product-exception" not in {q.key for q in case.questions}
    case.answer(keyed("Q5103", TNF_OK), "user:test", NOW)
    assert set(statuses(case).values()) == {"met"} and case.submission_problems() == []


def test_reference_rituximab_is_steered_to_truxima(book):
    decision, _ = case_for(book, RITUXAN, "G36.0", "neurology", 40)
    assert decision.lines[0].preferred_hcpcs == ("Q5115",)


def test_a_payer_excluding_the_reference_product_says_not_covered(book):
    decision, case = case_for(book, REMICADE, "K50.90", "gastroenterology", 30,
                              payer="harbor-health", plan="harbor-hmo")
    assert decision.outcome == "not_covered" and case is None
    assert "Q5103" in decision.not_covered_reason
    ok, _ = case_for(book, INFLECTRA, "K50.90", "gastroenterology", 30,
                     payer="harbor-health", plan="harbor-hmo")
    assert ok.outcome == "not_required"  # no PA on the preferred product at this payer


def approval(hcpcs, status="approved", days=30):
    return ApprovalSummary(case_id=uuid4(), hcpcs=hcpcs, auth_number="A-1", status=status,
                           valid_from=date(2025, 6, 1), valid_to=date(2025, 6, 1) + timedelta(days),
                           approved_units=100, used_units=100)


def test_a_patient_continuing_the_reference_product_is_not_steered(book):
    decision, case = case_for(book, REMICADE, "K50.90", "gastroenterology", 30,
                              approvals=[approval("J1745", "expired")])
    [ln] = decision.lines
    assert not ln.steered and ln.renewal_of is not None
    assert any("applies to new starts" in r for r in ln.reasons)
    assert case.kind == "renewal"
    assert "preferred-product-exception" not in {q.key for q in case.questions}


# TEST FIXTURE ONLY: a product code the seeded payers list no policy for (stands in for
# another biosimilar of the molecule; not a real HCPCS assignment).
OTHER_BIOSIMILAR = "Q5999"


def test_another_biosimilar_without_a_policy_is_steered_by_its_molecule(book):
    other = {**INFLECTRA, "drug_code": "infliximab_other", "hcpcs": OTHER_BIOSIMILAR}
    decision, case = case_for(book, other, "K51.90", "gastroenterology", 30)
    [ln] = decision.lines
    assert ln.steered and ln.preferred_hcpcs == ("Q5103",) and ln.pa == "auth-needed"
    assert any("reviewed under the payer's infliximab policy (J1745)" in r for r in ln.reasons)
    assert f"{OTHER_BIOSIMILAR}.preferred-product-exception" in {q.link_id
                                                                 for q in case.questions}
    assert ln.requested_units == 35  # counted by the order's billing unit
    case.answer(keyed(OTHER_BIOSIMILAR, {**TNF_OK, "preferred-product-exception": True}),
                "user:test", NOW)
    assert set(statuses(case).values()) == {"met"}
    # without a molecule on the line the plan's default rule decides, as before
    plain, _ = case_for(book, {**other, "molecule": None}, "K51.90", "gastroenterology", 30)
    assert plain.outcome == "not_required" and not plain.lines[0].steered
    # at a payer excluding the reference product, the other product is excluded too
    harbor, _ = case_for(book, other, "K51.90", "gastroenterology", 30,
                         payer="harbor-health", plan="harbor-hmo")
    assert harbor.outcome == "not_covered"


def test_a_line_of_another_molecule_is_not_steered(book):
    odd = {**REMICADE, "molecule": "adalimumab"}
    decision, _ = case_for(book, odd, "K50.90", "gastroenterology", 30)
    assert not decision.lines[0].steered
    assert any("verify the policy" in r for r in decision.lines[0].reasons)


# ------------------------------------------------------------------ units and renewals
@pytest.mark.parametrize(
    "name, units",
    [("ocrelizumab", 300), ("privigen", 280), ("gamunex-c", 140), ("inflectra", 35),
     ("truxima", 100), ("lecanemab", 700), ("donanemab", 175)],
)
def test_requested_units_count_by_the_orders_billing_unit(book, name, units):
    drug, dx, spec, age, _, _ = DRUGS[name]
    decision, case = case_for(book, drug, dx, spec, age)
    assert decision.lines[0].requested_units == units
    assert case.lines[0].requested_units == units


def test_a_limit_is_rescaled_when_the_order_bills_in_another_unit(book):
    # the policy states donanemab per 2 mg (700 units / 28 days); an order billing per 1 mg
    # counts 1400 of its own units for the same 1400 mg
    drug = {**DONANEMAB, "hcpcs_unit": "per 1 mg", "dose": Decimal(1400)}
    decision, _ = case_for(book, drug, "G30.1", "neurology", 72)
    [ln] = decision.lines
    assert ln.requested_units == 1400
    assert not any("exceed" in r for r in ln.reasons)
    assert any("1400 of them" in r for r in ln.reasons)
    over = {**drug, "dose": Decimal(1600)}
    decision, _ = case_for(book, over, "G30.1", "neurology", 72)
    assert any("1600 units exceed the limit of 1400" in r for r in decision.lines[0].reasons)


@pytest.mark.parametrize(
    "name, renewal_keys, months",
    [("lecanemab", {"mri-monitoring-done", "cognitive-response"}, 6),
     ("donanemab", {"mri-monitoring-done", "cognitive-response", "other-anti-amyloid"}, 6),
     ("ocrelizumab", {"ms-clinical-benefit", "concurrent-ms-dmt"}, 12),
     ("privigen", {"objective-improvement"}, 12),
     ("natalizumab", {"ms-clinical-benefit", "touch-authorized", "anti-jcv-tested",
                      "concurrent-immunosuppressant"}, 12)],
)
def test_renewals_ask_the_drugs_own_renewal_criteria(book, name, renewal_keys, months):
    drug, dx, spec, age, _, _ = DRUGS[name]
    decision, case = case_for(book, drug, dx, spec, age,
                              approvals=[approval(drug["hcpcs"], "expired")])
    assert case.kind == "renewal"
    keys = {q.key for q in case.questions}
    assert {"mri-monitoring-done", "cognitive-response"} & keys == (
        {"mri-monitoring-done", "cognitive-response"} & renewal_keys)
    assert renewal_keys <= keys
    assert not any("migraine" in k or k == "acute-use-reduced" for k in keys)
    assert not {"age", "amyloid-confirmed", "hbv-screen-negative", "diagnosis-confirmed"} & keys
    start = NOW.astimezone(NY).date()
    assert case.requested_to is not None
    assert (case.requested_to.year - start.year) * 12 + case.requested_to.month - start.month \
        in (months, months - 1)
    negatives = ("concurrent-ms-dmt", "concurrent-immunosuppressant", "other-anti-amyloid")
    answers = {k: k not in negatives for k in renewal_keys}
    answers = {k: v for k, v in answers.items() if k in keys}
    case.answer(keyed(drug["hcpcs"], answers), "user:test", NOW)
    assert set(statuses(case).values()) == {"met"}, statuses(case)


def test_initial_approval_periods_follow_the_policies(book):
    for name, months in (("lecanemab", 3), ("privigen", 6), ("ocrelizumab", 12),
                         ("truxima", 6), ("inflectra", 12)):
        drug, dx, spec, age, _, _ = DRUGS[name]
        _, case = case_for(book, drug, dx, spec, age)
        start = NOW.astimezone(NY).date()
        end = case.requested_to
        assert (end.year - start.year) * 12 + end.month - start.month in (months, months - 1), name


# ------------------------------------------------------------------ a drug as data
NEW_DRUG = {
    "hcpcs": "J9999", "plan_id": "summit-ppo", "pa": "auth-needed", "coverage": "conditional",
    "criteria": {"icd10_prefixes": ["G70"], "prescriber_specialties": ["neurology"],
                 "requirements": [
                     {"key": "achr-antibody-positive", "text": "AChR antibody positive?",
                      "type": "boolean", "expect": True},
                     {"key": "mg-adl-score", "text": "MG-ADL score", "type": "integer",
                      "min_value": 6},
                     {"key": "prior-therapies", "text": "Therapies tried", "type": "choice",
                      "options": ["pyridostigmine", "steroids", "azathioprine"],
                      "min_selected": 2},
                     {"key": "response", "text": "Improved?", "type": "boolean", "expect": True,
                      "applies": "renewal"}]},
    "initial_approval_months": 6, "reauth": {"approval_months": 12, "migraine_response": False},
    "billing_unit": "10 mg",
}


def test_adding_a_drug_policy_needs_no_code(book):
    policy = CoveragePolicy.model_validate(NEW_DRUG)
    sets = [s if s.payer_id != "summit-health" else PolicySet(
        payer_id=s.payer_id, version=s.version + 1, policies=(*s.policies, policy))
        for s in book.policy_sets.values()]
    grown = PolicyBook(book.payers.values(), sets)
    drug = line("newmab", "J9999", "per 10 mg", 200)
    _, case = case_for(grown, drug, "G70.00", "neurology", 50)
    asked = [q.key for q in case.questions]
    assert asked[-3:] == ["achr-antibody-positive", "mg-adl-score", "prior-therapies"]
    case.answer({"J9999.achr-antibody-positive": True, "J9999.mg-adl-score": 5,
                 "J9999.prior-therapies": ["steroids", "pyridostigmine"]}, "user:test", NOW)
    assert [k for k, v in statuses(case).items() if v != "met"] == ["mg-adl-score"]
    assert case.lines[0].requested_units == 20


@pytest.mark.parametrize(
    "change, field",
    [({"type": "boolean"}, "expect"), ({"type": "integer"}, "min_value"),
     ({"type": "choice", "options": ["a"], "min_selected": 2}, "min_selected"),
     ({"key": "diagnosis"}, "built-in"), ({"key": "Bad Key"}, "slug")],
)
def test_malformed_requirements_are_refused(change, field):
    bad = {"key": "x", "text": "x", "type": "boolean", "expect": True, **change}
    if "type" in change:
        bad.pop("expect", None)
    doc = {**NEW_DRUG, "criteria": {"requirements": [bad]}}
    with pytest.raises(ValueError, match=field):
        CoveragePolicy.model_validate(doc)


def test_a_product_cannot_prefer_itself():
    doc = {**NEW_DRUG, "preference": {"molecule": "newmab",
                                      "preferred": [{"hcpcs": "J9999", "name": "itself"}]}}
    with pytest.raises(ValueError, match="steered to itself"):
        CoveragePolicy.model_validate(doc)


def test_seeded_billing_units_match_the_orders_catalog(book):
    """The seeded policies count units as orders bills them (catalog hcpcs_unit)."""
    import json
    from pathlib import Path

    from authorization.domain.units import parse_descriptor

    root = Path(__file__).resolve().parents[4]
    catalog = json.loads((root / "services/orders/src/orders/seed/catalog.json").read_text())
    items = catalog if isinstance(catalog, list) else catalog.get("drugs", [])
    units = {d["hcpcs"]: d["hcpcs_unit"] for d in items if d.get("hcpcs") and d.get("hcpcs_unit")}
    checked = 0
    for s in book.policy_sets.values():
        for p in s.policies:
            if p.billing_unit and p.hcpcs in units:
                assert parse_descriptor(p.billing_unit) == parse_descriptor(units[p.hcpcs]), p.hcpcs
                checked += 1
    assert checked >= 12


# ------------------------------------------------------------------ properties

_bool_req = st.builds(lambda e, a: {"type": "boolean", "expect": e, "applies": a},
                      st.booleans(), st.sampled_from(["initial", "renewal", "both"]))
_int_req = st.builds(lambda lo, span, a: {"type": "integer", "min_value": lo,
                                          "max_value": lo + span, "applies": a},
                     st.integers(-50, 50), st.integers(0, 40),
                     st.sampled_from(["initial", "renewal", "both"]))


@settings(max_examples=200, deadline=None)
@given(specs=st.lists(st.one_of(_bool_req, _int_req), min_size=1, max_size=6),
       raw=st.lists(st.one_of(st.none(), st.booleans(), st.integers(-80, 100)), min_size=6,
                    max_size=6),
       renewal=st.booleans())
def test_requirements_combine_one_check_each(specs, raw, renewal):
    reqs = tuple(Requirement(key=f"r{i}", text="t", **s) for i, s in enumerate(specs))
    answers = {}
    for i, r in enumerate(reqs):  # an answer of the requirement's own type, or none
        v = raw[i]
        if isinstance(v, bool) and r.type == "boolean" or (
                isinstance(v, int) and not isinstance(v, bool) and r.type == "integer"):
            answers[r.key] = v
    checks = requirement_checks(reqs, answers.get, renewal=renewal)
    asked = [r for r in reqs if r.asked(renewal=renewal)]
    assert [k for k, _, _ in checks] == [r.key for r in asked]
    for (key, ok, _), r in zip(checks, asked, strict=True):
        v = answers.get(key)
        if v is None:
            assert ok is None  # unanswered is never met
        elif r.type == "boolean":
            assert ok is (v is r.expect)
        else:
            assert ok is (r.min_value <= v <= r.max_value)


@settings(max_examples=150, deadline=None)
@given(hcpcs=st.sampled_from(["J1745", "Q5103", "J9312", "Q5115", OTHER_BIOSIMILAR]),
       molecule=st.sampled_from(["infliximab", "rituximab", None, "adalimumab"]),
       prior=st.sampled_from([None, "approved", "expired", "denied", "withdrawn"]),
       prior_code=st.sampled_from(["J1745", "Q5103", "J9312"]))
def test_steering_happens_exactly_for_new_starts_on_the_reference_product(
        book, hcpcs, molecule, prior, prior_code):
    reference = {"J1745": "infliximab", "J9312": "rituximab"}
    drug = {**REMICADE, "hcpcs": hcpcs, "molecule": molecule}
    approvals = [approval(prior_code, prior)] if prior else []
    decision, case = case_for(book, drug, "M06.9", "rheumatology", 50, approvals=approvals)
    [ln] = decision.lines
    continuing = prior in ("approved", "expired") and prior_code == hcpcs
    if hcpcs in reference:
        expected = molecule in (reference[hcpcs], None) and not continuing
    else:  # a product with no policy of its own is steered by its molecule's policy
        expected = hcpcs == OTHER_BIOSIMILAR and molecule in reference.values()
    assert ln.steered is expected
    asked = case is not None and any(q.key == "preferred-product-exception"
                                     for q in case.questions)
    assert asked is expected
    if expected:
        assert ln.pa == "auth-needed" and ln.preferred_hcpcs[0].startswith("Q51")


@settings(max_examples=200, deadline=None)
@given(dose=st.integers(1, 5000), unit=st.sampled_from(["1 mg", "2 mg", "10 mg", "500 mg"]))
def test_units_are_whole_billing_units_never_short_of_the_dose(book, dose, unit):
    amount = int(unit.split()[0])
    drug = {**DONANEMAB, "hcpcs_unit": f"per {unit}", "dose": Decimal(dose)}
    decision, _ = case_for(book, drug, "G30.1", "neurology", 72)
    units = decision.lines[0].requested_units
    assert units * amount >= dose > (units - 1) * amount
