"""Secondary 837P after the primary's 835 (payer-exchange.md §6, case 27): 2320 / 2330A / 2330B
and per-line 2430 built from the primary's adjudication, valid against 005010X222A1 (pyx12),
and the balance rule SV102 = sum SVD02 + sum 2430 CAS on every line, AMT*D = sum SVD02 -
sum 2320 CAS. Every name and id is synthetic."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal as D
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.adapters.x12.read_837 import LoopSegment, loop_segments
from reimbursement.adapters.x12.render_837 import (
    ClaimToRender,
    PayerParty,
    Submitter,
    render_837p,
)
from reimbursement.adapters.x12.render_837_cob import PriorPayer, cob_loops
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.domain.claim import ClaimDraft, ClaimLine, build_claim
from reimbursement.domain.cob import (
    Cas,
    CobError,
    PriorAdjudication,
    PriorLine,
    balance_problems,
    prior_adjudication,
)
from reimbursement.domain.parties import Coverage, Person
from reimbursement.domain.posting import PostedAdjustment, PostedPayment
from reimbursement.domain.practice import PostalAddress
from reimbursement.testing import CHILD, PATIENT, coverage, give, make_ctx, make_visit, parties

SUBMITTER = Submitter("Chairside Infusion Center", "CHAIRSIDE01", "Billing Office",
                      "6175550100")
SECONDARY_PAYER = PayerParty("Bay State Medigap", "BSMG1", "CI")
CREATED = datetime(2026, 3, 20, 20, 0, tzinfo=UTC)
ADJUDICATED = date(2026, 3, 16)
SECONDARY_COVERAGE = Coverage(UUID("00000000-0000-4000-8000-0000000000c2"), "bay-medigap",
                              "XGP55501", "self", None, priority="secondary",
                              group_number="MG-1")


def cocktail() -> ClaimDraft:
    claim = build_claim(make_visit(
        give(1, "eptinezumab", "70001000101", "100", "mg", "infusion", 0, 35),
        give(2, "ketorolac", "70003000325", "30", "mg", "push", 40, 41)), make_ctx())
    assert claim.status == "ready"
    return claim


def payment(claim: ClaimDraft, *, paid_share: D = D("0.8"), claim_cas: tuple[
        PostedAdjustment, ...] = ()) -> tuple[PostedPayment, dict[int, D]]:
    """A primary posting: each line CO-45 down to 'allowed' = half its charge, PR-2 20 %."""
    rows: list[PostedAdjustment] = list(claim_cas)
    paid: dict[int, D] = {}
    for ln in claim.lines:
        allowed = (ln.charge / 2).quantize(D("0.01"))
        patient = (allowed * (1 - paid_share)).quantize(D("0.01"))
        label = ln.code + "".join(f"-{m}" for m in ln.modifiers)
        rows += [PostedAdjustment(label, "CO", "45", ln.charge - allowed),
                 PostedAdjustment(label, "PR", "2", patient)]
        paid[ln.number] = allowed - patient
    total = sum(paid.values(), D(0)) - sum((a.amount for a in claim_cas), D(0))
    posted = PostedPayment(
        remittance_id=UUID(int=1), position=0, claim_id=UUID(int=2), account_number="A001",
        status_code="1", payer_claim_number="MCR-ICN-77001", charge=claim.total_charge,
        paid=total, patient_responsibility=D(0), contractual=D(0), outcome="paid",
        denial_reasons=(), adjustments=tuple(rows), unmatched_lines=(),
        posted_at=CREATED)
    return posted, paid


def prior_payer(claim: ClaimDraft, **kw: object) -> PriorPayer:
    posted, paid = payment(claim, **kw)  # type: ignore[arg-type]
    adjudication = prior_adjudication("medicare-b", posted, claim.lines, paid, ADJUDICATED)
    return PriorPayer("Medicare Part B", "MCRB1", "MB", coverage(), PATIENT, adjudication)


def render_secondary(claim: ClaimDraft, prior: PriorPayer) -> str:
    item = ClaimToRender(claim, "B001", parties(cov=SECONDARY_COVERAGE), SECONDARY_PAYER,
                         prior_payers=(prior,))
    return render_837p([item], submitter=SUBMITTER, receiver_name="Clearinghouse",
                       receiver_id="CLEARHOUSE01", control_number=52, created_at=CREATED)


def loop(segments: list[LoopSegment], name: str) -> list[str]:
    return [s.text for s in segments if s.loop == name]


def test_case27_secondary_837_is_valid_and_carries_the_primary_adjudication() -> None:
    claim = cocktail()
    prior = prior_payer(claim)
    text = render_secondary(claim, prior)
    assert validate_x12(text) == []
    segments = loop_segments(text)
    assert loop(segments, "2000B")[1] == "SBR*S*18*MG-1******CI"
    line_paid = {p.number: p.paid for p in prior.adjudication.lines}
    primary_paid = sum(line_paid.values(), D(0))
    pr_total = sum((a.amount for p in prior.adjudication.lines for a in p.adjustments
                    if a.group == "PR"), D(0))
    sbr, *rest = loop(segments, "2320")
    assert sbr == "SBR*P*18*******MB"
    amts = [s for s in rest if s.startswith("AMT")]
    assert amts == [f"AMT*D*{primary_paid.normalize():f}", f"AMT*EAF*{pr_total.normalize():f}"]
    assert rest[-1] == "OI***Y*P**Y"
    assert loop(segments, "2330A") == ["NM1*IL*1*RIVERA*ANA*M***MI*1EG4TE5MK72"]
    assert loop(segments, "2330B") == ["NM1*PR*2*MEDICARE PART B*****PI*MCRB1",
                                       "DTP*573*D8*20260316", "REF*F8*MCR-ICN-77001"]
    svd = loop(segments, "2430")
    assert [s for s in svd if s.startswith("SVD")] == [
        f"SVD*MCRB1*{line_paid[ln.number].normalize():f}*HC:{':'.join((ln.code,) + ln.modifiers)}"
        f"**{ln.units}" for ln in claim.lines]
    assert svd.count("DTP*573*D8*20260316") == len(claim.lines)
    assert_balanced(text)


def test_a_dependent_names_the_primary_insured_in_2330a() -> None:
    """Sofia is covered first through her mother's Medicare-linked plan, then through her
    father's: 2320 SBR02 19 (child), 2330A the primary's insured, 2000B the secondary's."""
    father = Person("Rivera", "Tomas", date(1960, 1, 9), "male",
                    PostalAddress("7 Harbor Way", "Salem", "MA", "019701234"))
    claim = cocktail()
    posted, paid = payment(claim)
    primary_cov = coverage("child", subscriber=PATIENT, member_id="W2231")
    prior = PriorPayer("Medicare Part B", "MCRB1", "MB", primary_cov, PATIENT,
                       prior_adjudication("medicare-b", posted, claim.lines, paid, ADJUDICATED))
    secondary = replace(SECONDARY_COVERAGE, relationship="child", subscriber=father)
    item = ClaimToRender(claim, "B002", parties(patient=CHILD, cov=secondary), SECONDARY_PAYER,
                         prior_payers=(prior,))
    text = render_837p([item], submitter=SUBMITTER, receiver_name="Clearinghouse",
                       receiver_id="CLEARHOUSE01", control_number=53, created_at=CREATED)
    assert validate_x12(text) == []
    segments = loop_segments(text)
    assert loop(segments, "2000B")[1] == "SBR*S**MG-1******CI"
    assert loop(segments, "2010BA")[0] == "NM1*IL*1*RIVERA*TOMAS****MI*XGP55501"
    assert loop(segments, "2320")[0] == "SBR*P*19*******MB"
    assert loop(segments, "2330A") == ["NM1*IL*1*RIVERA*ANA*M***MI*W2231"]
    assert_balanced(text)


