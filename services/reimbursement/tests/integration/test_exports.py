"""Exports when the subscriber's demographics cannot be fetched: a 503 for that route only."""

from __future__ import annotations

import socket
import uuid

import pytest
from reimb_it import EPTI, administered, administration, bill, setup_catalog

from reimbursement.adapters.clients import DemographicsUnavailable, OrdersSubscriberSource
from reimbursement.adapters.x12.render_837 import Address
from reimbursement.entrypoints.api.deps import get_subscribers

pytestmark = pytest.mark.integration
ADDRESS = Address("100 MAIN ST", "BOSTON", "MA", "021101234")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # released on close: nothing listens there


async def test_orders_source_unreachable_raises_a_clear_error():
    source = OrdersSubscriberSource(f"http://127.0.0.1:{closed_port()}", ADDRESS, timeout_s=1)
    with pytest.raises(DemographicsUnavailable, match="orders service unreachable"):
        await source.subscriber(patient_id=uuid.uuid4(), member_id="M1")


async def test_x12_export_is_503_when_demographics_are_unavailable(svc):
    c = svc.client
    await setup_catalog(c)
    claim_id = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    svc.app.dependency_overrides[get_subscribers] = lambda: OrdersSubscriberSource(
        f"http://127.0.0.1:{closed_port()}", ADDRESS, timeout_s=1)
    r = await c.get(f"/v1/claims/{claim_id}/x12")
    assert r.status_code == 503 and r.headers["retry-after"] == "30"
    assert "subscriber demographics unavailable" in r.json()["detail"]
    assert (await c.get(f"/v1/claims/{claim_id}/fhir")).status_code == 200  # other views work
