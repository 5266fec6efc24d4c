"""Signing keys and token signatures (PyJWT on `cryptography`).

The built-in issuer signs with RSA (RS256). Private keys are kept encrypted at rest; a key
ring holds the newest key for signing and every key whose tokens may still be alive for
verification, so a rotation never invalidates a token that was valid a second before.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from chairside_shared import inputs
from gateway.adapters.upstream import MAX_UPSTREAM_DEPTH
from gateway.domain.tokens import TokenPolicy, TokenRejected, check_claim_types, check_header

ALGORITHM = "RS256"
REQUIRED_CLAIMS = ["exp", "iat", "nbf", "iss", "aud", "sub"]


def _b64u(n: int) -> str:
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def public_jwk(public_key: rsa.RSAPublicKey) -> dict[str, str]:
    nums = public_key.public_numbers()
    jwk = {"e": _b64u(nums.e), "kty": "RSA", "n": _b64u(nums.n)}
    # RFC 7638 thumbprint as the key id: stable, and derived from the key itself.
    canonical = json.dumps(jwk, separators=(",", ":"), sort_keys=True).encode()
    kid = base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).decode().rstrip("=")
    return {**jwk, "kid": kid, "use": "sig", "alg": ALGORITHM}


@dataclass(frozen=True)
class NewKey:
    kid: str
    private_key_pem: bytes
    public_jwk: dict[str, str]


def generate_key(passphrase: str) -> NewKey:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )
    jwk = public_jwk(key.public_key())
    return NewKey(jwk["kid"], pem, jwk)


@dataclass
class KeyEntry:
    kid: str
    public_key: Any
    jwk: dict[str, str]
    created_at: datetime
    retired_at: datetime | None
    verify_until: datetime | None
    private_key: Any | None = None


class KeyRing:
    """Keys loaded from the signing_keys table (rows as dicts)."""

    def __init__(self, rows: list[dict[str, Any]], passphrase: str,
                 previous: KeyRing | None = None) -> None:
        """``previous``: the ring this one replaces. Its keys are reused: a kid is the
        thumbprint of its key, so its material never changes, and decrypting a private key
        (the passphrase's key derivation) takes ~0.2 s of CPU on the event loop, which every
        reload (each replica, every key_refresh_s) used to spend again, stalling the requests
        in flight (bench/network_load.py's profile). Dates are taken from the rows."""
        self.entries: dict[str, KeyEntry] = {}
        known = previous.entries if previous is not None else {}
        for row in rows:
            jwk = dict(row["public_jwk"])
            old = known.get(row["kid"])
            if old is not None and old.jwk != jwk:
                old = None  # not the key this ring held under that kid: load it anew
            entry = KeyEntry(
                kid=row["kid"],
                public_key=(old.public_key if old is not None
                            else jwt.PyJWK(jwk, algorithm=ALGORITHM).key),
                jwk=jwk,
                created_at=row["created_at"],
                retired_at=row["retired_at"],
                verify_until=row["verify_until"],
            )
            if row["retired_at"] is None:
                entry.private_key = old.private_key if old is not None else None
                if entry.private_key is None:
                    entry.private_key = serialization.load_pem_private_key(
                        row["private_key_pem"], password=passphrase.encode())
            self.entries[entry.kid] = entry

    def signing_entry(self) -> KeyEntry | None:
        active = [e for e in self.entries.values() if e.private_key is not None]
        return max(active, key=lambda e: e.created_at) if active else None

    def verifying(self, now: datetime) -> list[KeyEntry]:
        return [e for e in self.entries.values()
                if e.verify_until is None or e.verify_until > now]

    def jwks(self, now: datetime) -> dict[str, list[dict[str, str]]]:
        return {"keys": [e.jwk for e in sorted(self.verifying(now), key=lambda e: e.created_at)]}

    def sign(self, claims: dict[str, Any]) -> str:
        entry = self.signing_entry()
        if entry is None or entry.private_key is None:
            raise RuntimeError("no active signing key")
        return jwt.encode(claims, entry.private_key, algorithm=ALGORITHM,
                          headers={"kid": entry.kid, "typ": "at+jwt"})

    def key_for(self, kid: str, now: datetime) -> Any | None:
        entry = self.entries.get(kid)
        if entry is None or (entry.verify_until is not None and entry.verify_until <= now):
            return None
        return entry.public_key


def decode(token: str, key: Any, policy: TokenPolicy, algorithm: str) -> dict[str, Any]:
    """Verify signature and registered claims. `algorithm` is the one the header named, already
    checked against the policy; passing only it stops algorithm substitution."""
    try:
        claims = jwt.decode(
            token, key, algorithms=[algorithm], audience=policy.audience,
            issuer=policy.issuer, leeway=policy.leeway_seconds,
            options={"require": REQUIRED_CLAIMS, "verify_signature": True},
        )
        check_claim_types(claims)  # PyJWT int()s the times: "9999999999" would pass
        return claims
    except jwt.ExpiredSignatureError:
        raise TokenRejected("token expired") from None
    except jwt.ImmatureSignatureError:
        raise TokenRejected("token not yet valid") from None
    except jwt.InvalidAudienceError:
        raise TokenRejected("token audience not accepted") from None
    except jwt.InvalidIssuerError:
        raise TokenRejected("token issuer not accepted") from None
    except jwt.InvalidSignatureError:
        raise TokenRejected("token signature invalid") from None
    except jwt.MissingRequiredClaimError as exc:
        raise TokenRejected(f"token lacks the {exc.claim} claim") from None
    except jwt.PyJWTError:
        raise TokenRejected("token invalid") from None


def _refuse_deep_segments(token: str) -> None:
    """PyJWT parses the header (before any signature check) and the payload with json.loads:
    a bearer token nested a few thousand levels deep would crash it with RecursionError."""
    for segment in token.split(".", 2)[:2]:
        try:
            text = inputs.json_text(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
        except ValueError:  # not base64 or not text: PyJWT refuses it as malformed
            continue
        if inputs.json_exceeds(text):
            raise TokenRejected("token malformed")


def unverified_header(token: str) -> dict[str, Any]:
    _refuse_deep_segments(token)
    try:
        return jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise TokenRejected("token malformed") from None


def verify_builtin(token: str, ring: KeyRing, policy: TokenPolicy, now: datetime
                   ) -> dict[str, Any]:
    header = unverified_header(token)
    kid = check_header(header, policy)
    key = ring.key_for(kid, now)
    if key is None:
        raise TokenRejected("token signed by an unknown key")
    return decode(token, key, policy, header["alg"])


class ExternalJwks:
    """An external OIDC issuer's JWKS, fetched over HTTP and cached; refetched when a token
    names a key id we have not seen (the IdP rotated), at most once per `min_refresh_s`."""

    def __init__(self, url: str, client: httpx.AsyncClient, *, min_refresh_s: float = 1.0,
                 max_age_s: float = 3600.0) -> None:
        self.url = url
        self.client = client
        self.min_refresh_s = min_refresh_s
        self.max_age_s = max_age_s
        self._keys: dict[str, tuple[jwt.PyJWK, str | None, str]] = {}
        self._fetched = float("-inf")
        self._lock = asyncio.Lock()

    async def _refresh(self) -> None:
        async with self._lock:
            if time.monotonic() - self._fetched < self.min_refresh_s and self._keys:
                return
            try:
                resp = await self.client.get(self.url, timeout=5.0)
                resp.raise_for_status()
                doc = inputs.parse_json(resp.content, max_depth=MAX_UPSTREAM_DEPTH)
            except (httpx.HTTPError, ValueError):
                raise TokenRejected("identity provider keys unavailable") from None
            keys = doc.get("keys") if isinstance(doc, dict) else None
            if not isinstance(keys, list):
                raise TokenRejected("identity provider keys unavailable")
            parsed: dict[str, tuple[jwt.PyJWK, str | None, str]] = {}
            for jwk in keys:
                if not isinstance(jwk, dict):
                    continue
                kid = jwk.get("kid")
                if not isinstance(kid, str) or not kid or jwk.get("use", "sig") != "sig":
                    continue
                try:
                    parsed[kid] = (jwt.PyJWK(jwk), jwk.get("alg"), str(jwk.get("kty")))
                except jwt.PyJWTError:
                    continue  # a key type we cannot use: skip it, keep the rest
            self._keys = parsed
            self._fetched = time.monotonic()

    async def key(self, kid: str, alg: str) -> Any:
        stale = time.monotonic() - self._fetched > self.max_age_s
        if kid not in self._keys or stale:
            await self._refresh()
        found = self._keys.get(kid)
        if found is None:
            raise TokenRejected("token signed by an unknown key")
        jwk, declared_alg, kty = found
        # The key decides the algorithm, never the token: an RSA key verifies only RS/PS, an
        # EC key only ES, and a key that declares its `alg` only that one.
        family_ok = (kty == "RSA" and alg[:2] in ("RS", "PS")) or (kty == "EC" and alg[:2] == "ES")
        if not family_ok or (declared_alg and declared_alg != alg):
            raise TokenRejected("token algorithm does not match its key")
        return jwk.key

    async def verify(self, token: str, policy: TokenPolicy) -> dict[str, Any]:
        header = unverified_header(token)
        kid = check_header(header, policy)
        key = await self.key(kid, header["alg"])
        return decode(token, key, policy, header["alg"])
