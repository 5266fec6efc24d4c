"""`python -m gateway migrate | create-client | rotate-keys | serve` as an operator runs them."""

import os
import subprocess
import sys

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from gateway.adapters.orm import api_clients, signing_keys, staff_users
from gateway.domain.credentials import verify_secret

pytestmark = pytest.mark.integration


def gateway_cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gateway", *args],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


async def test_migrate_create_client_and_rotate_on_a_fresh_database(make_database):
    url = await make_database("gwcli")
    env = {"GATEWAY_DATABASE_URL": url, "GATEWAY_LOG_JSON": "false"}
    done = gateway_cli("migrate", **env)
    assert done.returncode == 0, done.stderr
    made = gateway_cli("create-client", "partner-x", "--practice", "practice-x", **env)
    assert made.returncode == 0, made.stderr
    secret = dict(line.split("=", 1) for line in made.stdout.split())["client_secret"]
    assert len(secret) >= 40
    user = gateway_cli("create-user", "nurse-kim", "--roles", "clinician,scheduler", **env)
    assert user.returncode == 0, user.stderr
    password = dict(line.split("=", 1) for line in user.stdout.split())["password"]
    assert gateway_cli("create-user", "x", "--roles", "root", **env).returncode != 0
    assert gateway_cli("rotate-keys", **env).returncode == 0
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            row = (await conn.execute(select(api_clients))).mappings().one()
            keys = (await conn.execute(select(signing_keys))).all()
            staff = (await conn.execute(select(staff_users))).mappings().one()
    finally:
        await engine.dispose()
    assert row["practice_id"] == "practice-x" and "admin" not in row["scopes"].split()
    assert secret not in row["secret_hash"] and verify_secret(secret, row["secret_hash"])
    assert len(keys) == 1
    assert staff["username"] == "nurse-kim" and staff["roles"] == "clinician scheduler"
    assert verify_secret(password, staff["password_hash"])


def test_production_serve_refuses_placeholder_secrets_naming_the_variable():
    done = gateway_cli("serve", GATEWAY_ENVIRONMENT="production", GATEWAY_SEED_DEMO_DATA="false",
                       GATEWAY_DATABASE_URL="postgresql://x@127.0.0.1:1/none",
                       GATEWAY_ISSUER="https://api.clinic.example",
                       GATEWAY_KEY_ENCRYPTION_SECRET="changethis")
    assert done.returncode != 0
    assert "GATEWAY_KEY_ENCRYPTION_SECRET" in done.stderr


def test_production_serve_refuses_loopback_webhooks_naming_the_variable():
    done = gateway_cli("serve", GATEWAY_ENVIRONMENT="production", GATEWAY_SEED_DEMO_DATA="false",
                       GATEWAY_DATABASE_URL="postgresql://x@127.0.0.1:1/none",
                       GATEWAY_ISSUER="https://api.clinic.example",
                       GATEWAY_KEY_ENCRYPTION_SECRET="q" * 40,
                       GATEWAY_WEBHOOK_ALLOW_LOOPBACK="true")
    # exit 2 before serving anything (no port, no database): a settings error, not a 4xx
    assert done.returncode == 2, done.stderr
    # (a cross-field check: the shared loader heads its line "GATEWAY_SETTINGS"; the message
    # names the variable)
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("invalid setting GATEWAY_") and line.endswith(
        "GATEWAY_WEBHOOK_ALLOW_LOOPBACK: loopback webhook URLs are for development only"), line


async def test_production_serve_refuses_a_database_holding_the_demo_clients(gateway_db):
    done = gateway_cli("serve", GATEWAY_ENVIRONMENT="production", GATEWAY_SEED_DEMO_DATA="false",
                       GATEWAY_DATABASE_URL=gateway_db, GATEWAY_ISSUER="https://api.example",
                       GATEWAY_KEY_ENCRYPTION_SECRET="q" * 40, GATEWAY_PORT="1")
    assert done.returncode != 0 and "demo credentials" in done.stderr
