"""Tokens: issuing (client credentials; password grant for staff through a first-party
client), verifying (built-in key ring or an external OIDC issuer), and key rotation."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.adapters import repository as repo
from gateway.adapters.keys import ExternalJwks, KeyRing, generate_key, verify_builtin
from gateway.adapters.orm import utcnow
from gateway.domain.credentials import DUMMY_HASH, verify_secret
from gateway.domain.principal import Principal, ScopeError, grant_scopes, scopes_for_roles
from gateway.domain.tokens import TokenPolicy, TokenRejected, build_claims, principal_from_claims

log = logging.getLogger("gateway.auth")


@dataclass
class OAuthError(Exception):
    """RFC 6749 §5.2 error; rendered as problem+json carrying `error`/`error_description`."""

    error: str
    description: str
    status: int = 400


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expires_in: int
    scope: str


class TokenService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, policy: TokenPolicy,
                 passphrase: str, rotation: timedelta, refresh_s: float,
                 external: ExternalJwks | None = None, external_policy: TokenPolicy | None = None,
                 practice_claim: str = "practice_id", roles_claim: str = "roles",
                 clock: Callable[[], float] = time.time) -> None:
        self.sessions = sessions
        self.policy = policy
        self.passphrase = passphrase
        self.rotation = rotation
        self.refresh_s = refresh_s
        self.external = external
        self.external_policy = external_policy
        self.practice_claim = practice_claim
        self.roles_claim = roles_claim
        self.clock = clock  # wall clock for the verified-token cache's expiry checks
        self.ring = KeyRing([], passphrase)
        self._loaded_at = float("-inf")
        self._forced_at = float("-inf")
        self._lock = asyncio.Lock()
        # Verified tokens by digest: a client reuses its token for its whole life, so the
        # signature is checked once, not on every request. Expiry is re-checked on each hit.
        self._verified: OrderedDict[bytes, tuple[Principal, float, float]] = OrderedDict()
        self.cache_size = 10_000

    # --- keys

    async def load(self) -> None:
        async with self.sessions() as s:
            rows = await repo.list_keys(s)
        self.ring = KeyRing(rows, self.passphrase, previous=self.ring)
        self._loaded_at = time.monotonic()

    async def ensure_key(self) -> None:
        """At start-up: make a key if there is none, rotate one past its rotation age."""
        await self.load()
        active = self.ring.signing_entry()
        if active is None or utcnow() - active.created_at > self.rotation:
            await self.rotate()

    async def rotate(self) -> str:
        """New signing key now; the previous keys stop signing but stay in the JWKS until every
        token they signed has expired, so no caller sees a failed request."""
        async with self._lock:
            now = utcnow()
            key = await asyncio.to_thread(generate_key, self.passphrase)
            verify_until = now + timedelta(seconds=self.policy.ttl_seconds
                                           + self.policy.leeway_seconds)
            async with self.sessions() as s, s.begin():
                await repo.add_key(s, kid=key.kid, algorithm="RS256",
                                   private_key_pem=key.private_key_pem,
                                   public_jwk=key.public_jwk, created_at=now)
                await repo.retire_keys(s, except_kid=key.kid, at=now, verify_until=verify_until)
                await repo.drop_expired_keys(s, now - timedelta(days=1))
            await self.load()
            log.info("signing key rotated", extra={"kid": key.kid})
            return key.kid

    async def refresh_if_stale(self, force: bool = False) -> None:
        """Other replicas may have rotated: reload now and then, or at once (at most once a
        second) when a token names a key this replica has not seen."""
        now = time.monotonic()
        if force and now - self._forced_at > 1.0:
            # Unknown kids are attacker-controlled: at most one forced reload a second.
            self._forced_at = now
            await self.load()
        elif now - self._loaded_at > self.refresh_s:
            await self.load()

    def jwks(self) -> dict[str, Any]:
        return self.ring.jwks(utcnow()) if self.external is None else {"keys": []}

    # --- verify

    async def authenticate(self, token: str) -> Principal:
        digest = hashlib.sha256(token.encode()).digest()
        hit = self._verified.get(digest)
        now = self.clock()
        leeway = self.policy.leeway_seconds
        if hit is not None:
            principal, nbf, exp = hit
            if nbf - leeway <= now < exp + leeway:
                return principal
            del self._verified[digest]
            raise TokenRejected("token expired" if now >= exp + leeway else
                                "token not yet valid")
        principal, claims = await self._verify(token)
        self._verified[digest] = (principal, float(claims.get("nbf", claims["iat"])),
                                  float(claims["exp"]))
        while len(self._verified) > self.cache_size:
            self._verified.popitem(last=False)
        return principal

    async def _verify(self, token: str) -> tuple[Principal, dict[str, Any]]:
        if self.external is not None:
            claims = await self.external.verify(token, self.external_policy or self.policy)
            return principal_from_claims(claims, practice_claim=self.practice_claim,
                                         roles_claim=self.roles_claim), claims
        await self.refresh_if_stale()
        try:
            claims = verify_builtin(token, self.ring, self.policy, utcnow())
        except TokenRejected as exc:
            if "unknown key" not in str(exc):
                raise
            await self.refresh_if_stale(force=True)
            claims = verify_builtin(token, self.ring, self.policy, utcnow())
        return principal_from_claims(claims), claims

    # --- issue

    async def issue(self, *, grant_type: str, client_id: str | None, client_secret: str | None,
                    scope: str | None, username: str | None = None,
                    password: str | None = None) -> IssuedToken:
        if self.external is not None:
            raise OAuthError("unsupported_grant_type",
                             "tokens are issued by the configured identity provider")
        async with self.sessions() as s:
            client = await repo.get_client(s, client_id) if client_id else None
            user = await repo.get_user(s, username) if username else None
        # Always run one KDF so unknown ids and wrong secrets take the same time.
        secret_ok = await asyncio.to_thread(
            verify_secret, client_secret or "", client.secret_hash if client else DUMMY_HASH)
        if client is None or not client.active or not secret_ok:
            raise OAuthError("invalid_client", "client authentication failed", 401)
        if grant_type == "client_credentials":
            try:
                scopes = grant_scopes(client.scopes, scope)
            except ScopeError as exc:
                raise OAuthError("invalid_scope", str(exc)) from None
            return self._sign(subject=client.client_id, client_id=client.client_id,
                              scopes=scopes, practice_id=client.practice_id)
        if grant_type == "password":
            if not client.allows_password_grant:
                raise OAuthError("unauthorized_client", "this client may not sign users in")
            password_ok = await asyncio.to_thread(
                verify_secret, password or "", user.password_hash if user else DUMMY_HASH)
            if user is None or not user.active or not password_ok:
                raise OAuthError("invalid_grant", "user credentials are not valid")
            try:
                scopes = grant_scopes(scopes_for_roles(user.roles) & client.scopes, scope)
            except ScopeError as exc:
                raise OAuthError("invalid_scope", str(exc)) from None
            return self._sign(subject=f"user:{user.user_id}", client_id=client.client_id,
                              scopes=scopes, practice_id=user.practice_id or client.practice_id,
                              roles=user.roles)
        raise OAuthError("unsupported_grant_type", "grant_type is not supported")

    async def issue_for_user(self, username: str, *, client_id: str,
                             scopes: frozenset[str]) -> IssuedToken:
        """A staff user's token after an authorization code was redeemed; the user must still
        be active (a code outliving a deactivation buys nothing)."""
        async with self.sessions() as s:
            user = await repo.get_user(s, username)
        if user is None or not user.active:
            raise OAuthError("invalid_grant", "the user is no longer active")
        return self._sign(subject=f"user:{user.user_id}", client_id=client_id, scopes=scopes,
                          practice_id=user.practice_id, roles=user.roles)

    def _sign(self, *, subject: str, client_id: str, scopes: frozenset[str],
              practice_id: str | None, roles: frozenset[str] = frozenset()) -> IssuedToken:
        claims = build_claims(self.policy, subject=subject, client_id=client_id, scopes=scopes,
                              now=int(time.time()), jti=str(uuid.uuid4()),
                              practice_id=practice_id, roles=roles)
        return IssuedToken(self.ring.sign(claims), self.policy.ttl_seconds, claims["scope"])


def parse_basic(header: str | None) -> tuple[str, str] | None:
    """client_secret_basic (RFC 6749 §2.3.1), url-decoded as the RFC says."""
    import base64
    from urllib.parse import unquote

    if not header or not header.lower().startswith("basic "):
        return None
    try:
        raw = base64.b64decode(header[6:].strip(), validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    cid, sep, secret = raw.partition(":")
    return (unquote(cid), unquote(secret)) if sep else None
