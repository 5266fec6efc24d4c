"""In-memory record of what the sandbox clearinghouse received and answered (lost on restart)."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from typing import Any


class Store:
    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.inquiries: list[dict[str, Any]] = []  # every 270, for tests and demos
        self.per_member: Counter[str] = Counter()  # inquiries seen per member id
        self._controls = itertools.count(1)

    def next_control(self) -> int:
        return next(self._controls)

    def reset(self) -> None:
        self.inquiries.clear()
        self.per_member.clear()
