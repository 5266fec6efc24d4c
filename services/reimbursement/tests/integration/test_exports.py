"""Exports when orders cannot say who a claim names: a 503 for that route only, and nothing
about the patient in the answer."""

from __future__ import annotations

import socket
import uuid

import pytest
from reimb_it import EPTI, administered, administration, bill, setup_catalog

from reimbursement.adapters.clients import IdentityUnavailable, OrdersPayerIdentityClient
from reimbursement.entrypoints.api.deps import get_identities

pytestmark = pytest.mark.integration


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # released on close: nothing listens there


async def test_orders_client_unreachable_raises_a_clear_error():
    client = OrdersPayerIdentityClient(f"http://127.0.0.1:{closed_port()}", timeout_s=1)
    with pytest.raises(IdentityUnavailable, match="orders service unreachable"):
        await client.payer_identity(order_id=uuid.uuid4())


async def test_x12_export_check_and_submit_are_503_when_orders_is_unreachable(svc):
    c = svc.client
    await setup_catalog(c)
    claim_id = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    svc.app.dependency_overrides[get_identities] = lambda: OrdersPayerIdentityClient(
        f"http://127.0.0.1:{closed_port()}", timeout_s=1)
    for method, path in (("GET", "x12"), ("POST", "check"), ("POST", "submit")):
        r = await c.request(method, f"/v1/claims/{claim_id}/{path}")
        assert r.status_code == 503 and r.headers["retry-after"] == "30", (path, r.text)
        assert "payer identity unavailable: orders service unreachable" in r.json()["detail"]
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert claim["status"] == "ready" and claim["identity_checked_at"] is None  # nothing kept
    assert (await c.get(f"/v1/claims/{claim_id}/fhir")).status_code == 200  # other views work
