"""Start and stop the platform's processes: used by ``make run`` and by tests that need real
processes (a service killed and restarted, the gateway with real upstreams)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx


@dataclass
class ServiceProcess:
    """One service as its own OS process: ``python -m <module> serve``."""

    name: str
    module: str
    port: int
    env: dict[str, str] = field(default_factory=dict)
    args: list[str] = field(default_factory=lambda: ["serve"])
    log_path: Path | None = None
    health_path: str = "/readyz"
    python: str = sys.executable  # another venv's interpreter (bench/cost.py: the images' set)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServiceProcess:
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [self.python, "-m", self.module, *self.args],
            env={**os.environ, **self.env}, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopping it stops its children
        )
        return self

    def wait_ready(self, timeout_s: float = 60.0) -> None:
        deadline = time.monotonic() + timeout_s
        last = "no answer"
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}"
                                   f"{self._log_hint()}")
            try:
                r = httpx.get(self.url + self.health_path, timeout=2)
                if r.status_code == 200:
                    return
                last = r.text[:300]
            except httpx.HTTPError as exc:
                last = type(exc).__name__
            time.sleep(0.1)
        raise TimeoutError(f"{self.name} not ready after {timeout_s}s: {last}{self._log_hint()}")

    def _log_hint(self) -> str:
        if self.log_path and self.log_path.exists():
            tail = self.log_path.read_text(errors="replace")[-1500:]
            return f"\n--- {self.log_path} ---\n{tail}"
        return ""

    def stop(self, *, kill: bool = False, timeout_s: float = 10.0) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGKILL if kill else signal.SIGTERM)
            proc.wait(timeout_s)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def _signal(self, signum: int) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signum)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


def stop_all(processes: list[ServiceProcess], timeout_s: float = 10.0) -> None:
    """Stop them together: each gets SIGTERM at once and the same deadline to finish, rather
    than one graceful shutdown after another (seconds each); stragglers are killed."""
    for proc in processes:
        proc._signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    for proc in processes:
        proc.stop(timeout_s=max(0.1, deadline - time.monotonic()))
