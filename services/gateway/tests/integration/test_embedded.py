"""The embedded default (`make run`): SQLite file, Alembic migrations, demo data printed."""

import pytest
from gateway_testkit.servers import serve

from gateway.main import create_app
from gateway.settings import GatewaySettings

pytestmark = pytest.mark.integration


async def test_embedded_default_migrates_sqlite_seeds_and_prints_the_demo_clients(
        tmp_path, capsys, fakes):
    settings = GatewaySettings(data_dir=tmp_path, orders_url=fakes.urls["orders"])
    app = create_app(settings)
    running = await serve(app)
    try:
        import asyncio

        import httpx

        await asyncio.wait_for(app.state.gateway.booted.wait(), 60)
        assert (tmp_path / "gateway.db").exists()
        async with httpx.AsyncClient(base_url=running.url) as client:
            r = await client.post("/v1/oauth/token", data={
                "grant_type": "client_credentials", "client_id": "demo-partner",
                "client_secret": "demo-partner-secret"})
            assert r.status_code == 200
            ready = await client.get("/readyz")
            assert ready.status_code == 200 and ready.json()["checks"]["database"] == "ok"
            token = r.json()["access_token"]
            drugs = await client.get("/v1/drugs", headers={"Authorization": f"Bearer {token}"})
            assert drugs.status_code == 200
            metrics = await client.get("/metrics")
            assert 'route="/v1/drugs"' in metrics.text
            # Idempotency records and audit rows on SQLite too.
            auth = {"Authorization": f"Bearer {token}", "Idempotency-Key": "sqlite-1"}
            body = {"mrn": "S-1", "birth_date": "1990-01-01", "sex": "male", "weight_kg": 80}
            first = await client.post("/v1/patients", json=body, headers=auth)
            again = await client.post("/v1/patients", json=body, headers=auth)
            assert first.status_code == again.status_code == 201
            assert again.headers["idempotent-replayed"] == "true"
            other = await client.post("/v1/patients", json={**body, "mrn": "S-2"}, headers=auth)
            assert other.status_code == 422
    finally:
        await running.stop()
    out = capsys.readouterr().out
    assert "demo-admin / demo-admin-secret" in out and "demo-partner / demo-partner-secret" in out
