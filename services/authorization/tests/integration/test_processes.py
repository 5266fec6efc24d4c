"""The embedded default as `make run` starts it: the payer sandbox and the authorization service
as real processes on SQLite, seeded, over HTTP. The PAS request reads who it is about from the
orders service when it is built; with orders down it is not sent and the case stays a draft
(the full round trip with orders runs in the cross-service end-to-end tests)."""

from __future__ import annotations

import socket

import httpx
import pytest

from chairside_shared.processes import ServiceProcess
from chairside_shared.testing.plugin import eventually

from ..conftest import make_order
from ..unit.test_case import GOOD
from .test_event_flow import publish

pytestmark = [pytest.mark.integration, pytest.mark.e2e]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_service_and_sandbox_processes(tmp_path, fresh_broker):
    broker = fresh_broker  # our own: other tests' consumers never see these events
    sandbox_port, port, orders_port = _free_port(), _free_port(), _free_port()
    sandbox = ServiceProcess("payer-sandbox", "payer_sandbox", sandbox_port, args=[],
                             env={"PAYER_SANDBOX_PORT": str(sandbox_port)},
                             log_path=tmp_path / "sandbox.log", health_path="/healthz")
    service = ServiceProcess("authorization", "authorization", port, env={
        "AUTHORIZATION_PORT": str(port), "AUTHORIZATION_DATA_DIR": str(tmp_path),
        "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "AUTHORIZATION_PAYER_DEFAULT_BASE_URL": f"http://127.0.0.1:{sandbox_port}/fhir",
        "AUTHORIZATION_LOG_JSON": "false",
        "AUTHORIZATION_ORDERS_URL": f"http://127.0.0.1:{orders_port}",  # nothing listens
    }, log_path=tmp_path / "authorization.log")
    try:
        sandbox.start()
        service.start()
        sandbox.wait_ready(60)
        service.wait_ready(120)
        async with httpx.AsyncClient(base_url=service.url, timeout=30) as client:
            ready = (await client.get("/readyz")).json()
            assert ready["checks"] == {"database": "ok", "broker": "ok", "migrations": "ok"}
            payers = (await client.get("/v1/payers")).json()["items"]
            assert "summit-health" in {p["payer"]["id"] for p in payers}  # seeded
            # an order signed elsewhere arrives through the broker...
            order = make_order()
            await publish(broker, ("order.signed", order))

            async def opened():
                r = await client.get("/v1/authorizations", params={"order_id": str(order.order_id)})
                return r.json()["items"]
            [item] = await eventually(opened, timeout_s=30)
            url = f"/v1/authorizations/{item['id']}"
            # ...and the practice documents and submits it; orders cannot say who it is about
            assert (await client.post(f"{url}/answers", json={"answers": GOOD})).status_code == 200
            r = await client.post(f"{url}/submit")
            assert r.status_code == 503 and r.json()["type"].endswith("identity-unavailable")
            assert "orders service unreachable" in r.json()["detail"]
            case = (await client.get(url)).json()
            assert case["status"] == "draft" and case["submitted_at"] is None
            claims = (await client.get(f"http://127.0.0.1:{sandbox_port}/admin/claims")).json()
            assert claims["requests"] == []  # nothing reached the payer
        assert (tmp_path / "authorization.db").exists()
    finally:
        service.stop()
        sandbox.stop()
    assert not service.running and not sandbox.running


def test_bad_settings_fail_fast_naming_the_variable(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "authorization", "serve"], env={
        "PATH": "", "AUTHORIZATION_CLINIC_TIMEZONE": "Mars/Olympus",
        "AUTHORIZATION_DATA_DIR": str(tmp_path)}, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "AUTHORIZATION_CLINIC_TIMEZONE" in done.stderr

