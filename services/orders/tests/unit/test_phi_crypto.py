"""Envelope encryption of PHI records, the blind index, and the keys the settings accept."""

from __future__ import annotations

import base64
import os
from datetime import date

import pytest
from pydantic import ValidationError

from orders.adapters.phi_crypto import PhiCipher, Sealed, UnknownKey
from orders.domain.identity import member_key, name_birth_key, normalize_for_index
from orders.settings import DEV_PHI_KEY, OrdersSettings, parse_keyring

A, B, IDX = os.urandom(32), os.urandom(32), os.urandom(32)
DOC = {"family_name": "Okafor", "given_name": "Ada", "member_id": "W123456789"}


def test_seal_open_and_nothing_readable_in_the_sealed_record():
    cipher = PhiCipher({"a": A}, "a", IDX)
    sealed = cipher.seal(DOC, b"row-1")
    assert cipher.open(sealed, b"row-1") == DOC
    for value in DOC.values():
        assert value.encode() not in sealed.payload + sealed.data_key
    # a fresh data key per record: the same document seals differently
    again = cipher.seal(DOC, b"row-1")
    assert again.payload != sealed.payload and again.data_key != sealed.data_key


def test_a_payload_moved_to_another_row_does_not_open():
    cipher = PhiCipher({"a": A}, "a", IDX)
    sealed = cipher.seal(DOC, b"row-1")
    with pytest.raises(UnknownKey):
        cipher.open(sealed, b"row-2")


def test_rotation_rewraps_the_data_key_and_the_old_key_can_go():
    old = PhiCipher({"a": A}, "a", IDX)
    sealed = old.seal(DOC, b"r")
    both = PhiCipher({"a": A, "b": B}, "b", IDX)
    assert both.open(sealed, b"r") == DOC  # old rows still open during the rotation
    key_id, wrapped = both.rewrap(sealed.key_id, sealed.data_key, b"r")
    assert key_id == "b"
    rewrapped = Sealed(key_id, wrapped, sealed.payload)  # the payload is not rewritten
    only_b = PhiCipher({"b": B}, "b", IDX)
    assert only_b.open(rewrapped, b"r") == DOC
    with pytest.raises(UnknownKey):
        only_b.open(sealed, b"r")


def test_blind_index_is_keyed_and_normalized():
    one, other = PhiCipher({"a": A}, "a", IDX), PhiCipher({"a": A}, "a", os.urandom(32))
    k1 = name_birth_key("Núñez-O'Brien", " maría ", date(1980, 2, 29))
    k2 = name_birth_key("NUNEZ OBRIEN", "Maria", date(1980, 2, 29))
    assert k1 == k2 == "NUNEZOBRIEN|MARIA|1980-02-29"
    assert one.index("name-birth", k1) == one.index("name-birth", k2)
    assert one.index("name-birth", k1) != other.index("name-birth", k1)
    assert one.index("name-birth", k1) != one.index("member-id", k1)
    assert "NUNEZ" not in one.index("name-birth", k1)
    assert member_key(" w12-3456 789 ") == member_key("W123456789") == "W123456789"
    assert normalize_for_index("Zoë") == "ZOE"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def test_keyring_settings():
    ring = parse_keyring(f"old:{_b64(A)}, new:{_b64(B)}")
    assert ring == {"old": A, "new": B}
    for bad in ("", "nokey", f"a:{_b64(b'short')}", f"a:{_b64(A)},a:{_b64(B)}", "a:!!"):
        with pytest.raises(ValueError):
            parse_keyring(bad)


def test_current_key_must_be_in_the_ring(monkeypatch):
    monkeypatch.setenv("ORDERS_PHI_KEYS", f"a:{_b64(A)}")
    monkeypatch.setenv("ORDERS_PHI_CURRENT_KEY_ID", "b")
    with pytest.raises(ValidationError, match="phi_current_key_id"):
        OrdersSettings()


PROD = {"environment": "production", "database_url": "postgresql://u@h/db",
        "seed_demo_data": False}


def test_production_refuses_the_embedded_development_keys(monkeypatch):
    with pytest.raises(ValidationError) as err:
        OrdersSettings(**PROD)
    assert {e["loc"][0] for e in err.value.errors()} == {"phi_keys", "phi_index_key"}
    monkeypatch.setenv("ORDERS_PHI_KEYS", f"dev-1:{DEV_PHI_KEY},k2:{_b64(B)}")
    monkeypatch.setenv("ORDERS_PHI_CURRENT_KEY_ID", "k2")
    monkeypatch.setenv("ORDERS_PHI_INDEX_KEY", _b64(IDX))
    with pytest.raises(ValidationError, match="development key"):
        OrdersSettings(**PROD)  # not even as an old key of the ring
    monkeypatch.setenv("ORDERS_PHI_KEYS", f"k2:{_b64(B)}")
    settings = OrdersSettings(**PROD)
    assert settings.phi_keyring == {"k2": B} and settings.phi_index_key_bytes == IDX
    assert _b64(B) not in repr(settings)
    # the embedded default works wherever it is not production
    for name in ("ORDERS_PHI_KEYS", "ORDERS_PHI_CURRENT_KEY_ID", "ORDERS_PHI_INDEX_KEY"):
        monkeypatch.delenv(name)
    assert OrdersSettings().phi_current_key_id == "dev-1"
