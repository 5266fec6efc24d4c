"""Orders settings: every variable carries the ``ORDERS_`` prefix."""

from __future__ import annotations

import base64
import binascii

from pydantic import Field, ValidationInfo, field_validator

from chairside_shared.settings import ServiceSettings, service_config

# Embedded development keys for `make run` and the tests: public, so production refuses them.
DEV_PHI_KEY_ID = "dev-1"
DEV_PHI_KEY = "xYE/gp4eD4q4PCfEOpX1zoPTRAM4/n6js78qAfXNQtk="
DEV_PHI_INDEX_KEY = "KXVBo/az7q/PMZGFAtHp/K56RJD2mfnVhxnNhevrdf8="
KEY_BYTES = 32  # AES-256 key-encryption keys; a 256-bit HMAC key


def _key(text: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"{what} is not base64") from None
    if len(raw) != KEY_BYTES:
        raise ValueError(f"{what} must be {KEY_BYTES} bytes (base64 of 32 random bytes), "
                         f"not {len(raw)}")
    return raw


def parse_keyring(text: str) -> dict[str, bytes]:
    """``"key-id:base64,key-id:base64"`` -> {key id: 32-byte key}."""
    ring: dict[str, bytes] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        key_id, sep, value = item.partition(":")
        key_id = key_id.strip()
        if not sep or not key_id or len(key_id) > 32:
            raise ValueError("write the keyring as key-id:base64key, separated by commas "
                             "(key ids up to 32 characters)")
        if key_id in ring:
            raise ValueError(f"key id {key_id!r} appears twice")
        ring[key_id] = _key(value, f"key {key_id!r}")
    if not ring:
        raise ValueError("the keyring holds no key")
    return ring


class OrdersSettings(ServiceSettings):
    """Orders: patients, drug catalog, protocols, orders, safety checks and the administration
    record."""

    model_config = service_config("ORDERS_")

    service_name: str = "orders"
    port: int = 8001

    # PHI at rest: every demographic or coverage record has its own random data key (AES-GCM),
    # wrapped by a key-encryption key from this keyring. New writes wrap with the current key;
    # every key still in the ring unwraps. Rotate: add a key, make it current, run
    # `python -m orders rotate-phi-keys`, then drop the old key (services/orders/README.md).
    phi_keys: str = Field(f"{DEV_PHI_KEY_ID}:{DEV_PHI_KEY}", repr=False)
    phi_current_key_id: str = DEV_PHI_KEY_ID
    # HMAC-SHA256 key of the blind index (lookups by name + birth date, by member id).
    phi_index_key: str = Field(DEV_PHI_INDEX_KEY, repr=False)
    phi_rotate_batch_size: int = Field(500, ge=1, le=10_000)
    # Cost of one ED visit for GET /v1/reports/ed-avoided; unset = the unverified placeholder
    # of seed/outcomes.json (reports.ed_visit_cost_usd). Set the clinic's own figure.
    ed_visit_cost_usd: int | None = Field(None, ge=0, le=1_000_000)

    @field_validator("phi_keys")
    @classmethod
    def _keyring(cls, value: str, info: ValidationInfo) -> str:
        ring = parse_keyring(value)
        if info.data.get("environment") == "production" and any(
                k == base64.b64decode(DEV_PHI_KEY) for k in ring.values()):
            raise ValueError("the embedded development key is public: production needs keys "
                             "of its own")
        return value

    @field_validator("phi_current_key_id")
    @classmethod
    def _current_in_ring(cls, value: str, info: ValidationInfo) -> str:
        keys = info.data.get("phi_keys")
        if keys is not None and value not in parse_keyring(keys):
            raise ValueError("names no key of ORDERS_PHI_KEYS")
        return value

    @field_validator("phi_index_key")
    @classmethod
    def _index_key(cls, value: str, info: ValidationInfo) -> str:
        raw = _key(value, "the blind-index key")
        if info.data.get("environment") == "production" and raw == base64.b64decode(
                DEV_PHI_INDEX_KEY):
            raise ValueError("the embedded development key is public: production needs a key "
                             "of its own")
        return value

    @property
    def phi_keyring(self) -> dict[str, bytes]:
        return parse_keyring(self.phi_keys)

    @property
    def phi_index_key_bytes(self) -> bytes:
        return _key(self.phi_index_key, "the blind-index key")
