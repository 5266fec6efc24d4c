"""Held claims in the Claim aggregate: an unsent claim missing an item the 837P needs is
``held`` (from the build: a drug without an NDC; from the identity check), every refusal names
each missing item, and a check that finds everything makes it ready again."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal as D

import pytest

from reimbursement.domain.claim import build_claim
from reimbursement.domain.errors import ClaimConflict, ClaimHeld
from reimbursement.domain.holds import Hold
from reimbursement.domain.lifecycle import Claim
from reimbursement.testing import T0, give, make_ctx, make_visit

EPTI = "70001000101"
LATER = T0 + timedelta(hours=1)
NO_DEMOGRAPHICS = Hold("patient.demographics", "no demographics on file for the patient")
NO_SUPERVISOR = Hold("supervising_practitioner", "no supervising practitioner recorded")


def claim(*given) -> Claim:
    visit = make_visit(*(given or (give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0,
                                        35),)))
    return Claim.create(claim_id=uuid.uuid4(), draft=build_claim(visit, make_ctx()),
                        lot_costs={}, now=T0)


def without_ndc() -> Claim:
    return claim(give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35),
                 give(2, "ketorolac", None, "30", "mg", "push", 40, 41, hcpcs="J1885"))


def held_error(action) -> ClaimHeld:
    with pytest.raises(ClaimHeld) as caught:
        action()
    error = caught.value
    assert (error.status, error.title, error.code) == (409, "Claim held", "claim-held")
    return error


@pytest.mark.parametrize(("found", "status", "missing"), [
    ((), "ready", []),
    ((NO_DEMOGRAPHICS,), "held", ["patient.demographics"]),
    ((NO_DEMOGRAPHICS, NO_SUPERVISOR), "held", ["patient.demographics",
                                                "supervising_practitioner"]),
])
def test_the_identity_check_settles_the_status(found, status, missing) -> None:
    c = claim()
    c.record_check(found, now=LATER)
    assert (c.status, [h.item for h in c.holds], c.identity_checked_at) == (
        status, missing, LATER)
    assert c.version == 2 and c.events[-1].status == "ready"  # no event for a check


def test_a_held_claim_is_neither_submitted_nor_exported_and_names_each_item() -> None:
    c = claim()
    c.record_check((NO_DEMOGRAPHICS, NO_SUPERVISOR), now=LATER)
    for action, verb in ((lambda: c.submit(now=LATER), "submitted"),
                         (c.ensure_exportable, "exported")):
        error = held_error(action)
        assert error.extra["missing"] == ["patient.demographics", "supervising_practitioner"]
        assert error.extra["claim_id"] == str(c.id)
        assert error.detail == (f"the claim is held and cannot be {verb} until these are "
                                "recorded: patient.demographics, supervising_practitioner")
    assert c.status == "held" and c.submitted_at is None


def test_a_later_check_that_finds_everything_releases_the_hold() -> None:
    c = claim()
    c.record_check((NO_DEMOGRAPHICS,), now=LATER)
    c.record_check((), now=LATER)
    assert c.status == "ready" and c.holds == ()
    c.submit(now=LATER)
    assert c.status == "submitted"


def test_a_drug_without_an_ndc_holds_the_claim_from_the_build() -> None:
    c = without_ndc()
    assert c.status == "held"
    assert [(h.item, h.line) for h in c.holds] == [("ndc", 2)]
    assert [ln.line.code for ln in c.lines if ln.line.kind == "drug"] == ["J3032", "J1885"]
    c.record_check((), now=LATER)  # identities complete: still held for the NDC
    assert c.status == "held"
    assert held_error(lambda: c.submit(now=LATER)).extra["missing"] == ["ndc"]


def test_a_coding_review_comes_before_a_hold() -> None:
    c = claim(give(1, "eptinezumab", "99999-0001-01", "100", "mg", "infusion", 0, 35))
    c.record_check((NO_DEMOGRAPHICS,), now=LATER)
    assert c.status == "needs_review" and [h.item for h in c.holds] == ["patient.demographics"]
    with pytest.raises(ClaimConflict, match="needs review"):
        c.submit(now=LATER)


def test_a_rebuild_keeps_the_identity_holds() -> None:
    c = claim()
    c.record_check((NO_DEMOGRAPHICS,), now=LATER)
    visit = make_visit(give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35))
    c.rebuild(build_claim(visit, make_ctx()), lot_costs={EPTI: D("1650")}, now=LATER)
    assert c.status == "held" and [h.item for h in c.holds] == ["patient.demographics"]


def test_a_sent_claim_records_no_check() -> None:
    c = claim()
    c.submit(now=LATER)
    with pytest.raises(ClaimConflict, match="a submitted claim cannot be checked"):
        c.record_check((NO_DEMOGRAPHICS,), now=LATER)
    assert c.status == "submitted" and c.holds == ()
