"""Access-token verification against the usual JWT attacks, one row per attack."""

import base64
import hashlib
import hmac
import json
import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gateway.adapters.keys import KeyRing, generate_key, verify_builtin
from gateway.domain.principal import PARTNER_SCOPES
from gateway.domain.tokens import (
    TokenPolicy,
    TokenRejected,
    build_claims,
    principal_from_claims,
)

PASS = "unit-test-passphrase"
POLICY = TokenPolicy(issuer="https://gw.test", audience="chairside-api", ttl_seconds=600,
                     leeway_seconds=5, required_typ="at+jwt")
NOW = datetime.now(UTC)


def _row(key, created, retired=None, verify_until=None):
    return {"kid": key.kid, "private_key_pem": key.private_key_pem, "public_jwk": key.public_jwk,
            "created_at": created, "retired_at": retired, "verify_until": verify_until}


KEY = generate_key(PASS)
RING = KeyRing([_row(KEY, NOW)], PASS)
PRIVATE = serialization.load_pem_private_key(KEY.private_key_pem, PASS.encode())
PUBLIC_PEM = PRIVATE.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def claims(**over):
    c = build_claims(POLICY, subject="demo-partner", client_id="demo-partner",
                     scopes=PARTNER_SCOPES, now=int(time.time()), jti="j1", practice_id="prac-a")
    c.update(over)
    return {k: v for k, v in c.items() if v is not None}


def rs256(c=None, key=PRIVATE, headers=None):
    return jwt.encode(c or claims(), key, algorithm="RS256",
                      headers={"kid": KEY.kid, "typ": "at+jwt", **(headers or {})})


def _b64(obj):
    raw = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def hand_made(header, c, secret=None):
    """A token built by hand, as an attacker would (PyJWT refuses to make most of these)."""
    signing_input = f"{_b64(header)}.{_b64(c)}"
    sig = b""
    if secret is not None:
        sig = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(sig)}"


def tamper_payload(token):
    h, _, s = token.split(".")
    return f"{h}.{_b64(claims(scope='admin'))}.{s}"


def tamper_signature(token):
    h, p, s = token.split(".")
    raw = bytearray(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)))
    raw[10] ^= 0x01
    return f"{h}.{p}.{_b64(bytes(raw))}"


OTHER_RSA = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())


def _now():
    """Read the clock when the token is made: the module is imported minutes before it runs."""
    return int(time.time())


ATTACKS = [
    ("alg none", lambda: hand_made({"alg": "none", "kid": KEY.kid}, claims())),
    ("alg None (case)", lambda: hand_made({"alg": "None", "kid": KEY.kid}, claims())),
    ("HS256 with the public key PEM as secret (HS/RS confusion)",
     lambda: hand_made({"alg": "HS256", "kid": KEY.kid}, claims(), PUBLIC_PEM)),
    ("HS256 with the JWK modulus as secret",
     lambda: hand_made({"alg": "HS256", "kid": KEY.kid}, claims(), KEY.public_jwk["n"].encode())),
    ("signed by another RSA key under our kid", lambda: rs256(key=OTHER_RSA)),
    ("ES256 (algorithm not accepted)",
     lambda: jwt.encode(claims(), EC_KEY, algorithm="ES256",
                        headers={"kid": KEY.kid, "typ": "at+jwt"})),
    ("PS256 with our own key (algorithm not accepted)",
     lambda: jwt.encode(claims(), PRIVATE, algorithm="PS256",
                        headers={"kid": KEY.kid, "typ": "at+jwt"})),
    ("wrong issuer", lambda: rs256(claims(iss="https://evil.test"))),
    ("wrong audience", lambda: rs256(claims(aud="other-api"))),
    ("no audience", lambda: rs256(claims(aud=None))),
    ("expired", lambda: rs256(claims(iat=_now() - 3600, nbf=_now() - 3600, exp=_now() - 60))),
    ("not yet valid", lambda: rs256(claims(nbf=_now() + 300, exp=_now() + 900))),
    ("no expiry", lambda: rs256(claims(exp=None))),
    ("tampered payload (scope widened)", lambda: tamper_payload(rs256())),
    ("tampered signature", lambda: tamper_signature(rs256())),
    ("unknown kid", lambda: jwt.encode(claims(), PRIVATE, algorithm="RS256",
                                       headers={"kid": "nope", "typ": "at+jwt"})),
    ("our key, but an ID token (typ JWT), not an access token",
     lambda: rs256(headers={"typ": "JWT"})),
    ("no kid", lambda: jwt.encode(claims(), PRIVATE, algorithm="RS256",
                                  headers={"typ": "at+jwt"})),
    ("embedded jwk header", lambda: rs256(headers={"jwk": {"kty": "RSA"}})),
    ("jku header", lambda: rs256(headers={"jku": "https://evil.test/jwks"})),
    ("garbage", lambda: "not-a-token"),
    # Claim types: PyJWT int()s the times, so these used to be accepted.
    ("exp a numeric string", lambda: rs256(claims(exp=str(_now() + 600)))),
    ("exp a string far in the future", lambda: rs256(claims(exp="9999999999"))),
    ("nbf a string", lambda: rs256(claims(nbf=str(_now())))),
    ("iat a string", lambda: rs256(claims(iat=str(_now())))),
    ("nbf a boolean", lambda: rs256(claims(nbf=True))),
    ("iat a boolean", lambda: rs256(claims(iat=True))),
    ("exp a float", lambda: rs256(claims(exp=_now() + 600.5))),
    ("exp past year 9999", lambda: rs256(claims(exp=10 ** 20))),
    ("client_id a number", lambda: rs256(claims(client_id=7))),
    ("jti a number", lambda: rs256(claims(jti=7))),
    ("empty signature", lambda: ".".join(rs256().split(".")[:2]) + "."),
]


