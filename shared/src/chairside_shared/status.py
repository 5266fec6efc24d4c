"""Reachability of a dependency (database, broker) as seen by the running service."""

from __future__ import annotations

import threading


class DependencyStatus:
    """Tracks up/down; ``down()`` answers True only on a change, so failures log one line."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.ok = False
        self.detail = "not checked yet"
        self._lock = threading.Lock()

    def up(self) -> bool:
        with self._lock:
            changed = not self.ok
            self.ok, self.detail = True, "ok"
            return changed

    def down(self, detail: str) -> bool:
        with self._lock:
            changed = self.ok or self.detail == "not checked yet"
            self.ok, self.detail = False, detail
            return changed
