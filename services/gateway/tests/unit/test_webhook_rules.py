"""Webhook rules: Standard Webhooks signatures (the spec's own test vector), the URL guard,
backoff, tenant matching and what a delivery carries."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from chairside_shared.contracts.registry import CONTRACTS
from gateway.domain import webhooks as rules
from gateway.domain.principal import ALL_SCOPES, PARTNER_SCOPES

# From the standard-webhooks repository's Python library tests (test_sign_function).
SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SPEC_TS = 1614265330
SPEC_BODY = '{"test": 2432232314}'
SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_signature_matches_the_spec_test_vector():
    assert rules.sign(SPEC_SECRET, SPEC_ID, SPEC_TS, SPEC_BODY) == SPEC_SIGNATURE
    assert rules.sign(SPEC_SECRET, SPEC_ID, SPEC_TS, SPEC_BODY.encode()) == SPEC_SIGNATURE
    # one byte changed anywhere changes the signature
    assert rules.sign(SPEC_SECRET, SPEC_ID, SPEC_TS + 1, SPEC_BODY) != SPEC_SIGNATURE
    assert rules.sign(SPEC_SECRET, SPEC_ID, SPEC_TS, SPEC_BODY + " ") != SPEC_SIGNATURE


def test_new_secrets_are_whsec_base64_of_32_random_bytes():
    a, b = rules.new_secret(), rules.new_secret()
    assert a != b and a.startswith("whsec_")
    assert len(base64.b64decode(a.removeprefix("whsec_"))) == 32


def test_signed_headers_verify_with_the_documented_formula():
    secret = rules.new_secret()
    body = b'{"id":"e1"}'
    h = rules.signed_headers(secret, "msg_1", 1700000000, body)
    key = base64.b64decode(secret.split("_", 1)[1])
    expected = base64.b64encode(hmac.new(key, b"msg_1.1700000000." + body,
                                         hashlib.sha256).digest()).decode()
    assert h["webhook-signature"] == f"v1,{expected}"
    assert (h["webhook-id"], h["webhook-timestamp"]) == ("msg_1", "1700000000")


PROD = rules.UrlPolicy(frozenset({"hooks.partner.example", "*.neuro.example"}))
DEV = rules.UrlPolicy(frozenset(), allow_loopback=True)


@pytest.mark.parametrize("url,policy,refusal", [
    ("https://hooks.partner.example/in", PROD, None),
    ("http://hooks.partner.example:8443/in?x=1", PROD, None),
    ("https://a.b.neuro.example/x", PROD, None),
    ("https://neuro.example.evil.example/x", PROD, "not on the allowed list"),
    ("https://other.example/in", PROD, "not on the allowed list"),
    ("ftp://hooks.partner.example/in", PROD, "only http and https"),
    ("file:///etc/passwd", PROD, "only http and https"),
    ("javascript:alert(1)", PROD, "only http and https"),
    ("https://user:pw@hooks.partner.example/in", PROD, "credentials"),
    ("https://user@hooks.partner.example/in", PROD, "credentials"),
    ("http://127.0.0.1:9000/in", PROD, "loopback"),
    ("http://localhost:9000/in", PROD, "loopback"),
    ("http://[::1]:9000/in", PROD, "loopback"),
    ("http://10.0.0.5/in", PROD, "private"),
    ("http://192.168.1.1/in", PROD, "private"),
    ("http://169.254.169.254/latest/meta-data", PROD, "private"),
    ("http://0.0.0.0/in", PROD, "private"),
    ("http://[fd00::1]/in", PROD, "private"),
    ("http://127.0.0.1:9000/in", DEV, None),
    ("http://localhost:9000/in", DEV, None),
    ("http://10.0.0.5/in", DEV, "private"),
    ("https:///nohost", PROD, "no host"),
    ("http://hooks.partner.example:99999/", PROD, "not a valid URL"),
])
def test_url_guard(url, policy, refusal):
    if refusal is None:
        assert rules.check_url(url, policy) == url
    else:
        with pytest.raises(rules.WebhookRuleError, match=refusal) as exc:
            rules.check_url(url, policy)
        assert exc.value.field == "url"


def test_backoff_doubles_then_caps():
    assert [rules.backoff_s(n, 5, 60) for n in range(1, 7)] == [5, 10, 20, 40, 60, 60]


def test_after_attempt_dead_letters_at_the_last_attempt_and_disables_on_streaks():
    ok = rules.after_attempt(ok=True, attempts=3, max_attempts=3, consecutive_failures=0,
                             disable_after=2)
    assert (ok.status, ok.disable) == ("delivered", False)
    retry = rules.after_attempt(ok=False, attempts=2, max_attempts=3, consecutive_failures=1,
                                disable_after=2)
    assert (retry.status, retry.disable) == ("pending", False)
    dead = rules.after_attempt(ok=False, attempts=3, max_attempts=3, consecutive_failures=2,
                               disable_after=2)
    assert (dead.status, dead.disable) == ("dead", True)


@pytest.mark.parametrize("event_type", sorted(CONTRACTS))
def test_partners_get_only_their_practice_and_never_a_practiceless_event(event_type):
    sub = {"sub_types": [event_type], "event_type": event_type}
    assert rules.receives(sub_practice="p-a", event_practice="p-a", **sub)
    assert not rules.receives(sub_practice="p-a", event_practice="p-b", **sub)
    assert not rules.receives(sub_practice="p-a", event_practice=None, **sub)
    assert rules.receives(sub_practice=None, event_practice="p-b", **sub)  # the center's own
    assert not rules.receives(sub_practice="p-a", sub_types=[], event_type=event_type,
                              event_practice="p-a")


def test_every_registered_event_type_maps_to_a_scope_partners_can_hold():
    for event_type in CONTRACTS:
        assert rules.scope_for(event_type) in PARTNER_SCOPES, event_type
    rules.check_event_types(sorted(CONTRACTS), CONTRACTS, ALL_SCOPES)
    with pytest.raises(rules.WebhookRuleError, match="unknown"):
        rules.check_event_types(["order.exploded"], CONTRACTS, ALL_SCOPES)
    with pytest.raises(rules.WebhookRuleError, match="billing:read"):
        rules.check_event_types(["claim.paid"], CONTRACTS, frozenset({"orders:read"}))
    with pytest.raises(rules.WebhookRuleError, match="at least one"):
        rules.check_event_types([], CONTRACTS, ALL_SCOPES)


def test_delivery_body_keeps_ids_and_states_only():
    body = rules.delivery_body(
        event_id="e1", event_type="claim.paid", occurred_at="2026-01-01T00:00:00+00:00",
        practice_id="p-a",
        payload={"claim_id": "c1", "order_id": "o1", "practice_id": "p-a", "status": "paid",
                 "paid_amount": 1200, "denial_reasons": ["CO-45"], "member_id": "M123",
                 "reason": "free text", "lines": [{"hcpcs": "J3032"}]})
    assert body == {"id": "e1", "type": "claim.paid", "occurred_at": "2026-01-01T00:00:00+00:00",
                    "practice_id": "p-a",
                    "data": {"claim_id": "c1", "order_id": "o1", "practice_id": "p-a",
                             "status": "paid"}}
