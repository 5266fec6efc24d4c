"""Fee schedules, expected payment, acquisition cost and margin, and claim-level checks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimbursement.domain.claim import build_claim, normalize_icd10, valid_npi
from reimbursement.domain.fees import (
    ChargeMaster,
    DrugBasis,
    PayerContract,
    PayerKind,
    drug_rate,
    estimate_payment,
)
from reimbursement.domain.visit import AuthorizationInfo, Given
from reimbursement.testing import (
    ADMIN_RATES,
    ASP,
    CHARGES,
    MEDICARE,
    T0,
    give,
    make_ctx,
    make_visit,
)

EPTI = "70001000101"


def commercial(basis: DrugBasis, percent: str = "1", **kw: object) -> PayerContract:
    return PayerContract(payer_id="acme", name="Acme Health", kind=PayerKind.COMMERCIAL,
                         drug_basis=basis, drug_percent=D(percent), admin_rates=ADMIN_RATES,
                         **kw)  # type: ignore[arg-type]


def test_medicare_hypothetical_from_the_domain_reference() -> None:
    # ASP $10/unit x 100 units -> $1,060 allowed, ~$1,043 collected after sequestration.
    allowed = D("10.60") * 100
    est = estimate_payment(MEDICARE, allowed)
    assert est.allowed == D("1060.00")
    assert est.patient_share == D("212.00")
    assert est.payer_share == D("848.00")
    assert est.sequestration == D("16.96")
    assert est.payer_expected == D("831.04")
    assert est.total_expected == D("1043.04")
    assert (est.total_expected / (D(10) * 100)).quantize(D("0.001")) == D("1.043")  # ~104.3% ASP


def test_medicare_rate_is_the_asp_files_payment_limit_not_times_1_06_again() -> None:
    assert drug_rate(MEDICARE, "J3032", ASP, {}) == D("10.60")
    assert drug_rate(MEDICARE, "J9999", ASP, {}) is None


@pytest.mark.parametrize(("contract", "code", "rate"), [
    (commercial(DrugBasis.ASP_PERCENT, "1.15"), "J3032", D("11.50")),  # ASP + 15%
    (commercial(DrugBasis.AWP_PERCENT, "0.83"), "J3032", D("12.45")),  # AWP - 17% of 15.00
    (commercial(DrugBasis.FIXED, drug_rates={"J3032": D("12.00")}), "J3032", D("12.00")),
    (commercial(DrugBasis.FIXED), "J3032", None),
    (commercial(DrugBasis.ASP_PERCENT, "1.15", drug_rates={"J3032": D("9")}), "J3032", D("9")),
    (commercial(DrugBasis.AWP_PERCENT, "0.83"), "J1885", None),  # no AWP on file
])
def test_commercial_contract_bases(contract: PayerContract, code: str, rate: D | None) -> None:
    result = drug_rate(contract, code, ASP, {"J3032": D("15.00")})
    assert (result if result is None else result.quantize(D("0.0001"))) == (
        rate if rate is None else rate.quantize(D("0.0001")))


def test_commercial_has_no_sequestration() -> None:
    est = estimate_payment(commercial(DrugBasis.FIXED), D("100"))
    assert (est.sequestration, est.total_expected, est.payer_expected) == (
        D("0.00"), D("100.00"), D("80.00"))


@given(st.decimals(min_value=D("0"), max_value=D("1000000"), places=2))
def test_payment_estimate_parts_add_up(allowed: D) -> None:
    est = estimate_payment(MEDICARE, allowed)
    assert est.patient_share + est.payer_share == est.allowed
    assert est.payer_expected + est.sequestration == est.payer_share
    assert est.total_expected == est.payer_expected + est.patient_share
    assert est.total_expected <= est.allowed
    assert all(v.as_tuple().exponent == -2 for v in (est.allowed, est.patient_share,
                                                      est.sequestration))


def test_claim_charges_expected_payment_cost_and_margin() -> None:
    claim = build_claim(make_visit(give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35)),
                        make_ctx())
    assert [(ln.code, ln.charge, ln.allowed) for ln in claim.lines] == [
        ("96365", D("350.00"), D("71.32")), ("J3032", D("2500.00"), D("1060.00"))]
    assert claim.total_charge == D("2850.00")
    assert claim.payment is not None and claim.payment.allowed == D("1131.32")
    assert claim.expected_payment == D("1113.22")  # 1131.32 - 2% of the 80% Medicare pays
    assert claim.acquisition_cost == D("1650.00")
    assert claim.expected_margin == D("-536.78")
    assert claim.waste_cost == D("0.00")


def test_waste_is_part_of_acquisition_cost_and_reported_separately() -> None:
    claim = build_claim(make_visit(
        give(1, "infliximab", "70006000601", "360", "mg", "infusion", 0, 120, wasted="40")),
        make_ctx())
    assert claim.acquisition_cost == D("2600.00")  # four $650 vials
    assert claim.waste_cost == D("260.00")  # 40 mg of a 100 mg vial


def test_missing_rate_is_a_warning_and_missing_charge_a_review() -> None:
    ctx = make_ctx(charges=ChargeMaster({k: v for k, v in CHARGES.rates.items() if k != "J3032"}))
    claim = build_claim(make_visit(give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35)),
                        ctx)
    assert [r.code for r in claim.reviews] == ["missing_charge"]
    contract = commercial(DrugBasis.FIXED)
    claim = build_claim(make_visit(give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35)),
                        make_ctx(contract))
    assert claim.status == "ready"
    assert any("no Acme Health rate for J3032" in w for w in claim.warnings)
    assert claim.expected_payment == D("71.32")  # administration only


@pytest.mark.parametrize(("kwargs", "review"), [
    ({"npi": None}, "missing_npi"),
    ({"npi": "1234567890"}, "invalid_npi"),
    ({"diagnoses": ()}, "missing_diagnosis"),
    ({"diagnoses": ("migraine",)}, "invalid_diagnosis"),
    ({"payer": None}, "no_payer"),
])
def test_claim_level_reviews(kwargs: dict, review: str) -> None:
    claim = build_claim(make_visit(give(1, "ketorolac", "70003000325", "30", "mg", "push", 0, 1),
                                   **kwargs), make_ctx())
    assert claim.status == "needs_review"
    assert [r.code for r in claim.reviews] == [review]


def test_a_visit_without_a_member_id_is_billed_all_the_same() -> None:
    """Events carry no member id (issue 13): the 837P reads it from orders' payer identity."""
    claim = build_claim(make_visit(give(1, "ketorolac", "70003000325", "30", "mg", "push", 0, 1),
                                   member=None), make_ctx())
    assert claim.status == "ready" and claim.reviews == () and claim.member_id is None


