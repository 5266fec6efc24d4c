"""In-memory record of what the sandbox clearinghouse received and answered (lost on restart)."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from datetime import datetime
from typing import Any


class Store:
    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.inquiries: list[dict[str, Any]] = []  # every 270, for tests and demos
        self.per_member: Counter[str] = Counter()  # inquiries seen per member id
        self._controls = itertools.count(1)
        self.inbox: dict[str, dict[str, Any]] = {}  # files for the submitter, by id
        self.batches: list[dict[str, Any]] = []  # every 837P batch received
        self._files = itertools.count(1)

    def next_control(self) -> int:
        return next(self._controls)

    def deliver(self, kind: str, text: str, now: datetime) -> dict[str, Any]:
        file_id = f"F{next(self._files):06d}"
        self.inbox[file_id] = {"id": file_id, "kind": kind, "created_at": now.isoformat(),
                               "text": text}
        return self.inbox[file_id]

    def reset(self) -> None:
        self.inquiries.clear()
        self.per_member.clear()
        self.inbox.clear()
        self.batches.clear()
