"""Pure rules: token bucket, circuit breaker, retry policy, idempotency, credentials."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.domain import breaker as br
from gateway.domain import idempotency as idem
from gateway.domain.credentials import hash_secret, verify_secret
from gateway.domain.ratelimit import BucketPolicy, BucketState, retry_after_header, take
from gateway.domain.retry import RetryPolicy, is_failure

# --- token bucket


def test_bucket_allows_a_burst_of_capacity_then_refuses_with_wait():
    policy = BucketPolicy(capacity=3, rate=1.0)
    state = None
    for i in range(3):
        d, state = take(policy, state, now=100.0)
        assert d.allowed and d.remaining == 2 - i
    d, state = take(policy, state, now=100.0)
    assert not d.allowed and d.retry_after == pytest.approx(1.0)
    d, state = take(policy, state, now=100.5)
    assert not d.allowed and d.retry_after == pytest.approx(0.5)
    d, _ = take(policy, state, now=101.0)
    assert d.allowed


def test_a_cost_zero_take_reads_the_level_without_spending():
    policy = BucketPolicy(capacity=2, rate=1.0)
    _, state = take(policy, None, now=0.0)
    peek, after = take(policy, state, now=0.25, cost=0)
    assert peek.allowed and peek.level == pytest.approx(1.25) and after.tokens == peek.level


def test_bucket_never_refills_above_capacity_nor_on_clock_going_back():
    policy = BucketPolicy(capacity=2, rate=10.0)
    d, s = take(policy, BucketState(0.0, 50.0), now=1000.0)
    assert d.allowed and s.tokens == pytest.approx(1.0)
    d, s2 = take(policy, BucketState(0.0, 50.0), now=40.0)  # clock stepped back
    assert not d.allowed and s2.tokens == 0.0 and s2.updated_at == 50.0


@pytest.mark.parametrize("bad", [(0, 1), (1, 0), (1, -1)])
def test_bucket_policy_refuses_nonsense(bad):
    with pytest.raises(ValueError):
        BucketPolicy(*bad)


@pytest.mark.parametrize(
    "secs,header", [(0.01, "1"), (1.0, "1"), (1.2, "2"), (0, "1"), (59.9, "60")]
)
def test_retry_after_is_whole_seconds_never_zero(secs, header):
    assert retry_after_header(secs) == header


@settings(max_examples=200)
@given(
    capacity=st.integers(1, 50),
    rate=st.floats(0.1, 50),
    gaps=st.lists(st.floats(0, 5), min_size=1, max_size=60),
)
def test_bucket_never_admits_more_than_capacity_plus_refill(capacity, rate, gaps):
    policy = BucketPolicy(capacity, rate)
    state, now, admitted = None, 0.0, 0
    for gap in gaps:
        now += gap
        d, state = take(policy, state, now)
        admitted += d.allowed
        assert 0 <= state.tokens <= capacity
        if not d.allowed:
            assert d.retry_after > 0
    assert admitted <= capacity + rate * now + 1e-6


# --- circuit breaker


def test_breaker_opens_after_threshold_probes_after_reset_and_closes_on_success():
    b = br.CircuitBreaker(br.BreakerPolicy(failure_threshold=3, reset_after=10))
    for _ in range(2):
        assert b.allow(0)
        b.record_failure(0)
    assert b.state is br.State.CLOSED
    b.record_failure(1)
    assert b.state is br.State.OPEN and not b.allow(5)
    assert b.retry_after(5) == pytest.approx(6)
    assert b.allow(11) and b.state is br.State.HALF_OPEN
    assert not b.allow(11)  # one probe at a time
    b.record_success()
    assert b.state is br.State.CLOSED and b.allow(11)


def test_breaker_failed_probe_reopens_for_a_full_period():
    b = br.CircuitBreaker(br.BreakerPolicy(failure_threshold=1, reset_after=10))
    b.record_failure(0)
    assert b.allow(10)
    b.record_failure(10)
    assert b.state is br.State.OPEN and not b.allow(19) and b.allow(20)


def test_breaker_success_resets_the_consecutive_count():
    b = br.CircuitBreaker(br.BreakerPolicy(failure_threshold=2, reset_after=1))
    b.record_failure(0)
    b.record_success()
    b.record_failure(0)
    assert b.state is br.State.CLOSED


@given(st.lists(st.tuples(st.booleans(), st.floats(0, 3)), max_size=80))
def test_breaker_open_never_lets_calls_through_before_reset(events):
    policy = br.BreakerPolicy(failure_threshold=2, reset_after=5)
    b, now = br.CircuitBreaker(policy), 0.0
    for ok, gap in events:
        now += gap
        was_open = b.state is br.State.OPEN
        allowed = b.allow(now)
        if was_open and now - b.opened_at < policy.reset_after:
            assert not allowed
        if allowed:
            b.record_success() if ok else b.record_failure(now)


# --- retry policy

RETRY = RetryPolicy(attempts=3, backoff=0.1, max_backoff=0.3)


@pytest.mark.parametrize(
    "method,attempt,status,expected",
    [
        ("GET", 1, None, True),  # connection refused
        ("GET", 1, 503, True),
        ("GET", 1, 502, True),
        ("GET", 1, 504, True),
        ("GET", 1, 500, False),  # a bug, not an outage
        ("GET", 1, 404, False),
        ("GET", 3, None, False),  # attempts used up
        ("PUT", 1, 503, True),
        ("DELETE", 2, None, True),
        ("POST", 1, None, False),  # may have been applied: never repeated
        ("POST", 1, 503, False),
        ("PATCH", 1, None, False),
    ],
)
def test_retry_only_idempotent_calls_on_outage_statuses(method, attempt, status, expected):
    assert RETRY.may_retry(method, attempt, status) is expected


def test_retry_backoff_doubles_and_is_capped():
    assert [RETRY.delay(a) for a in (1, 2, 3, 4)] == pytest.approx([0.1, 0.2, 0.3, 0.3])


@pytest.mark.parametrize("status,failure", [(None, True), (503, True), (200, False),
                                            (404, False), (500, False), (409, False)])
def test_what_counts_against_the_breaker(status, failure):
    assert is_failure(status) is failure


# --- idempotency

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _rec(fp="a", status=idem.Status.COMPLETE, expires=NOW + timedelta(hours=1)):
    return idem.Record("c", "k", fp, status, expires, 201, {}, b"{}")


@pytest.mark.parametrize(
    "existing,fp,outcome",
    [
        (None, "a", idem.Outcome.PROCEED),
        (_rec(), "a", idem.Outcome.REPLAY),
        (_rec(), "b", idem.Outcome.MISMATCH),
        (_rec(status=idem.Status.IN_PROGRESS), "a", idem.Outcome.IN_FLIGHT),
        (_rec(status=idem.Status.IN_PROGRESS), "b", idem.Outcome.MISMATCH),
        (_rec(expires=NOW), "b", idem.Outcome.PROCEED),  # expired: key free again
    ],
)
def test_idempotency_decisions(existing, fp, outcome):
    assert idem.decide(existing, fp, NOW) is outcome


LEASE = timedelta(seconds=60)


@pytest.mark.parametrize(
    "created,fp,outcome",
    [
        (NOW - timedelta(seconds=59), "a", idem.Outcome.IN_FLIGHT),  # may still be running
        (NOW - LEASE, "a", idem.Outcome.PROCEED),  # its replica died: the retry takes over
        (NOW - LEASE, "b", idem.Outcome.MISMATCH),  # another request never takes it over
    ],
)
def test_an_in_progress_key_past_its_lease_was_abandoned(created, fp, outcome):
    held = replace(_rec(status=idem.Status.IN_PROGRESS), created_at=created)
    assert idem.decide(held, fp, NOW, LEASE) is outcome
    # without a lease (or a record from before created_at was read) it stays in flight
    assert idem.decide(held, "a", NOW) is idem.Outcome.IN_FLIGHT


def test_fingerprint_covers_method_path_query_type_and_body():
    base = idem.fingerprint("POST", "/v1/orders", "", "application/json", b'{"a":1}')
    assert base == idem.fingerprint("post", "/v1/orders", "", "application/json; charset=utf-8",
                                    b'{"a":1}')
    for other in [
        idem.fingerprint("POST", "/v1/orders", "", "application/json", b'{"a":2}'),
        idem.fingerprint("POST", "/v1/patients", "", "application/json", b'{"a":1}'),
        idem.fingerprint("POST", "/v1/orders", "apply=true", "application/json", b'{"a":1}'),
        idem.fingerprint("POST", "/v1/orders", "", "text/plain", b'{"a":1}'),
    ]:
        assert other != base


@pytest.mark.parametrize("key,ok", [("abc", True), ("x" * 255, True), ("", False),
                                    ("x" * 256, False), ("has space", False), ("é", False)])
def test_idempotency_key_format(key, ok):
    if ok:
        assert idem.validate_key(key) == key
    else:
        with pytest.raises(idem.InvalidIdempotencyKey):
            idem.validate_key(key)


@pytest.mark.parametrize("status,stored", [(200, True), (201, True), (409, True), (422, True),
                                           (500, False), (503, False)])
def test_only_final_answers_are_stored(status, stored):
    assert idem.storable(status) is stored


# --- credentials


def test_secret_hash_is_salted_scrypt_and_verifies_in_constant_time_compare():
    h1, h2 = hash_secret("s3cret"), hash_secret("s3cret")
    assert h1.startswith("scrypt$") and h1 != h2 and "s3cret" not in h1
    assert verify_secret("s3cret", h1) and verify_secret("s3cret", h2)
    assert not verify_secret("s3cret!", h1)


@pytest.mark.parametrize("stored", ["", "plain", "bcrypt$x$y", "scrypt$a$b$c$d$e",
                                    "scrypt$16384$8$1$!!$!!"])
def test_malformed_stored_hash_never_verifies(stored):
    assert not verify_secret("anything", stored)
