"""Access-token rules that need no cryptography: which headers are acceptable, what claims a
token carries, and how claims become a Principal. Signatures are checked in adapters/keys.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gateway.domain.principal import Principal, scopes_for_roles


class TokenRejected(Exception):
    """Any reason a bearer token is not accepted; the message is safe to return."""


@dataclass(frozen=True)
class TokenPolicy:
    issuer: str
    audience: str
    ttl_seconds: int = 600
    leeway_seconds: int = 10
    algorithms: tuple[str, ...] = ("RS256",)
    # RFC 9068 access tokens say so in `typ`; requiring it stops an ID token or any other JWT
    # signed by the same keys from being replayed as an access token. None: not checked.
    required_typ: str | None = None

    def __post_init__(self) -> None:
        if not self.algorithms or any(a.upper().startswith("HS") or a.lower() == "none"
                                      for a in self.algorithms):
            # Symmetric algorithms would let anyone holding the *public* key mint tokens
            # (the HS/RS confusion attack); `none` needs no key at all.
            raise ValueError("only asymmetric algorithms may verify access tokens")


# Header parameters that point the verifier at a key chosen by the token's author.
_KEY_INJECTION_HEADERS = ("jku", "jwk", "x5u", "x5c")


def check_header(header: dict[str, Any], policy: TokenPolicy) -> str:
    """Validate the unverified JOSE header; return its `kid`."""
    alg = header.get("alg")
    if not isinstance(alg, str) or alg not in policy.algorithms:
        raise TokenRejected("token algorithm not accepted")
    for name in _KEY_INJECTION_HEADERS:
        if name in header:
            raise TokenRejected("token header names its own key")
    if "crit" in header:
        raise TokenRejected("token has critical header extensions")
    if policy.required_typ is not None:
        typ = str(header.get("typ", "")).lower().removeprefix("application/")
        if typ != policy.required_typ:
            raise TokenRejected("token is not an access token")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise TokenRejected("token has no key id")
    return kid


# NumericDate claims (RFC 7519 §2): JSON integers only. PyJWT converts with int(), so a
# string "9999999999", a boolean or a float would otherwise be accepted. RFC 7519 allows
# fractional seconds; no issuer we support sends them, so they are refused too (documented in
# the README). Bounded to year 9999 so later arithmetic (float(exp)) cannot overflow.
TIME_CLAIMS = ("exp", "nbf", "iat")
MAX_NUMERIC_DATE = 253_402_300_799
STRING_CLAIMS = ("iss", "sub", "jti", "client_id", "azp")


def check_claim_types(claims: dict[str, Any]) -> None:
    """Refuse registered claims of the wrong JSON type instead of coercing them."""
    for name in TIME_CLAIMS:
        value = claims.get(name)
        if value is not None and (type(value) is not int
                                  or not 0 <= value <= MAX_NUMERIC_DATE):
            raise TokenRejected(f"token {name} claim must be an integer NumericDate")
    for name in STRING_CLAIMS:
        value = claims.get(name)
        if value is not None and (not isinstance(value, str) or not value):
            raise TokenRejected(f"token {name} claim must be a non-empty string")
    aud = claims.get("aud")
    if aud is not None and not (isinstance(aud, str) or (
            isinstance(aud, list) and all(isinstance(a, str) for a in aud))):
        raise TokenRejected("token aud claim must be a string or a list of strings")


def _strings(raw: Any, what: str) -> list[str]:
    """A space-separated string or a list of strings (never coerced from other types)."""
    if raw is None:
        return []
    if isinstance(raw, str):
        return raw.split()
    if isinstance(raw, list) and all(isinstance(r, str) for r in raw):
        return raw
    raise TokenRejected(f"token {what} claim is malformed")


def build_claims(
    policy: TokenPolicy,
    *,
    subject: str,
    client_id: str,
    scopes: frozenset[str],
    now: int,
    jti: str,
    practice_id: str | None = None,
    roles: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "iss": policy.issuer,
        "aud": policy.audience,
        "sub": subject,
        "client_id": client_id,
        "iat": now,
        "nbf": now,
        "exp": now + policy.ttl_seconds,
        "jti": jti,
        "scope": " ".join(sorted(scopes)),
    }
    if practice_id is not None:
        claims["practice_id"] = practice_id
    if roles:
        claims["roles"] = sorted(roles)
    return claims


def principal_from_claims(claims: dict[str, Any], *, practice_claim: str = "practice_id",
                          roles_claim: str = "roles") -> Principal:
    """A Principal from verified claims. Scopes come from `scope` (or `scp`) plus those of any
    staff roles, so an external IdP may send either."""
    check_claim_types(claims)
    roles = frozenset(r for r in _strings(claims.get(roles_claim), "roles") if r)
    raw_scope = claims.get("scope", claims.get("scp"))
    scopes = frozenset(s for s in _strings(raw_scope, "scope") if s) | scopes_for_roles(roles)
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        raise TokenRejected("token has no subject")
    client_id = claims.get("client_id", claims.get("azp", sub))
    practice = claims.get(practice_claim)
    if practice is not None and (not isinstance(practice, str) or not practice):
        raise TokenRejected("token practice claim is malformed")
    # A person signed in (built-in `user:<id>`, or an IdP subject carrying staff roles) as
    # opposed to a machine client acting for itself.
    user_id = sub.removeprefix("user:") if sub.startswith("user:") or (
        roles and sub != client_id) else None
    return Principal(
        client_id=client_id,
        scopes=scopes,
        practice_id=practice,
        user_id=user_id,
        roles=roles,
        token_id=claims.get("jti"),
    )