@pytest.mark.parametrize("name,make", ATTACKS, ids=[a[0] for a in ATTACKS])
def test_attack_is_rejected(name, make):
    with pytest.raises(TokenRejected):
        verify_builtin(make(), RING, POLICY, NOW)


@pytest.mark.parametrize("name,reason", [
    ("alg none", "algorithm"), ("HS256 with the public key PEM as secret (HS/RS confusion)",
                                "algorithm"),
    ("wrong issuer", "issuer"), ("wrong audience", "audience"), ("expired", "expired"),
    ("not yet valid", "not yet valid"), ("tampered signature", "signature"),
    ("unknown kid", "unknown key"), ("no kid", "key id"), ("jku header", "names its own key"),
    ("exp a numeric string", "exp claim must be an integer"),
    ("nbf a boolean", "nbf claim must be an integer"),
    ("our key, but an ID token (typ JWT), not an access token", "not an access token"),
])
def test_attack_is_rejected_for_the_right_reason(name, reason):
    make = dict(ATTACKS)[name]
    with pytest.raises(TokenRejected, match=reason):
        verify_builtin(make(), RING, POLICY, NOW)


def test_valid_token_is_accepted_and_maps_to_a_bound_principal():
    assert verify_builtin(RING.sign(claims()), RING, POLICY, NOW)["sub"] == "demo-partner"
    verified = verify_builtin(rs256(), RING, POLICY, NOW)
    p = principal_from_claims(verified)
    assert p.client_id == "demo-partner" and p.practice_id == "prac-a"
    assert p.scopes == PARTNER_SCOPES and p.user_id is None


def test_ring_signs_with_newest_active_key_and_verifies_retired_until_expiry():
    new = generate_key(PASS)
    old_token = RING.sign(claims())
    until = NOW + timedelta(seconds=POLICY.ttl_seconds + POLICY.leeway_seconds)
    ring = KeyRing([_row(KEY, NOW - timedelta(days=1), NOW, until), _row(new, NOW)], PASS)
    new_token = ring.sign(claims())
    assert jwt.get_unverified_header(new_token)["kid"] == new.kid
    assert verify_builtin(old_token, ring, POLICY, NOW)["sub"] == "demo-partner"
    assert {k["kid"] for k in ring.jwks(NOW)["keys"]} == {KEY.kid, new.kid}
    later = until + timedelta(seconds=1)
    with pytest.raises(TokenRejected):
        verify_builtin(old_token, ring, POLICY, later)
    assert [k["kid"] for k in ring.jwks(later)["keys"]] == [new.kid]


def test_jwks_publishes_public_parts_only():
    jwks = RING.jwks(NOW)
    (key,) = jwks["keys"]
    assert set(key) == {"kty", "n", "e", "kid", "use", "alg"}
    assert key["alg"] == "RS256" and key["use"] == "sig"


@pytest.mark.parametrize("algs", [("HS256",), ("none",), ("RS256", "HS512"), ()])
def test_policy_refuses_symmetric_or_none_algorithms(algs):
    with pytest.raises(ValueError):
        TokenPolicy(issuer="i", audience="a", algorithms=algs)


@pytest.mark.parametrize(
    "extra,scopes,user,roles",
    [
        ({"sub": "user:u1", "roles": ["scheduler"], "scope": ""}, {"schedule:write"}, "u1",
         {"scheduler"}),
        ({"sub": "idp-123", "roles": "biller", "scope": None, "client_id": "fe"},
         {"billing:write"}, "idp-123", {"biller"}),
        ({"sub": "svc", "scp": ["orders:read"], "scope": None, "client_id": "svc"},
         {"orders:read"}, None, set()),
    ],
)
def test_principal_from_claims_roles_and_scopes(extra, scopes, user, roles):
    c = {k: v for k, v in {**claims(practice_id=None), **extra}.items() if v is not None}
    c.pop("practice_id", None)
    p = principal_from_claims(c)
    assert scopes <= p.scopes and p.user_id == user and p.roles == roles
    assert p.practice_id is None


@pytest.mark.parametrize("bad", [{"roles": 5}, {"scope": 7}, {"practice_id": ""}, {"sub": ""},
                                 {"roles": ["clinician", 1]}, {"scope": None, "scp": [7]},
                                 {"client_id": 7}, {"azp": ["x"], "client_id": None},
                                 {"exp": "9999999999"}, {"iat": 1.5}, {"nbf": False},
                                 {"aud": ["chairside-api", 3]}])
def test_principal_from_malformed_claims_is_rejected(bad):
    with pytest.raises(TokenRejected):
        principal_from_claims({k: v for k, v in {**claims(), **bad}.items() if v is not None})


def _segments(token):
    out = []
    for seg in token.split("."):
        try:
            out.append(base64.urlsafe_b64decode(seg + "=" * (-len(seg) % 4)))
        except (ValueError, TypeError):
            out.append(None)
    return out


VALID = rs256()
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."


@settings(max_examples=300, deadline=None)
@given(position=st.integers(0, len(VALID) - 1), char=st.sampled_from(ALPHABET))
def test_any_one_character_change_is_rejected(position, char):
    mutated = VALID[:position] + char + VALID[position + 1:]
    # Changing only the unused low bits of a segment's last base64 character decodes to the
    # same bytes: that is the same token, not a tampered one.
    assume(mutated != VALID and _segments(mutated) != _segments(VALID))
    with pytest.raises(TokenRejected):
        verify_builtin(mutated, RING, POLICY, NOW)
