"""Token bucket: `capacity` tokens, refilled continuously at `rate` per second.

Pure arithmetic on (tokens, last refill time); the in-memory and Redis stores both apply
exactly this rule (the Redis one in a Lua script with the same formula), so the unit and
property tests here pin down the behaviour of both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class BucketPolicy:
    capacity: float  # burst size
    rate: float  # tokens per second

    def __post_init__(self) -> None:
        if self.capacity < 1 or self.rate <= 0:
            raise ValueError("a bucket needs capacity >= 1 and a positive rate")


@dataclass(frozen=True)
class BucketState:
    tokens: float
    updated_at: float  # seconds (monotonic or epoch: the caller keeps to one clock)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    remaining: int
    retry_after: float  # seconds until `cost` tokens are available again (0 when allowed)
    level: float = 0.0  # tokens left, unrounded (a cost-0 take reads the bucket)


def full(policy: BucketPolicy, now: float) -> BucketState:
    return BucketState(policy.capacity, now)


def take(
    policy: BucketPolicy, state: BucketState | None, now: float, cost: float = 1.0
) -> tuple[Decision, BucketState]:
    """Try to spend `cost` tokens at time `now`; return the decision and the new state."""
    if state is None:
        state = full(policy, now)
    # A clock that went backwards (another host, NTP step) refills nothing rather than
    # draining or overfilling the bucket.
    elapsed = max(0.0, now - state.updated_at)
    tokens = min(policy.capacity, state.tokens + elapsed * policy.rate)
    stamp = max(now, state.updated_at)
    if cost <= tokens:
        tokens -= cost
        return Decision(True, math.floor(tokens), 0.0, tokens), BucketState(tokens, stamp)
    wait = (cost - tokens) / policy.rate
    return Decision(False, math.floor(tokens), wait, tokens), BucketState(tokens, stamp)


def retry_after_header(seconds: float) -> str:
    """Retry-After is whole seconds (RFC 9110 §10.2.3); never 0 for a refused request."""
    return str(max(1, math.ceil(seconds)))
