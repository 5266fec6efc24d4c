"""PKCE (RFC 7636) and the authorization request's rules: pure checks, no I/O.

Only S256 is accepted: `plain` would hand the code's protection to anyone who saw the
authorization request."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

# RFC 7636 §4.1: 43-128 characters of [A-Z a-z 0-9 - . _ ~].
_VERIFIER = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
# base64url of a SHA-256 digest without padding: exactly 43 characters.
_CHALLENGE = re.compile(r"^[A-Za-z0-9\-_]{43}$")


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def valid_challenge(challenge: str) -> bool:
    return bool(_CHALLENGE.match(challenge))


def verify(verifier: str, challenge: str) -> bool:
    """True when `verifier` is well formed and hashes to `challenge` (constant-time compare)."""
    if not _VERIFIER.match(verifier):
        return False
    return hmac.compare_digest(s256(verifier), challenge)


def code_digest(code: str) -> str:
    """Codes are stored as digests: a read of the table yields nothing to redeem."""
    return hashlib.sha256(code.encode()).hexdigest()


class AuthorizeError(Exception):
    """An authorization request that cannot go on. `redirect` False: the client or redirect URI
    is not trusted, so the error is shown to the user, never sent to the URI (RFC 6749
    §4.1.2.1); True: the error is sent back to the client's redirect URI."""

    def __init__(self, error: str, description: str, *, redirect: bool) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.redirect = redirect


def check_authorize(params: dict[str, str], *, client_id: str,
                    redirect_uris: frozenset[str]) -> None:
    """Validate an authorization request for the one public client; raise AuthorizeError."""
    if params.get("client_id") != client_id:
        raise AuthorizeError("invalid_request", "client_id: unknown client", redirect=False)
    if params.get("redirect_uri") not in redirect_uris:
        raise AuthorizeError("invalid_request",
                             "redirect_uri: not registered for this client", redirect=False)
    if params.get("response_type") != "code":
        raise AuthorizeError("unsupported_response_type", "response_type: must be code",
                             redirect=True)
    if params.get("code_challenge_method") != "S256":
        raise AuthorizeError("invalid_request", "code_challenge_method: must be S256",
                             redirect=True)
    if not valid_challenge(params.get("code_challenge", "")):
        raise AuthorizeError("invalid_request",
                             "code_challenge: must be the base64url SHA-256 of the verifier",
                             redirect=True)
    if not params.get("state") or len(params["state"]) > 500:
        raise AuthorizeError("invalid_request", "state: required, at most 500 characters",
                             redirect=True)
