"""Orders that name no plan (issue 13 item 6): the payer's default or only plan is used, and
Traditional Medicare Part B drugs without a policy need no prior authorization."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from authorization.domain.coverage import discover_coverage
from authorization.domain.intake import open_case, record_coverage
from authorization.domain.policy import CoveragePolicy, Payer, Plan, PolicyBook, PolicySet

from ..conftest import (
    COCKTAIL,
    EPTINEZUMAB,
    KETOROLAC,
    NOW,
    NY,
    make_signed,
    take_events,
)

NO_PA = {"default_pa": "no-auth", "default_coverage": "covered"}


def plans(*specs: dict) -> tuple[Plan, ...]:
    return tuple(Plan(name=s["id"].upper(), **s) for s in specs)


# plans of the payer, plan id on the order -> plan used (None: no plan)
RESOLUTION = [
    (plans({"id": "only"}), None, "only"),
    (plans({"id": "a"}, {"id": "b", "default": True}), None, "b"),
    (plans({"id": "a"}, {"id": "b"}), None, None),  # two plans, none marked: cannot guess
    (plans({"id": "a"}, {"id": "b", "default": True}), "a", "a"),  # the order's plan wins
    (plans({"id": "only"}), "other", None),  # an unknown plan is not replaced
    ((), None, None),
]


@pytest.mark.parametrize("plan_specs, asked, used", RESOLUTION)
def test_plan_resolution(plan_specs, asked, used):
    payer = Payer(id="p", name="P", payer_type="commercial", plans=plan_specs)
    got = payer.resolve_plan(asked)
    assert (got.id if got else None) == used


def test_two_default_plans_are_refused():
    with pytest.raises(ValidationError, match="at most one plan is the default"):
        Payer(id="p", name="P", payer_type="commercial",
              plans=plans({"id": "a", "default": True}, {"id": "b", "default": True}))


def _book(payer_type: str, plan_specs: tuple[Plan, ...],
          policies: tuple[CoveragePolicy, ...] = ()) -> PolicyBook:
    payer = Payer(id="x", name="X", payer_type=payer_type, plans=plan_specs)
    return PolicyBook([payer], [PolicySet(payer_id="x", version=1, policies=policies)])


J3032_PA = CoveragePolicy(hcpcs="J3032", pa="auth-needed", coverage="conditional",
                          initial_approval_months=6, billing_unit="1 mg")

# book ("seed" or a payer built here), payer, plan on the order, lines
#   -> outcome, {hcpcs: (pa, coverage)}, plan the decision names, words in the reasons
TABLE = [
    ("seed", "medicare", None, [KETOROLAC],
     "not_required", {"J1885": ("no-auth", "covered")}, "part-b", ["default plan part-b"]),
    ("seed", "medicare", None, COCKTAIL,
     "not_required", {"J3475": ("no-auth", "covered"), "J1885": ("no-auth", "covered"),
                      "J0780": ("no-auth", "covered"), "J1200": ("no-auth", "covered")},
     "part-b", []),
    ("seed", "medicare", None, [EPTINEZUMAB],  # the payer-wide J3032 policy still applies
     "not_required", {"J3032": ("no-auth", "conditional")}, "part-b", []),
    ("seed", "medicare", "part-b", [KETOROLAC],
     "not_required", {"J1885": ("no-auth", "covered")}, "part-b", []),
    # Traditional Medicare configured without plans, or with several and no default: still no
    # PA for a Part B drug it lists no policy for.
    (("medicare_ffs", ()), "x", None, [KETOROLAC],
     "not_required", {"J1885": ("no-auth", "conditional")}, None,
     ["Traditional Medicare Part B drugs need no prior authorization"]),
    (("medicare_ffs", plans({"id": "a"}, {"id": "b"})), "x", None, COCKTAIL,
     "not_required", {"J3475": ("no-auth", "conditional"), "J1885": ("no-auth", "conditional"),
                      "J0780": ("no-auth", "conditional"), "J1200": ("no-auth", "conditional")},
     None, []),
    # ... but an explicit Medicare policy that asks for PA is still obeyed
    (("medicare_ffs", plans({"id": "b"})), "x", None, [EPTINEZUMAB],
     "pa_required", {"J3032": ("auth-needed", "conditional")}, "b", []),
    # Medicare Advantage is not Traditional Medicare: its plan (the only one) decides
    ("seed", "sunrise-ma", None, [KETOROLAC],
     "not_required", {"J1885": ("no-auth", "covered")}, "sunrise-ma-hmo", ["only plan"]),
    ("seed", "sunrise-ma", None, [EPTINEZUMAB],
     "pa_required", {"J3032": ("auth-needed", "conditional")}, "sunrise-ma-hmo", []),
    # a commercial payer with two plans and no default: nothing to go on, verify with the payer
    (("commercial", plans({"id": "a", **NO_PA}, {"id": "b", **NO_PA})), "x", None, [KETOROLAC],
     "pa_required", {"J1885": ("conditional", "conditional")}, None, ["verify with the payer"]),
    (("commercial", plans({"id": "a"}, {"id": "b", "default": True, **NO_PA})), "x", None,
     [KETOROLAC], "not_required", {"J1885": ("no-auth", "covered")}, "b", ["default plan b"]),
]


def _resolve_book(spec, seed_book):
    if spec == "seed":
        return seed_book
    payer_type, plan_specs = spec
    return _book(payer_type, plan_specs, (J3032_PA,))


@pytest.mark.parametrize("book_spec, payer, plan, lines, outcome, expect, plan_used, words",
                         TABLE)
def test_orders_without_a_plan(book, book_spec, payer, plan, lines, outcome, expect,
                               plan_used, words):
    policy_book = _resolve_book(book_spec, book)
    order = make_signed(payer_id=payer, plan_id=plan, lines=lines, diagnoses=["G43.709"])
    d = discover_coverage(order, policy_book, [], tz=NY, now=NOW)
    assert d.outcome == outcome
    assert {ln.hcpcs: (ln.pa, ln.coverage) for ln in d.lines} == expect
    assert d.plan_id == plan_used
    reasons = " | ".join(r for ln in d.lines for r in ln.reasons)
    for w in words:
        assert w in reasons


def test_medicare_cocktail_without_plan_records_not_required_event(book):
    order = make_signed(payer_id="medicare", plan_id=None, member_id="1EG4-TE5-MK72",
                        lines=COCKTAIL, diagnoses=["G43.909"])
    d = discover_coverage(order, book, [], tz=NY, now=NOW)
    facts = record_coverage(d, order)
    [(etype, payload)] = take_events(facts)
    assert etype == "authorization.not_required"
    assert (payload.payer_id, payload.plan_id) == ("medicare", "part-b")
    assert sorted(ln.hcpcs for ln in payload.lines) == ["J0780", "J1200", "J1885", "J3475"]
    assert facts.plan_id == "part-b" and d.case_lines == []


def test_case_names_the_resolved_plan(book):
    order = make_signed(payer_id="sunrise-ma", plan_id=None)
    d = discover_coverage(order, book, [], tz=NY, now=NOW)
    case = open_case(d, order, book, NOW, NY)
    assert case.plan_id == "sunrise-ma-hmo" and case.payer_type == "medicare_advantage"
