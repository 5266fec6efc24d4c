"""Replica processes for the issue-19 tests: start one (tests/foundation/member.py), read the
lines it prints, SIGKILL it. Each child's log goes to a file the failing test names."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path
from typing import BinaryIO

ROOT = Path(__file__).resolve().parents[2]


class Replica:
    def __init__(self, role: str, database_url: str, bootstrap: str, partitions: int,
                 log_path: Path, **env: str) -> None:
        self.args = ["-m", "tests.foundation.member", role, database_url, bootstrap,
                     str(partitions)]
        self.log_path = log_path
        self.env = {**os.environ, **env}
        self.process: asyncio.subprocess.Process | None = None
        self.lines: list[str] = []
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> Replica:
        with self._log() as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, *self.args, cwd=ROOT, env=self.env,
                stdout=asyncio.subprocess.PIPE, stderr=log)
        self._reader = asyncio.create_task(self._read())
        return self

    def _log(self) -> BinaryIO:
        return open(self.log_path, "ab")  # closed by start's with

    async def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        async for line in self.process.stdout:
            self.lines.append(line.decode().strip())

    def latest(self, word: str) -> int:
        """The number of the last ``<word> N`` line it printed (0 before any)."""
        for line in reversed(self.lines):
            if line.startswith(f"{word} "):
                return int(line.split()[1])
        return 0

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)

    async def close(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
        if self.process is not None:
            await self.process.wait()
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)
