"""Which upstream calls are retried, and how long to wait between attempts."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.domain.routing import IDEMPOTENT_METHODS

# Statuses that say "the service could not handle it now" rather than "the request is wrong".
RETRYABLE_STATUSES = frozenset({502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3  # total tries, first included
    backoff: float = 0.05  # seconds before the 2nd try; doubles after
    max_backoff: float = 0.5

    def __post_init__(self) -> None:
        if self.attempts < 1 or self.backoff < 0 or self.max_backoff < 0:
            raise ValueError("attempts >= 1 and non-negative backoff")

    def may_retry(self, method: str, attempt: int, status: int | None) -> bool:
        """`attempt` is the 1-based try that just failed; `status` None means no response
        (connection refused, reset or timed out). Only idempotent methods are ever retried:
        a POST that timed out may have been applied, and repeating it could book twice."""
        if method.upper() not in IDEMPOTENT_METHODS or attempt >= self.attempts:
            return False
        return status is None or status in RETRYABLE_STATUSES

    def delay(self, attempt: int) -> float:
        return min(self.max_backoff, self.backoff * 2.0 ** (attempt - 1))


def is_failure(status: int | None) -> bool:
    """What counts against the circuit breaker: no answer, or a 5xx gateway-type status.
    A 500 is a bug in one request, not a sign that the service is down."""
    return status is None or status in RETRYABLE_STATUSES
