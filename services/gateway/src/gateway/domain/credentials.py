"""Client secrets and staff passwords: stored only as scrypt hashes (RFC 7914), compared in
constant time. scrypt is memory-hard, in the standard library, and its cost parameters are
kept with each hash so they can be raised later without invalidating stored secrets.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

N, R, P, DKLEN = 2**15, 8, 1, 32
_MAXMEM = 128 * N * R * 2  # scrypt needs 128*N*r bytes; allow twice that


def _b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def _unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def hash_secret(secret: str, *, n: int = N, r: int = R, p: int = P) -> str:
    salt = secrets.token_bytes(16)
    dk = hashlib.scrypt(secret.encode(), salt=salt, n=n, r=r, p=p, dklen=DKLEN,
                        maxmem=128 * n * r * 2)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(dk)}"


def verify_secret(secret: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, dk = stored.split("$")
        if scheme != "scrypt":
            return False
        n_, r_, p_ = int(n), int(r), int(p)
        expected = _unb64(dk)
        got = hashlib.scrypt(secret.encode(), salt=_unb64(salt), n=n_, r=r_, p=p_,
                             dklen=len(expected), maxmem=128 * n_ * r_ * 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


# Verified against when the client id is unknown, so a wrong id takes as long as a wrong
# secret and the token endpoint does not reveal which client ids exist.
DUMMY_HASH = hash_secret("chairside-dummy-secret-for-timing")


def new_secret() -> str:
    return secrets.token_urlsafe(32)