def test_claim_level_cas_goes_to_2320_verbatim_and_amt_d_is_clp04() -> None:
    claim = cocktail()
    sequestration = (PostedAdjustment(None, "CO", "253", D("3.10")),)
    prior = prior_payer(claim, claim_cas=sequestration)
    text = render_secondary(claim, prior)
    assert validate_x12(text) == []
    segs = loop(loop_segments(text), "2320")
    assert "CAS*CO*253*3.1" in segs
    assert f"AMT*D*{prior.adjudication.paid.normalize():f}" in segs
    assert_balanced(text)


def test_non_covered_lines_give_amt_a8() -> None:
    claim = cocktail()
    posted, paid = payment(claim)
    first = claim.lines[0]
    label = first.code + "".join(f"-{m}" for m in first.modifiers)
    rows = tuple(a for a in posted.adjustments if a.line != label) + (
        PostedAdjustment(label, "CO", "96", first.charge),)
    paid[first.number] = D(0)
    posted = replace(posted, adjustments=rows, paid=sum(paid.values(), D(0)))
    adjudication = prior_adjudication("medicare-b", posted, claim.lines, paid, ADJUDICATED)
    prior = PriorPayer("Medicare Part B", "MCRB1", "MB", coverage(), PATIENT, adjudication)
    text = render_secondary(claim, prior)
    assert validate_x12(text) == []
    assert f"AMT*A8*{first.charge.normalize():f}" in loop(loop_segments(text), "2320")


