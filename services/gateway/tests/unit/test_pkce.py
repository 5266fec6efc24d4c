"""PKCE (RFC 7636 S256) and the authorization request's checks."""

import base64
import hashlib

import pytest

from gateway.domain import pkce

VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"  # RFC 7636 appendix B


def test_s256_matches_the_rfc_example():
    assert pkce.s256(VERIFIER) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


@pytest.mark.parametrize("verifier, ok", [
    (VERIFIER, True),
    (VERIFIER[:-1] + "Y", False),           # another verifier
    (VERIFIER[:42], False),                  # too short (43 minimum)
    ("a" * 129, False),                      # too long
    (VERIFIER[:-1] + "+", False),            # outside the unreserved set
])
def test_verify_accepts_only_the_matching_well_formed_verifier(verifier, ok):
    challenge = pkce.s256(VERIFIER)
    assert pkce.verify(verifier, challenge) is ok


def test_a_long_verifier_with_its_own_challenge_is_accepted():
    v = "A1-._~" * 21  # 126 characters
    digest = base64.urlsafe_b64encode(hashlib.sha256(v.encode()).digest()).rstrip(b"=").decode()
    assert pkce.verify(v, digest)


BASE = {"response_type": "code", "client_id": "board", "redirect_uri": "http://x/board/",
        "state": "s1", "code_challenge": pkce.s256(VERIFIER), "code_challenge_method": "S256"}


@pytest.mark.parametrize("change, error, redirect", [
    ({"client_id": "other"}, "invalid_request", False),
    ({"redirect_uri": "http://x/board/evil"}, "invalid_request", False),
    ({"response_type": "token"}, "unsupported_response_type", True),
    ({"code_challenge_method": "plain"}, "invalid_request", True),
    ({"code_challenge": "short"}, "invalid_request", True),
    ({"state": ""}, "invalid_request", True),
])
def test_bad_authorization_requests(change, error, redirect):
    with pytest.raises(pkce.AuthorizeError) as exc:
        pkce.check_authorize({**BASE, **change}, client_id="board",
                             redirect_uris=frozenset({"http://x/board/"}))
    assert (exc.value.error, exc.value.redirect) == (error, redirect)


def test_a_good_request_passes():
    pkce.check_authorize(BASE, client_id="board", redirect_uris=frozenset({"http://x/board/"}))
