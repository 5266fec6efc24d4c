"""Envelope encryption of PHI records, and the blind index that finds them.

Each record (one patient's demographics, one coverage version) is sealed with its own random
256-bit data key under AES-GCM; the data key is wrapped (AES-GCM again) by a key-encryption
key (KEK) from the settings' keyring, named by ``key_id`` on the row. Both encryptions bind
the record's identity as associated data, so a sealed payload copied onto another row does
not open. Rotation rewraps data keys only: payloads are never rewritten.

The blind index is HMAC-SHA256 under a key of its own over a normalized text
(``orders.domain.identity``): equal inputs give equal tags, and nothing about the input can
be read back from a tag without the key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


@dataclass(frozen=True)
class Sealed:
    key_id: str
    data_key: bytes  # nonce + the data key wrapped by the KEK named key_id (+ tag)
    payload: bytes  # nonce + the record encrypted with the data key (+ tag)


class UnknownKey(Exception):
    """A row is wrapped by a key the keyring no longer holds (rotate before removing it)."""


class PhiCipher:
    def __init__(self, keyring: dict[str, bytes], current_key_id: str, index_key: bytes):
        if current_key_id not in keyring:
            raise ValueError("the current key id names no key of the keyring")
        self._keys = {kid: AESGCM(key) for kid, key in keyring.items()}
        self.current_key_id = current_key_id
        self.key_ids = frozenset(keyring)
        self._index_key = index_key

    # ------------------------------------------------------------------ envelope
    def seal(self, document: dict[str, Any], aad: bytes) -> Sealed:
        data_key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(NONCE_BYTES)
        plaintext = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
        payload = nonce + AESGCM(data_key).encrypt(nonce, plaintext, aad)
        return Sealed(self.current_key_id, self._wrap(self.current_key_id, data_key, aad),
                      payload)

    def open(self, sealed: Sealed, aad: bytes) -> dict[str, Any]:
        data_key = self._unwrap(sealed.key_id, sealed.data_key, aad)
        nonce, body = sealed.payload[:NONCE_BYTES], sealed.payload[NONCE_BYTES:]
        document: dict[str, Any] = json.loads(AESGCM(data_key).decrypt(nonce, body, aad))
        return document

    def rewrap(self, key_id: str, wrapped: bytes, aad: bytes) -> tuple[str, bytes]:
        """The same data key, wrapped by the current KEK."""
        data_key = self._unwrap(key_id, wrapped, aad)
        return self.current_key_id, self._wrap(self.current_key_id, data_key, aad)

    def _wrap(self, key_id: str, data_key: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._keys[key_id].encrypt(nonce, data_key, b"dek|" + key_id.encode()
                                                  + b"|" + aad)

    def _unwrap(self, key_id: str, wrapped: bytes, aad: bytes) -> bytes:
        kek = self._keys.get(key_id)
        if kek is None:
            raise UnknownKey(f"no key {key_id!r} in the keyring")
        nonce, body = wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:]
        try:
            return kek.decrypt(nonce, body, b"dek|" + key_id.encode() + b"|" + aad)
        except InvalidTag:
            raise UnknownKey(f"key {key_id!r} does not open this record") from None

    # ------------------------------------------------------------------ blind index
    def index(self, kind: str, normalized: str) -> str:
        message = kind.encode() + b"\x00" + normalized.encode()
        return hmac.new(self._index_key, message, hashlib.sha256).hexdigest()


def demographics_aad(patient_id: object) -> bytes:
    return f"orders/patient_demographics/{patient_id}".encode()


def coverage_aad(coverage_id: object, version: int) -> bytes:
    return f"orders/coverage_versions/{coverage_id}/{version}".encode()


def order_payer_aad(order_id: object) -> bytes:
    return f"orders/orders/{order_id}/payer".encode()


def escort_aad(order_id: object) -> bytes:
    return f"orders/visit_escorts/{order_id}".encode()
