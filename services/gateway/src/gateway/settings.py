"""Gateway settings (env prefix GATEWAY_; REDIS_URL unprefixed, shared with ops tooling).

Built on the shared ServiceSettings (environment, host/port, database_url defaulting to a
SQLite file for the embedded `make run`, auto_migrate, seed_demo_data, logs); the gateway
adds its upstreams, token issuer, protection limits and audit batching.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator

from chairside_shared.settings import PLACEHOLDER_SECRETS as SHARED_PLACEHOLDERS
from chairside_shared.settings import ServiceSettings, service_config

# Values that must never protect anything real. The demo client secrets are documented in
# api.md, so they are as good as public.
PLACEHOLDER_SECRETS = frozenset(SHARED_PLACEHOLDERS) | frozenset(
    {"", "changethis", "changeme", "secret", "demo", "password",
     "demo-admin-secret", "demo-partner-secret", "embedded-key-encryption-secret"}
)


class GatewaySettings(ServiceSettings):
    """Gateway: authentication, access control, protection and routing for the /v1 API."""

    model_config = service_config("GATEWAY_")

    service_name: str = "gateway"
    port: int = Field(8000, ge=1, le=65535)

    # Upstream services (default local ports from api.md).
    orders_url: str = "http://127.0.0.1:8001"
    scheduling_url: str = "http://127.0.0.1:8002"
    authorization_url: str = "http://127.0.0.1:8003"
    reimbursement_url: str = "http://127.0.0.1:8004"
    upstream_timeout_s: float = Field(5.0, gt=0)  # whole call, retries included
    # Per-service deadlines overriding the default. Reimbursement's writes do X12 work inside
    # the call (a claim's submit renders its 837P, validates it with pyx12 and hands it to the
    # clearinghouse; an 835 is parsed and posted): ~1 s on a quiet machine, several times that
    # on a busy one, so it gets longer than the rest.
    upstream_timeouts: dict[str, float] = Field(
        default_factory=lambda: {"reimbursement": 15.0}, description=(
            'Per-service deadlines in seconds overriding upstream_timeout_s, as JSON '
            '(default {"reimbursement": 15}); setting it replaces the whole map.'))
    upstream_connect_timeout_s: float = Field(1.0, gt=0)
    upstream_max_connections: int = Field(100, ge=1)
    upstream_max_keepalive: int = Field(50, ge=0)
    # Coupled to the services' keep-alive timeout (uvicorn's timeout_keep_alive: 5 s by
    # default, 75 s as chairside_shared.cli starts the services): keep it clearly shorter,
    # or the pool reuses connections just as the services close them.
    upstream_keepalive_expiry_s: float = Field(30.0, gt=0, description=(
        "Seconds an idle pooled connection to a service is kept for reuse. Must be clearly "
        "shorter than the services' keep-alive timeout (uvicorn timeout_keep_alive)."))
    retry_attempts: int = Field(3, ge=1)
    retry_backoff_s: float = Field(0.05, ge=0)
    breaker_failure_threshold: int = Field(5, ge=1)
    breaker_reset_s: float = Field(5.0, gt=0)
    # A client span per upstream call (httpx instrumentation). Off by default: the services'
    # server spans already hang under the gateway's server span through `traceparent`.
    trace_upstream_calls: bool = False

    # Tokens: the built-in issuer, or an external OIDC issuer's JWKS instead.
    token_issuer: Literal["builtin", "external"] = "builtin"
    issuer: str = "http://127.0.0.1:8000"
    audience: str = "chairside-api"
    token_ttl_s: int = Field(600, ge=30, le=3600)
    token_leeway_s: int = Field(10, ge=0, le=120)
    key_encryption_secret: SecretStr = SecretStr("embedded-key-encryption-secret")
    key_rotation_days: float = Field(30.0, gt=0)
    key_refresh_s: float = Field(30.0, gt=0)  # how often instances reload the key ring
    oidc_issuer: str | None = None
    oidc_jwks_url: str | None = None
    oidc_audience: str | None = None
    oidc_algorithms: list[str] = ["RS256", "ES256", "PS256"]
    oidc_practice_claim: str = "practice_id"
    oidc_roles_claim: str = "roles"
    # The board page (/board/) signs staff in with the authorization-code flow + PKCE as a
    # public client. External issuer: register this client id and redirect URI there; the page
    # finds the endpoints by discovery ({oidc_issuer}/.well-known/openid-configuration) unless
    # both endpoints are set here.
    board_client_id: str = "chairside-board"
    board_redirect_uris: list[str] = Field(default_factory=list, description=(
        "Exact redirect URIs of the board client; empty: {issuer}/board/ only."))
    oidc_authorization_endpoint: str | None = None
    oidc_token_endpoint: str | None = None
    auth_code_ttl_s: int = Field(60, ge=10, le=600)
    # The built-in issuer's demo staff login form: development settings only. None: on when
    # the demo data is seeded outside production; production refuses it outright.
    demo_staff_login: bool | None = None

    # Protection.
    redis_url: str | None = Field(
        None, validation_alias=AliasChoices("GATEWAY_REDIS_URL", "REDIS_URL")
    )
    redis_prefix: str = Field("chairside:gateway:", min_length=1, description=(
        "Prefix of every key the gateway keeps in Redis: several platforms (a cluster beside "
        "a test run) can share one Redis without sharing buckets."))
    rate_limit_capacity: float = Field(120, ge=1)
    rate_limit_per_s: float = Field(20, gt=0)
    # Failed token requests (wrong secret, unknown client, bad password) are counted per caller
    # address and per (caller address, client id), never per client id alone: that would let
    # anyone who knows a client id lock the client out. While a bucket is empty, requests
    # from that address (for that client) get 429 before any secret is checked.
    token_rate_limit_capacity: float = Field(10, ge=1, description=(
        "Failed token requests allowed in a burst from one caller address for one client id; "
        "past it that address gets 429 for that client until the bucket refills (the client "
        "itself, calling from its own address, is not affected)."))
    token_rate_limit_per_s: float = Field(1, gt=0, description=(
        "Refill of the (caller address, client id) bucket: after a burst of failures the "
        "right secret from that address is refused for at most 1/rate seconds."))
    # Per caller address too: varying the client_id must not buy unlimited secret checks
    # (each one is a deliberately slow scrypt run).
    token_ip_rate_limit_capacity: float = Field(60, ge=1, description=(
        "Failed token requests allowed in a burst from one caller address, whatever the "
        "client ids."))
    token_ip_rate_limit_per_s: float = Field(5, gt=0, description=(
        "Refill of the per-address bucket of failed token requests, per second."))
    idempotency_ttl_h: float = Field(24, gt=0)
    idempotency_lease_s: float = Field(60, gt=0, description=(
        "A POST still in progress after this long was abandoned by a gateway replica that "
        "died mid-request: a retry with its Idempotency-Key runs it instead of getting 409. "
        "Keep it above the longest upstream deadline (upstream_timeout_s, upstream_timeouts)."))
    cursor_ttl_s: float = Field(
        86_400, gt=0, description="How long a list's next_cursor stays valid. Cursors are "
        "services' cursors sealed with AES-GCM under a key derived from key_encryption_secret, "
        "bound to the client, practice, user and list they were given for (see "
        "adapters/cursors.py); changing that secret invalidates every cursor.")
    max_body_bytes: int = Field(1_048_576, ge=1024)
    max_document_body_bytes: int = Field(14_680_064, ge=1024, description=(
        "Body limit of a document upload (an appeal's records: JSON carrying the file base64, "
        "10 MB decoded at most, so 14 MiB); every other body keeps max_body_bytes."))
    cors_origins: list[str] = ["http://localhost:5173", "http://127.0.0.1:5173"]
    trust_inbound_traceparent: bool = False

    # Audit rows are written in small batches off the request path.
    audit_flush_interval_s: float = Field(0.2, gt=0)
    audit_batch_size: int = Field(500, ge=1)

    # Webhooks (docs/webhooks.md): the gateway's consumer fans events out to subscriptions.
    webhooks_enabled: bool = Field(True, description=(
        "Run the webhook consumer (group `gateway-webhooks`) and delivery worker."))
    webhook_allowed_hosts: list[str] = Field(default_factory=list, description=(
        "Hosts a subscription URL may name: exact names or `*.example.com` suffixes."))
    webhook_allow_loopback: bool = Field(False, description=(
        "Development only (refused in production): subscription URLs on 127.0.0.1/localhost."))
    webhook_max_attempts: int = Field(8, ge=1, description=(
        "Attempts of one delivery before it goes to the dead-letter list."))
    webhook_backoff_base_s: float = Field(5.0, gt=0)
    webhook_backoff_max_s: float = Field(3600.0, gt=0)
    webhook_disable_after: int = Field(20, ge=1, description=(
        "Consecutive failed attempts after which a subscription is disabled."))
    webhook_timeout_s: float = Field(10.0, gt=0)
    webhook_poll_interval_s: float = Field(1.0, gt=0, description=(
        "The delivery worker's clock. With nothing due it sleeps until the next retry is due, "
        "at most 10 x this (new events and replays wake it at once); a disabled "
        "subscription's pending deliveries are looked at again after 10 x this."))
    webhook_batch_size: int = Field(50, ge=1)
    webhook_claim_lease_s: float = Field(60.0, gt=0)
    # The live stream (GET /v1/stream, docs/stream.md): each process reads the whole bus
    # itself (no consumer group), so every replica can serve and resume any client.
    stream_enabled: bool = Field(True, description=(
        "Read the bus and serve GET /v1/stream; off, the route answers 503."))
    stream_window_events: int = Field(2000, ge=1, description=(
        "Events held for Last-Event-ID replay (and read back per partition at start)."))
    stream_window_s: float = Field(600.0, gt=0, description=(
        "Oldest event age held for replay; a client further behind gets `event: reset`."))
    stream_queue_size: int = Field(256, ge=1, description=(
        "Events queued per connection; a client this far behind is dropped."))
    stream_heartbeat_s: float = Field(15.0, gt=0, description=(
        "Seconds between `: hb` comments on an idle stream (proxies close silent ones)."))
    stream_max_streams: int = Field(2000, ge=1, description=(
        "Open streams per gateway process; past it new streams get 503 + Retry-After."))
    stream_max_duration_s: float = Field(600.0, gt=0, description=(
        "A stream ends after this long; the client reconnects with a current token and "
        "Last-Event-ID (its token is checked again, and streams spread over new replicas)."))
    stream_resume_wait_s: float = Field(3.0, ge=0, description=(
        "How long a resume waits for a just-started process to read its window back."))

    @model_validator(mode="after")
    def _check(self) -> GatewaySettings:
        if self.token_issuer == "external" and not (self.oidc_issuer and self.oidc_jwks_url):
            raise ValueError(f"{self.env_name('oidc_jwks_url')} and {self.env_name('oidc_issuer')} "
                             "are needed when token_issuer=external")
        unknown = set(self.upstream_timeouts) - set(self.upstream_urls)
        if unknown or any(v <= 0 for v in self.upstream_timeouts.values()):
            raise ValueError(f"{self.env_name('upstream_timeouts')}: positive seconds per "
                             f"service among {sorted(self.upstream_urls)}")
        longest = max([self.upstream_timeout_s, *self.upstream_timeouts.values()])
        if self.idempotency_lease_s <= longest:
            raise ValueError(f"{self.env_name('idempotency_lease_s')}: must exceed the longest "
                             f"upstream deadline ({longest} s), or a slow request runs twice")
        if self.environment == "production":
            self._refuse_unsafe_production()
        return self

    def _refuse_unsafe_production(self) -> None:
        # The shared base already refuses SQLite and the demo seed in production.
        secret = self.key_encryption_secret.get_secret_value()
        if secret.lower() in PLACEHOLDER_SECRETS or len(secret) < 32:
            raise ValueError(f"{self.env_name('key_encryption_secret')}: a placeholder or short "
                             "(< 32 characters) secret is refused in production")
        if self.webhook_allow_loopback:
            raise ValueError(f"{self.env_name('webhook_allow_loopback')}: loopback webhook URLs "
                             "are for development only")
        if "*" in self.cors_origins:
            raise ValueError(f"{self.env_name('cors_origins')}: a wildcard origin is refused in "
                             "production")
        if self.demo_staff_login:
            raise ValueError(f"{self.env_name('demo_staff_login')}: the demo staff login is "
                             "refused in production (sign staff in at an external OIDC issuer)")
        if self.token_issuer == "builtin" and not self.issuer.startswith("https://"):
            raise ValueError(f"{self.env_name('issuer')}: production tokens need an https issuer")

    @property
    def demo_login_enabled(self) -> bool:
        if self.environment == "production" or self.token_issuer != "builtin":
            return False
        return self.seed_demo_data if self.demo_staff_login is None else self.demo_staff_login

    @property
    def board_redirects(self) -> frozenset[str]:
        return frozenset(self.board_redirect_uris or [f"{self.issuer.rstrip('/')}/board/"])

    def timeout_for(self, upstream: str) -> float:
        return self.upstream_timeouts.get(upstream, self.upstream_timeout_s)

    @property
    def upstream_urls(self) -> dict[str, str]:
        return {
            "orders": self.orders_url,
            "scheduling": self.scheduling_url,
            "authorization": self.authorization_url,
            "reimbursement": self.reimbursement_url,
        }
