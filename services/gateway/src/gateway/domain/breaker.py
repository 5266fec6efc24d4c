"""Circuit breaker per upstream: closed -> open after consecutive failures -> half-open
after a cool-down, letting one probe through -> closed on success, open again on failure.

The clock is passed in, so the state machine is tested without sleeping.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass(frozen=True)
class BreakerPolicy:
    failure_threshold: int = 5
    reset_after: float = 5.0  # seconds open before one probe is let through

    def __post_init__(self) -> None:
        if self.failure_threshold < 1 or self.reset_after <= 0:
            raise ValueError("failure_threshold >= 1 and reset_after > 0")


class CircuitBreaker:
    def __init__(self, policy: BreakerPolicy) -> None:
        self.policy = policy
        self.state = State.CLOSED
        self.failures = 0
        self.opened_at = 0.0
        self._probe_out = False

    def allow(self, now: float) -> bool:
        """Whether a call may go out now. In half-open only one probe is in flight."""
        if self.state is State.OPEN:
            if now - self.opened_at < self.policy.reset_after:
                return False
            self.state = State.HALF_OPEN
            self._probe_out = False
        if self.state is State.HALF_OPEN:
            if self._probe_out:
                return False
            self._probe_out = True
        return True

    def retry_after(self, now: float) -> float:
        """Seconds until the breaker lets a probe through (what Retry-After tells clients)."""
        if self.state is State.CLOSED:
            return 0.0
        return max(0.0, self.policy.reset_after - (now - self.opened_at))

    def record_success(self) -> None:
        self.state = State.CLOSED
        self.failures = 0
        self._probe_out = False

    def record_failure(self, now: float) -> None:
        if self.state is State.HALF_OPEN:
            self._trip(now)
            return
        self.failures += 1
        if self.failures >= self.policy.failure_threshold:
            self._trip(now)

    def _trip(self, now: float) -> None:
        self.state = State.OPEN
        self.opened_at = now
        self.failures = 0
        self._probe_out = False
