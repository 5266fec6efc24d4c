"""PAS requests over the API on PostgreSQL and the payer sandbox: sent only with every identity
the profiles require, read from orders at that moment; otherwise the case stays a draft naming
each missing item and nothing reaches the payer."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from authorization.adapters.drug_codes import load_drug_codes
from authorization.domain.case import PAS_BLOCKER
from authorization.service.pas import PasSources
from authorization.service.poller import poll_once

from ..conftest import member_of
from ..pas_fixtures import REQUESTOR, SPOUSE, coverage
from ..unit.test_case import GOOD
from .conftest import T0
from .test_case_api import open_case

pytestmark = pytest.mark.integration


def _sent(svc) -> list[dict]:
    return list(svc.sandbox.app.state.store.requests)


async def test_missing_identity_keeps_the_case_a_draft_naming_each_item(svc):
    order, _, item = await open_case(svc)
    url = f"/v1/authorizations/{item['id']}"
    assert (await svc.client.post(f"{url}/answers", json={"answers": GOOD})).status_code == 200
    full = svc.identities[order.order_id]
    svc.identities[order.order_id] = dataclasses.replace(
        full, patient=dataclasses.replace(full.patient, birth_date=None, address=None),
        coverage=coverage(member_id=member_of(order.order_id), relationship="spouse"))
    before = len(_sent(svc))
    r = await svc.client.post(f"{url}/submit")
    assert r.status_code == 409 and r.json()["type"].endswith("submission-blocked")
    expected = [PAS_BLOCKER + m for m in (
        "patient birth date", "patient address",
        "subscriber demographics (patient is the subscriber's spouse)")]
    assert r.json()["reasons"] == expected
    case = (await svc.client.get(url)).json()
    assert case["status"] == "draft" and case["blockers"] == expected
    assert case["history"][-1]["action"] == "held_for_pas"
    assert len(_sent(svc)) == before  # nothing reached the payer

    # orders now knows everything: the hold clears and the request goes out
    svc.identities[order.order_id] = dataclasses.replace(
        full, coverage=coverage(member_id=member_of(order.order_id), relationship="spouse",
                                subscriber=SPOUSE))
    case = (await svc.client.post(f"{url}/submit")).json()
    assert case["status"] == "approved" and case["blockers"] == []
    assert [h["action"] for h in case["history"]][-4:] == [
        "held_for_pas", "pas_hold_cleared", "submitted", "approved"]
    assert case["auth_number"].startswith("SBX-") and len(_sent(svc)) == before + 1


async def test_unverified_rxnorm_code_holds_the_request(svc):
    svc.runtime.pas = PasSources(identity=svc.runtime.pas.identity, requestor=REQUESTOR,
                                 drug_codes=load_drug_codes())  # the shipped map only
    _, _, item = await open_case(svc)
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    r = await svc.client.post(f"{url}/submit")
    assert r.status_code == 409
    assert r.json()["reasons"] == [PAS_BLOCKER + "RxNorm code for eptinezumab (data/rxnorm.json"
                                   " or setting AUTHORIZATION_RXNORM_CODES)"]


async def test_resend_without_identity_is_not_sent_and_says_why(svc):
    order, _, item = await open_case(svc, member_id="ERR-4")  # the payer is down at first
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    case = (await svc.client.post(f"{url}/submit")).json()
    assert case["status"] == "submitted" and "HTTP 500" in case["last_error"]
    svc.identities[order.order_id] = None  # orders no longer has it
    before = len(_sent(svc))
    stats = await poll_once(uows=svc.uows, connector=svc.runtime.connector, pas=svc.runtime.pas,
                            settings=svc.settings, now=T0 + timedelta(minutes=1))
    assert stats["resubmitted"] == 1 and len(_sent(svc)) == before
    case = (await svc.client.get(url)).json()
    assert case["status"] == "submitted"
    assert case["last_error"] == ("PAS request not sent: missing payer identity of the order "
                                  "(orders has none)")
