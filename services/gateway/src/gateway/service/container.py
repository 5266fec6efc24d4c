"""The gateway's long-lived objects, as one container: built once by bootstrap.py, read by
the entrypoints (each request finds it on `app.state.gateway`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from chairside_shared.status import DependencyStatus
from gateway.adapters.ratelimit import BucketStore
from gateway.adapters.upstream import Upstreams
from gateway.domain.ratelimit import BucketPolicy
from gateway.domain.routing import RouteTable
from gateway.service.audit import AuditWriter
from gateway.service.auth import TokenService
from gateway.service.authcode import AuthorizationCodes
from gateway.service.idempotency import IdempotencyStore
from gateway.service.proxy import Proxy
from gateway.service.stream.live import LiveStream
from gateway.service.views import Views
from gateway.service.webhooks import Webhooks
from gateway.settings import GatewaySettings


@dataclass
class Gateway:
    settings: GatewaySettings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    routes: RouteTable
    upstreams: Upstreams
    proxy: Proxy
    views: Views
    tokens: TokenService
    buckets: BucketStore
    idempotency: IdempotencyStore
    audit: AuditWriter
    default_bucket: BucketPolicy
    token_pair_bucket: BucketPolicy
    token_ip_bucket: BucketPolicy
    codes: AuthorizationCodes | None = None  # the built-in issuer's authorization codes
    client_buckets: dict[str, BucketPolicy] = field(default_factory=dict)
    http: httpx.AsyncClient | None = None  # for the external JWKS
    stream: LiveStream | None = None  # GET /v1/stream (None: stream_enabled is off)
    booted: asyncio.Event = field(default_factory=asyncio.Event)
    boot_error: str | None = None
    db_status: DependencyStatus = field(default_factory=lambda: DependencyStatus("database"))
    webhooks: Webhooks | None = None
    tasks: list[asyncio.Task[None]] = field(default_factory=list)  # consumer, delivery worker

    def bucket_for(self, client_id: str) -> BucketPolicy:
        return self.client_buckets.get(client_id, self.default_bucket)

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        if self.webhooks is not None:
            await self.webhooks.worker.close()
        if self.stream is not None:
            await self.stream.stop()
        await self.audit.stop()
        await self.upstreams.close()
        await self.buckets.close()
        if self.http is not None:
            await self.http.aclose()
        await self.engine.dispose()
