"""A key ring reloaded from the table reuses the keys it has (no second decryption of a
private key: ~0.2 s of CPU on the event loop per reload), takes the dates from the rows, and
decrypts only kids it has not seen."""

from datetime import UTC, datetime, timedelta

import pytest

from gateway.adapters.keys import KeyRing, generate_key

PASS = "unit-test-passphrase"
NOW = datetime.now(UTC)
KEY = generate_key(PASS)


def row(key, pem=None, retired=None, until=None):
    return {"kid": key.kid, "private_key_pem": pem or key.private_key_pem,
            "public_jwk": key.public_jwk, "created_at": NOW, "retired_at": retired,
            "verify_until": until}


def test_a_known_kid_is_not_decrypted_again():
    first = KeyRing([row(KEY)], PASS)
    # the stored PEM is not read again: garbage there changes nothing for a known kid
    again = KeyRing([row(KEY, pem=b"not a key")], PASS, previous=first)
    assert again.entries[KEY.kid].private_key is first.entries[KEY.kid].private_key
    with pytest.raises(ValueError):  # without the previous ring it is decrypted (and fails)
        KeyRing([row(KEY, pem=b"not a key")], PASS)


def test_dates_come_from_the_rows_and_new_kids_are_loaded():
    first = KeyRing([row(KEY)], PASS)
    new = generate_key(PASS)
    retired, until = NOW, NOW + timedelta(days=1)
    again = KeyRing([row(KEY, retired=retired, until=until), row(new)], PASS, previous=first)
    old = again.entries[KEY.kid]
    assert (old.retired_at, old.verify_until, old.private_key) == (retired, until, None)
    assert again.entries[new.kid].private_key is not None
    assert again.signing_entry() is not None and again.signing_entry().kid == new.kid