def test_an_unbalanced_adjudication_is_refused() -> None:
    claim = cocktail()
    posted, paid = payment(claim)
    paid[claim.lines[0].number] += D("1.00")  # what was posted disagrees with the CAS
    with pytest.raises(CobError, match="line 1: SV102"):
        prior_adjudication("medicare-b", posted, claim.lines, paid, ADJUDICATED)


def test_no_icn_no_secondary() -> None:
    claim = cocktail()
    posted, paid = payment(claim)
    with pytest.raises(CobError, match="CLP07"):
        prior_adjudication("medicare-b", replace(posted, payer_claim_number=None),
                           claim.lines, paid, ADJUDICATED)


def test_the_renderer_refuses_a_line_the_primary_did_not_adjudicate() -> None:
    claim = cocktail()
    prior = prior_payer(claim)
    fewer = replace(prior.adjudication, lines=prior.adjudication.lines[1:])
    with pytest.raises(CobError, match="line 1: no adjudication"):
        cob_loops([replace(prior, adjudication=fewer)], claim.lines)


# ------------------------------------------------------------------ the balance rule, property
def assert_balanced(text: str) -> None:
    """From the text alone: each 2400 line's SV102 = SVD02 + its 2430 CAS amounts; AMT*D =
    sum SVD02 - 2320 CAS."""
    segments = loop_segments(text)
    charge: D | None = None
    line_total = D(0)
    svd_sum = claim_cas = D(0)
    amt_d = None
    for s in segments:
        el = s.text.split("*")
        if s.loop == "2400" and el[0] == "SV1":
            if charge is not None:
                assert charge == line_total
            charge, line_total = D(el[2]), D(0)
        elif s.loop == "2430" and el[0] == "SVD":
            line_total += D(el[2])
            svd_sum += D(el[2])
        elif el[0] == "CAS":
            amounts = sum((D(el[i]) for i in range(3, len(el), 3) if el[i]), D(0))
            if s.loop == "2430":
                line_total += amounts
            else:
                claim_cas += amounts
        elif s.loop == "2320" and el[:2] == ["AMT", "D"]:
            amt_d = D(el[2])
    assert charge is not None and charge == line_total
    assert amt_d == svd_sum - claim_cas


GROUPS = st.sampled_from(["CO", "PR", "OA", "PI"])
REASONS = st.sampled_from(["1", "2", "3", "45", "96", "253", "23"])


