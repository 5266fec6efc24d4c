"""Settings: the embedded default works out of the box; production refuses the unsafe ones."""

import pytest
from pydantic import ValidationError

from gateway.settings import GatewaySettings

PROD = {"environment": "production", "seed_demo_data": False,
            "database_url": "postgresql://gw@db/gateway", "issuer": "https://api.clinic.example",
            "key_encryption_secret": "k" * 40}


def test_embedded_default_is_sqlite_with_demo_seed_and_api_md_ports():
    s = GatewaySettings()
    assert s.database_url.startswith("sqlite+aiosqlite:///") and s.seed_demo_data
    assert s.port == 8000
    assert s.upstream_urls == {"orders": "http://127.0.0.1:8001",
                               "scheduling": "http://127.0.0.1:8002",
                               "authorization": "http://127.0.0.1:8003",
                               "reimbursement": "http://127.0.0.1:8004"}


def test_a_safe_production_configuration_is_accepted():
    s = GatewaySettings(**PROD)
    assert s.database_url.startswith("postgresql+asyncpg://")


@pytest.mark.parametrize(
    "override,needle",
    [
        ({"seed_demo_data": True}, "seed_demo_data"),
        ({"database_url": "sqlite:///x.db"}, "database_url"),
        ({"key_encryption_secret": "embedded-key-encryption-secret"}, "KEY_ENCRYPTION_SECRET"),
        ({"key_encryption_secret": "changethis"}, "KEY_ENCRYPTION_SECRET"),
        ({"key_encryption_secret": "demo-admin-secret"}, "KEY_ENCRYPTION_SECRET"),
        ({"key_encryption_secret": "short-but-not-placeholder"}, "KEY_ENCRYPTION_SECRET"),
        ({"cors_origins": ["*"]}, "CORS_ORIGINS"),
        ({"issuer": "http://api.clinic.example"}, "ISSUER"),
    ],
)
def test_production_refuses_demo_data_and_placeholder_secrets(override, needle):
    with pytest.raises(ValidationError, match=needle):
        GatewaySettings(**{**PROD, **override})


@pytest.mark.parametrize("environment,refused", [
    ("production", True), ("embedded", False), ("test", False)])
def test_loopback_webhook_receivers_are_refused_in_production_only(environment, refused):
    """A subscription on 127.0.0.1 would let a partner make the gateway call its own
    admin ports: the development switch must never reach production."""
    settings = {**PROD, "environment": environment, "webhook_allow_loopback": True}
    if not refused:
        assert GatewaySettings(**settings).webhook_allow_loopback is True
        return
    with pytest.raises(ValidationError) as caught:
        GatewaySettings(**settings)
    # one error, naming the variable an operator sets, and only that one
    assert [e["type"] for e in caught.value.errors()] == ["value_error"]
    assert "GATEWAY_WEBHOOK_ALLOW_LOOPBACK: loopback webhook URLs are for development " \
        "only" in str(caught.value)
    assert GatewaySettings(**{**settings, "webhook_allow_loopback": False}).environment == \
        "production"


def test_loopback_from_the_environment_is_refused_in_production(monkeypatch):
    for name, value in {"GATEWAY_ENVIRONMENT": "production", "GATEWAY_SEED_DEMO_DATA": "false",
                        "GATEWAY_DATABASE_URL": PROD["database_url"],
                        "GATEWAY_ISSUER": PROD["issuer"],
                        "GATEWAY_KEY_ENCRYPTION_SECRET": PROD["key_encryption_secret"],
                        "GATEWAY_WEBHOOK_ALLOW_LOOPBACK": "true"}.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError, match="GATEWAY_WEBHOOK_ALLOW_LOOPBACK"):
        GatewaySettings()
    monkeypatch.setenv("GATEWAY_WEBHOOK_ALLOW_LOOPBACK", "false")
    assert GatewaySettings().webhook_allow_loopback is False


def test_external_issuer_needs_its_jwks_url():
    with pytest.raises(ValidationError, match="OIDC_JWKS_URL"):
        GatewaySettings(token_issuer="external", oidc_issuer="https://idp")
    s = GatewaySettings(token_issuer="external", oidc_issuer="https://idp",
                        oidc_jwks_url="https://idp/jwks")
    assert s.token_issuer == "external"


def test_redis_url_is_read_unprefixed(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    assert GatewaySettings().redis_url == "redis://127.0.0.1:6379/3"


def test_per_service_timeouts_override_the_default(monkeypatch):
    monkeypatch.setenv("GATEWAY_UPSTREAM_TIMEOUTS", '{"reimbursement": 12.5}')
    s = GatewaySettings(upstream_timeout_s=3)
    assert s.timeout_for("reimbursement") == 12.5 and s.timeout_for("orders") == 3


def test_reimbursement_gets_a_longer_deadline_by_default_for_its_x12_work():
    s = GatewaySettings()
    assert s.timeout_for("reimbursement") == 15.0
    assert {s.timeout_for(n) for n in ("orders", "scheduling", "authorization")} == {5.0}
    assert s.idempotency_lease_s > 15.0  # a slow submit is never taken for an abandoned one


@pytest.mark.parametrize("value", [{"billing": 3}, {"orders": 0}])
def test_per_service_timeouts_must_name_a_service_and_be_positive(value):
    with pytest.raises(ValidationError, match="UPSTREAM_TIMEOUTS"):
        GatewaySettings(upstream_timeouts=value)


def test_the_demo_staff_login_is_for_development_only():
    assert GatewaySettings().demo_login_enabled  # embedded default, demo data seeded
    assert not GatewaySettings(**PROD).demo_login_enabled
    assert not GatewaySettings(demo_staff_login=False).demo_login_enabled
    with pytest.raises(ValidationError, match="DEMO_STAFF_LOGIN"):
        GatewaySettings(**{**PROD, "demo_staff_login": True})


def test_the_board_redirect_uri_defaults_to_the_issuers_board_page():
    assert GatewaySettings(issuer="https://api.clinic.example/").board_redirects == frozenset(
        {"https://api.clinic.example/board/"})
