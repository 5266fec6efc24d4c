"""Run the sandbox as a real HTTP server (uvicorn, own thread and event loop) on a free port.

Used by this package's tests and by the authorization service's eligibility tests, which must
talk to a real server rather than a patched client.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import FastAPI

from chairside_shared.testing.serve import serving

from .app import create_app
from .config import SandboxConfig


@dataclass
class RunningSandbox:
    base_url: str  # e.g. http://127.0.0.1:54321
    app: FastAPI

    @property
    def x12_url(self) -> str:
        return f"{self.base_url}/x12"

    def set_config(self, config: SandboxConfig) -> None:
        self.app.state.config = config
        self.app.state.store.reset()


@contextmanager
def running_sandbox(config: SandboxConfig | None = None, timeout: float = 10.0
                    ) -> Iterator[RunningSandbox]:
    app = create_app(config)
    with serving(app, name="clearinghouse-sandbox", timeout=timeout) as base_url:
        yield RunningSandbox(base_url=base_url, app=app)