@st.composite
def adjudications(draw: st.DrawFn) -> tuple[list[ClaimLine], PriorAdjudication]:
    """Random lines, each split between paid and up to 8 CAS amounts (some groups repeat)."""
    lines, prior_lines = [], []
    for n in range(1, draw(st.integers(1, 6)) + 1):
        charge = D(draw(st.integers(1, 500_000))) / 100
        cuts = sorted(draw(st.lists(st.integers(0, int(charge * 100)), max_size=8)))
        points = [D(0), *(D(c) / 100 for c in cuts), charge]
        parts = [b - a for a, b in zip(points, points[1:], strict=False)]
        cas = tuple(Cas(draw(GROUPS), draw(REASONS), p) for p in parts[1:])
        code = draw(st.sampled_from(["96365", "96366", "96374", "J3032", "J1885"]))
        lines.append(ClaimLine(n, "admin", code, (), draw(st.integers(1, 99)), charge, None,
                               (1,), (n,)))
        prior_lines.append(PriorLine(n, code, (), lines[-1].units, charge, parts[0], cas))
    paid = sum((p.paid for p in prior_lines), D(0))
    claim_cas = tuple(Cas("OA", "23", D(draw(st.integers(0, int(paid * 100)))) / 100)
                      for _ in range(draw(st.integers(0, 1))))
    paid -= sum((a.amount for a in claim_cas), D(0))
    return lines, PriorAdjudication("medicare-b", "ICN1", "1", sum(
        (ln.charge for ln in lines), D(0)), paid, ADJUDICATED, claim_cas, tuple(prior_lines))


def _amount(text: str) -> D:
    return D(text)


@settings(max_examples=150, deadline=None)
@given(adjudications())
def test_every_built_line_balances(case: tuple[list[ClaimLine], PriorAdjudication]) -> None:
    lines, prior = case
    assert balance_problems(prior) == []
    payer = PriorPayer("Medicare Part B", "MCRB1", "MB", coverage(), PATIENT, prior)
    claim_loops, line_loops = cob_loops([payer], lines)
    for ln in lines:
        svd = [s for s in line_loops[ln.number] if s.startswith("SVD")]
        cas = [s for s in line_loops[ln.number] if s.startswith("CAS")]
        assert len(svd) == 1
        svd02 = _amount(svd[0].rstrip("~").split("*")[2])
        cas_total = sum((_amount(el.rstrip("~").split("*")[i]) for el in cas
                         for i in range(3, len(el.rstrip("~").split("*")), 3)
                         if el.rstrip("~").split("*")[i]), D(0))
        assert ln.charge == svd02 + cas_total  # SV102 = SVD02 + sum CAS
        assert all(len(el.rstrip("~").split("*")) <= 2 + 3 * 6 for el in cas)
    amt_d = next(s for s in claim_loops if s.startswith("AMT*D*"))
    svd_sum = sum((p.paid for p in prior.lines), D(0))
    claim_cas = sum((a.amount for a in prior.adjustments), D(0))
    assert _amount(amt_d.rstrip("~").split("*")[2]) == svd_sum - claim_cas == prior.paid
    if not prior.adjustments:
        assert prior.paid == svd_sum  # AMT*D = sum of line paid
    assert {s.split("*")[1] for s in claim_loops if s.startswith("AMT")} <= {"D", "A8", "EAF"}


@settings(max_examples=60, deadline=None)
@given(adjudications())
def test_an_altered_line_is_refused(case: tuple[list[ClaimLine], PriorAdjudication]) -> None:
    lines, prior = case
    bad = replace(prior.lines[0], paid=prior.lines[0].paid + D("0.01"))
    altered = replace(prior, lines=(bad, *prior.lines[1:]))
    payer = PriorPayer("Medicare Part B", "MCRB1", "MB", coverage(), PATIENT, altered)
    with pytest.raises(CobError, match="does not balance"):
        cob_loops([payer], lines)