def test_unknown_payer_contract_needs_review_and_has_no_expected_payment() -> None:
    claim = build_claim(make_visit(give(1, "ketorolac", "70003000325", "30", "mg", "push", 0, 1),
                                   payer="mystery"), make_ctx(None))
    assert [r.code for r in claim.reviews] == ["no_contract"]
    assert claim.expected_payment is None and claim.expected_margin is None


def test_stop_before_start_is_a_review() -> None:
    bad = Given(1, "ketorolac", None, "push", T0, T0.replace(minute=0, hour=14), D("30"), "mg",
                "70003000325")
    claim = build_claim(make_visit(bad), make_ctx())
    assert "bad_times" in [r.code for r in claim.reviews]


def test_service_date_is_the_clinic_local_date() -> None:
    late = Given(1, "ketorolac", None, "push", datetime(2026, 3, 3, 2, 30, tzinfo=UTC),
                 datetime(2026, 3, 3, 2, 31, tzinfo=UTC), D("30"), "mg", "70003000325")
    assert build_claim(make_visit(late), make_ctx()).service_date == date(2026, 3, 3)
    ny = build_claim(make_visit(late), make_ctx(clinic_tz=ZoneInfo("America/New_York")))
    assert ny.service_date == date(2026, 3, 2)  # 21:30 the evening before, in New York


def test_authorization_number_and_its_limits() -> None:
    visit = make_visit(give(1, "eptinezumab", EPTI, "300", "mg", "infusion", 0, 35))
    ok = AuthorizationInfo("PA-12345", {"J3032": 300}, date(2026, 1, 1), date(2026, 6, 30))
    claim = build_claim(visit, make_ctx(), ok)
    assert claim.auth_number == "PA-12345" and claim.warnings == ()
    tight = AuthorizationInfo("PA-9", {"J3032": 100}, date(2026, 3, 5), date(2026, 6, 30))
    warnings = build_claim(visit, make_ctx(), tight).warnings
    assert any("outside authorization PA-9" in w for w in warnings)
    assert any("J3032: 300 units billed, 100 authorized" in w for w in warnings)
    assert build_claim(visit, make_ctx()).auth_number is None


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("G43.709", "G43709"),
        ("g43.909", "G43909"),
        ("R11.0", "R110"),
        ("G44.001", "G44001"),
        ("G43", "G43"),
        ("U07.1", "U071"),
        ("1G43.7", None),
        ("43.709", None),
        ("G4", None),
        ("G43.70911", None),
    ],
)
def test_icd10_normalization(raw: str, code: str | None) -> None:
    assert normalize_icd10(raw) == code


@pytest.mark.parametrize(("npi", "ok"), [
    ("1234567893", True), ("1245319599", True), ("1234567890", False), ("123456789", False),
    ("12345678AB", False),
])
def test_npi_check_digit(npi: str, ok: bool) -> None:
    assert valid_npi(npi) is ok


def test_asp_quarter_outside_the_service_date_is_flagged() -> None:
    april = Given(1, "eptinezumab", None, "infusion", datetime(2026, 4, 2, 15, tzinfo=UTC),
                  datetime(2026, 4, 2, 16, tzinfo=UTC), D("100"), "mg", EPTI)
    claim = build_claim(make_visit(april), make_ctx())
    assert any("ASP quarter 2026Q1 does not cover 2026-04-02" in w for w in claim.warnings)
