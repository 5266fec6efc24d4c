"""List cursors that are opaque and bound to the caller they were given to.

A service's `next_cursor` is often a plain resource id (scheduling's is the last appointment
id of the page). Passed through, it shows a partner ids of records the gateway filtered out
of its page, and lets anyone replay or hand-craft cursors. So every upstream cursor leaves the
gateway sealed with AES-GCM under a key derived from the gateway's secret:

    base64url( version 0x01 | 12-byte nonce | AES-GCM(issued-at (8 bytes) | upstream cursor) )

with the caller's client id, practice, user and the list route as associated data. Nothing
about the binding is stored in the token, yet a cursor presented by another client, practice,
user or list, or changed in any bit, fails authentication; so does one older than its TTL.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = b"\x01"
_NONCE, _STAMP, _TAG = 12, 8, 16
# Public cursors may be 500 characters (PageQuery): a sealed cursor of an upstream cursor up
# to this many bytes fits.
MAX_UPSTREAM_CURSOR = 300
CLOCK_SKEW_S = 60  # replicas' clocks may differ a little


class CursorRejected(ValueError):
    """The cursor was not issued to this caller for this list, was altered, or expired."""


@dataclass(frozen=True)
class Binding:
    client_id: str
    practice_id: str | None
    user_id: str | None
    route: str  # "GET /v1/appointments"

    def associated_data(self) -> bytes:
        # JSON, so no choice of ids can make two different bindings encode alike.
        return VERSION + json.dumps(
            [self.client_id, self.practice_id, self.user_id, self.route]).encode()


class CursorSealer:
    def __init__(self, secret: str, *, ttl_s: float,
                 clock: Callable[[], float] = time.time) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"chairside gateway list cursors v1").derive(secret.encode())
        self._aead = AESGCM(key)
        self.ttl_s = ttl_s
        self.clock = clock

    def seal(self, upstream_cursor: str, binding: Binding) -> str:
        raw = upstream_cursor.encode()
        if len(raw) > MAX_UPSTREAM_CURSOR:
            raise ValueError("upstream cursor too long to seal")
        nonce = os.urandom(_NONCE)
        stamp = int(self.clock()).to_bytes(_STAMP, "big")
        sealed = self._aead.encrypt(nonce, stamp + raw, binding.associated_data())
        return _encode(VERSION + nonce + sealed)

    def open(self, token: str, binding: Binding) -> str:
        """The upstream cursor inside `token`, or CursorRejected."""
        try:
            blob = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError):
            raise CursorRejected("not a cursor this caller was given") from None
        # The decoder skips stray characters and ignores a last character's spare bits: only
        # the one canonical spelling of a sealed cursor is accepted.
        canonical = _encode(blob) == token
        if not canonical or len(blob) < 1 + _NONCE + _STAMP + _TAG or blob[:1] != VERSION:
            raise CursorRejected("not a cursor this caller was given")
        nonce, sealed = blob[1:1 + _NONCE], blob[1 + _NONCE:]
        try:
            plain = self._aead.decrypt(nonce, sealed, binding.associated_data())
        except InvalidTag:
            raise CursorRejected("not a cursor this caller was given") from None
        issued = int.from_bytes(plain[:_STAMP], "big")
        now = self.clock()
        if not issued - CLOCK_SKEW_S <= now <= issued + self.ttl_s:
            raise CursorRejected("expired; start the list again")
        try:
            return plain[_STAMP:].decode()
        except UnicodeDecodeError:  # only we seal, and only text: unreachable
            raise CursorRejected("not a cursor this caller was given") from None


def _encode(blob: bytes) -> str:
    return base64.urlsafe_b64encode(blob).decode().rstrip("=")
