"""When the clearinghouse worker runs next: the set interval while the clearinghouse answers;
after failures an exponential backoff (base * 2^(failures-1), capped at ``maximum``) with "full
jitter" between half and all of it, so many clinics do not retry in step."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class PollSchedule:
    interval_s: float
    base_s: float = 1.0
    maximum_s: float = 300.0
    jitter: Callable[[], float] = field(default=random.random)  # [0, 1)
    failures: int = 0

    def succeeded(self) -> float:
        self.failures = 0
        return self.interval_s

    def failed(self) -> float:
        self.failures += 1
        delay = min(self.maximum_s, self.base_s * 2 ** min(self.failures - 1, 30))
        return delay * (0.5 + self.jitter() / 2)
