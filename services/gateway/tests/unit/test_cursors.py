"""Sealed list cursors: opaque, bound to the caller and the list, tamper-evident, expiring."""

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.adapters.cursors import MAX_UPSTREAM_CURSOR, Binding, CursorRejected, CursorSealer

UPSTREAM = "7d0c2b1e-5a7f-4f43-9d2b-3c8e2f6a9b10"
PARTNER = Binding("demo-partner", "demo-partner", None, "GET /v1/appointments")


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def sealer(clock=None, secret="unit-test-secret"):
    return CursorSealer(secret, ttl_s=3600, clock=clock or Clock())


def test_a_sealed_cursor_opens_for_its_caller_and_shows_nothing_of_what_it_holds():
    s = sealer()
    token = s.seal(UPSTREAM, PARTNER)
    assert s.open(token, PARTNER) == UPSTREAM
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert UPSTREAM not in token and UPSTREAM.encode() not in raw
    assert s.seal(UPSTREAM, PARTNER) != token  # a fresh nonce every time


@pytest.mark.parametrize("other", [
    Binding("partner-b", "practice-b", None, "GET /v1/appointments"),  # another practice
    Binding("demo-partner", "practice-b", None, "GET /v1/appointments"),
    Binding("demo-admin", None, None, "GET /v1/appointments"),  # another client
    Binding("demo-partner", "demo-partner", "u1", "GET /v1/appointments"),  # a user
    Binding("demo-partner", "demo-partner", None, "GET /v1/orders"),  # another list
])
def test_a_cursor_presented_by_anyone_else_or_on_another_list_is_refused(other):
    s = sealer()
    with pytest.raises(CursorRejected, match="not a cursor this caller was given"):
        s.open(s.seal(UPSTREAM, PARTNER), other)


def test_another_gateway_secret_cannot_open_it():
    with pytest.raises(CursorRejected):
        sealer(secret="another-secret").open(sealer().seal(UPSTREAM, PARTNER), PARTNER)


@pytest.mark.parametrize("forged", [
    UPSTREAM, "", "a", "!!!!", "AQ", "AQ" * 40, base64.urlsafe_b64encode(b"\x02" + b"0" * 60)
    .decode().rstrip("="),
])
def test_forged_cursors_are_refused(forged):
    with pytest.raises(CursorRejected):
        sealer().open(forged, PARTNER)


TOKEN = sealer().seal(UPSTREAM, PARTNER)
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/!"


@settings(max_examples=300, deadline=None)
@given(position=st.integers(0, len(TOKEN)), char=st.sampled_from(ALPHABET),
       insert=st.booleans())
def test_any_changed_or_inserted_character_is_refused(position, char, insert):
    tampered = TOKEN[:position] + char + TOKEN[position + (0 if insert else 1):]
    if tampered == TOKEN:
        return
    s = sealer()
    with pytest.raises(CursorRejected):
        s.open(tampered, PARTNER)


def test_cursors_expire_and_a_far_future_one_is_refused():
    clock = Clock()
    s = sealer(clock)
    token = s.seal(UPSTREAM, PARTNER)
    clock.now += 3600
    assert s.open(token, PARTNER) == UPSTREAM
    clock.now += 1
    with pytest.raises(CursorRejected, match="expired"):
        s.open(token, PARTNER)
    clock.now -= 3601 + 120  # sealed "two minutes in the future" by a replica's clock
    with pytest.raises(CursorRejected):
        s.open(token, PARTNER)


def test_sealed_cursors_fit_the_public_length_and_longer_ones_are_not_sealed():
    assert len(sealer().seal("x" * MAX_UPSTREAM_CURSOR, PARTNER)) <= 500
    with pytest.raises(ValueError):
        sealer().seal("x" * (MAX_UPSTREAM_CURSOR + 1), PARTNER)


def test_every_paged_route_publishes_the_sealed_cursor():
    """A route whose query takes a cursor is paged: the gateway seals its cursors, so its
    public parameter must be the sealed one (differences.py), bounded for the edge check."""
    from gateway.entrypoints.api import public
    from gateway.entrypoints.api.differences import PUBLIC_CURSOR
    from gateway.entrypoints.api.table import ROUTES
    from gateway.entrypoints.api.validation import UPSTREAMS

    paged = [r for r in ROUTES if r.upstream in UPSTREAMS and r.query is not None
             and "cursor" in r.query.model_fields]
    assert len(paged) >= 8
    unsealed = [f"{r.method} {r.path}" for r in paged
                if (p := public.cursor_parameter(r)) is None
                or p.schema.get("maxLength") != PUBLIC_CURSOR["maxLength"]]
    assert unsealed == []
