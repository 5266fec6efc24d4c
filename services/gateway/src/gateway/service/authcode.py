"""The built-in issuer's authorization-code flow with PKCE, for the board (a public client: it
has no secret, the code_verifier proves the code is redeemed by whoever asked for it).

Staff sign in on the demo login form, which exists only in development settings; production
deployments sign staff in at their external OIDC issuer instead."""

from __future__ import annotations

import asyncio
import secrets
from datetime import timedelta

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.adapters import repository as repo
from gateway.adapters.orm import oauth_codes, utcnow
from gateway.domain import pkce
from gateway.domain.credentials import DUMMY_HASH, verify_secret
from gateway.domain.principal import ALL_SCOPES, format_scopes, parse_scopes, scopes_for_roles
from gateway.service.auth import IssuedToken, OAuthError, TokenService

# What the board reads; a token for it never carries write scopes, whatever the user's roles.
BOARD_SCOPES = frozenset({"schedule:read", "orders:read", "patients:read",
                          "authorizations:read", "billing:read"})


class SignInFailed(Exception):
    """Wrong username or password on the demo login form."""


class AuthorizationCodes:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], tokens: TokenService, *,
                 client_id: str, redirect_uris: frozenset[str], ttl_s: int) -> None:
        self.sessions = sessions
        self.tokens = tokens
        self.client_id = client_id
        self.redirect_uris = redirect_uris
        self.ttl = timedelta(seconds=ttl_s)

    def check(self, params: dict[str, str]) -> None:
        pkce.check_authorize(params, client_id=self.client_id, redirect_uris=self.redirect_uris)

    async def sign_in(self, params: dict[str, str], username: str, password: str) -> str:
        """Check the staff user's password; return a new one-time code for `params`."""
        async with self.sessions() as s:
            user = await repo.get_user(s, username) if username else None
        ok = await asyncio.to_thread(verify_secret, password,
                                     user.password_hash if user else DUMMY_HASH)
        if user is None or not user.active or not ok:
            raise SignInFailed
        # The user's share of what the page asks for (RFC 6749 §3.3: the token's `scope` says
        # what was granted); unknown scopes are an error, scopes the role lacks are left out.
        asked = parse_scopes(params.get("scope")) or BOARD_SCOPES
        if unknown := asked - ALL_SCOPES:
            raise pkce.AuthorizeError("invalid_scope", f"unknown scope: {min(unknown)}",
                                      redirect=True)
        scopes = asked & BOARD_SCOPES & scopes_for_roles(user.roles)
        if not scopes:
            raise pkce.AuthorizeError("access_denied", "this user may read none of the scopes "
                                      "asked for", redirect=True)
        code = secrets.token_urlsafe(32)
        async with self.sessions() as s, s.begin():
            await s.execute(insert(oauth_codes).values(
                code_digest=pkce.code_digest(code), client_id=self.client_id,
                redirect_uri=params["redirect_uri"], code_challenge=params["code_challenge"],
                username=user.username, scopes=format_scopes(scopes),
                expires_at=utcnow() + self.ttl, used_at=None))
        return code

    async def exchange(self, *, code: str, verifier: str, client_id: str | None,
                       redirect_uri: str | None) -> IssuedToken:
        """Redeem a code once (RFC 6749 §4.1.3, RFC 7636 §4.6)."""
        if client_id != self.client_id:
            raise OAuthError("invalid_client", "unknown public client", 401)
        digest = pkce.code_digest(code)
        now = utcnow()
        async with self.sessions() as s, s.begin():
            row = (await s.execute(select(oauth_codes).where(
                oauth_codes.c.code_digest == digest))).mappings().first()
            # Spent before anything else is checked: a code is tried once, right or wrong.
            spent = await s.execute(update(oauth_codes).where(and_(
                oauth_codes.c.code_digest == digest, oauth_codes.c.used_at.is_(None)
            )).values(used_at=now))
        if row is None or spent.rowcount != 1:  # type: ignore[attr-defined]
            raise OAuthError("invalid_grant", "the code is unknown or was already used")
        if row["expires_at"] <= now:
            raise OAuthError("invalid_grant", "the code has expired")
        if row["client_id"] != client_id or row["redirect_uri"] != redirect_uri:
            raise OAuthError("invalid_grant", "redirect_uri does not match the request's")
        if not pkce.verify(verifier, row["code_challenge"]):
            raise OAuthError("invalid_grant", "code_verifier does not match the challenge")
        return await self.tokens.issue_for_user(row["username"], client_id=client_id,
                                                scopes=parse_scopes(row["scopes"]))

    async def purge(self) -> None:
        async with self.sessions() as s, s.begin():
            await s.execute(delete(oauth_codes).where(oauth_codes.c.expires_at < utcnow()))
