"""Run the sandbox as a real HTTP server (uvicorn, own thread and event loop) on a free port.

Used by this package's tests and by the authorization service's eligibility tests, which must
talk to a real server rather than a patched client.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from fastapi import FastAPI

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
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name=f"clearinghouse-sandbox-{port}")
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("clearinghouse sandbox did not start")
        time.sleep(0.01)
    try:
        yield RunningSandbox(base_url=f"http://127.0.0.1:{port}", app=app)
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
