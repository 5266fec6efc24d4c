"""Composition root: every long-lived object of one gateway process, built from settings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared import db
from gateway.adapters.cursors import CursorSealer
from gateway.adapters.keys import ExternalJwks
from gateway.adapters.ratelimit import BucketStore, MemoryBuckets, RedisBuckets
from gateway.adapters.upstream import Upstream, Upstreams
from gateway.adapters.webhook_secrets import SecretBox
from gateway.adapters.webhook_tables import MESSAGING_TABLES, WEBHOOK_TABLES
from gateway.domain.breaker import BreakerPolicy
from gateway.domain.ratelimit import BucketPolicy
from gateway.domain.retry import RetryPolicy
from gateway.domain.routing import UPSTREAMS, RouteTable
from gateway.domain.tokens import TokenPolicy
from gateway.domain.webhooks import UrlPolicy
from gateway.entrypoints.api.table import ROUTES
from gateway.service.audit import AuditWriter
from gateway.service.auth import TokenService
from gateway.service.authcode import AuthorizationCodes
from gateway.service.container import Gateway
from gateway.service.idempotency import IdempotencyStore
from gateway.service.proxy import Proxy
from gateway.service.stream.live import LiveStream
from gateway.service.views import Views
from gateway.service.webhooks import Webhooks
from gateway.service.webhooks.delivery import DeliveryPolicy, DeliveryWorker
from gateway.service.webhooks.subscriptions import WebhookSubscriptions
from gateway.settings import GatewaySettings

__all__ = ["MIGRATIONS", "Gateway", "build"]

MIGRATIONS = str(Path(__file__).parent / "migrations")


def build(settings: GatewaySettings) -> Gateway:
    engine = db.create_engine(str(settings.database_url), pool_size=settings.db_pool_size,
                              pool_overflow=settings.db_pool_overflow)
    sessions = db.session_factory(engine)
    retry = RetryPolicy(attempts=settings.retry_attempts, backoff=settings.retry_backoff_s)
    breaker = BreakerPolicy(settings.breaker_failure_threshold, settings.breaker_reset_s)
    upstreams = Upstreams({
        name: Upstream(name, settings.upstream_urls[name], timeout=settings.timeout_for(name),
                       connect_timeout=settings.upstream_connect_timeout_s, retry=retry,
                       breaker=breaker, max_connections=settings.upstream_max_connections,
                       max_keepalive=settings.upstream_max_keepalive,
                       keepalive_expiry=settings.upstream_keepalive_expiry_s,
                       trace_calls=settings.trace_upstream_calls)
        for name in UPSTREAMS
    })
    policy = TokenPolicy(issuer=settings.issuer, audience=settings.audience,
                         ttl_seconds=settings.token_ttl_s, leeway_seconds=settings.token_leeway_s,
                         required_typ="at+jwt")
    http: httpx.AsyncClient | None = None
    external = external_policy = None
    if settings.token_issuer == "external":
        http = httpx.AsyncClient()
        external = ExternalJwks(str(settings.oidc_jwks_url), http)
        external_policy = TokenPolicy(
            issuer=str(settings.oidc_issuer), audience=settings.oidc_audience or settings.audience,
            ttl_seconds=settings.token_ttl_s, leeway_seconds=settings.token_leeway_s,
            algorithms=tuple(settings.oidc_algorithms))
    tokens = TokenService(
        sessions, policy=policy, passphrase=settings.key_encryption_secret.get_secret_value(),
        rotation=timedelta(days=settings.key_rotation_days), refresh_s=settings.key_refresh_s,
        external=external, external_policy=external_policy,
        practice_claim=settings.oidc_practice_claim, roles_claim=settings.oidc_roles_claim)
    buckets: BucketStore = (
        RedisBuckets(settings.redis_url, prefix=f"{settings.redis_prefix}bucket:")
        if settings.redis_url else MemoryBuckets()
    )
    cursors = CursorSealer(settings.key_encryption_secret.get_secret_value(),
                           ttl_s=settings.cursor_ttl_s)
    proxy = Proxy(upstreams, cursors)
    return Gateway(
        settings=settings, engine=engine, sessions=sessions, routes=RouteTable(ROUTES),
        upstreams=upstreams, proxy=proxy, views=Views(proxy), tokens=tokens, buckets=buckets,
        idempotency=IdempotencyStore(engine, timedelta(hours=settings.idempotency_ttl_h),
                                     timedelta(seconds=settings.idempotency_lease_s)),
        audit=AuditWriter(sessions, interval=settings.audit_flush_interval_s,
                          batch=settings.audit_batch_size),
        default_bucket=BucketPolicy(settings.rate_limit_capacity, settings.rate_limit_per_s),
        token_pair_bucket=BucketPolicy(settings.token_rate_limit_capacity,
                                  settings.token_rate_limit_per_s),
        token_ip_bucket=BucketPolicy(settings.token_ip_rate_limit_capacity,
                                     settings.token_ip_rate_limit_per_s),
        http=http, webhooks=build_webhooks(settings, sessions),
        stream=LiveStream(settings) if settings.stream_enabled else None,
        codes=AuthorizationCodes(sessions, tokens, client_id=settings.board_client_id,
                                 redirect_uris=settings.board_redirects,
                                 ttl_s=settings.auth_code_ttl_s),
    )


def build_webhooks(settings: GatewaySettings,
                   sessions: async_sessionmaker[AsyncSession]) -> Webhooks:
    box = SecretBox(settings.key_encryption_secret.get_secret_value())
    urls = UrlPolicy(frozenset(h.lower() for h in settings.webhook_allowed_hosts),
                     allow_loopback=settings.webhook_allow_loopback)
    policy = DeliveryPolicy(
        max_attempts=settings.webhook_max_attempts, backoff_base_s=settings.webhook_backoff_base_s,
        backoff_max_s=settings.webhook_backoff_max_s, disable_after=settings.webhook_disable_after,
        timeout_s=settings.webhook_timeout_s, poll_interval_s=settings.webhook_poll_interval_s,
        batch_size=settings.webhook_batch_size, lease_s=settings.webhook_claim_lease_s)
    return Webhooks(tables=WEBHOOK_TABLES, messaging=MESSAGING_TABLES,
                    subscriptions=WebhookSubscriptions(sessions, WEBHOOK_TABLES, box, urls),
                    worker=DeliveryWorker(sessions, WEBHOOK_TABLES, box, urls, policy))
