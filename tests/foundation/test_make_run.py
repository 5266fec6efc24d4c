"""`make run`'s supervisor: every process up and ready, URLs printed, nothing left on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from chairside_shared.broker import free_port
from chairside_shared.devstack import SERVICES

pytestmark = pytest.mark.e2e


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close()
        return True
    except OSError:
        return False


def _free_offset() -> int:
    for offset in range(21000, 29000, 137):
        if not any(_listening(p + offset) for _, _, p, _ in SERVICES):
            return offset
    raise RuntimeError("no free port range")


def test_make_run_starts_everything_and_stops_cleanly(tmp_path):
    offset, broker_port = _free_offset(), free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "chairside_shared.devstack", "run", "--data-dir",
         str(tmp_path), "--broker-port", str(broker_port), "--port-offset", str(offset)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    out: list[str] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            out.append(line)
            if "Press Ctrl-C to stop." in line:
                break
        text = "".join(out)
        assert "Press Ctrl-C to stop." in text, text
        assert "demo-admin   / demo-admin-secret" in text
        for _, _, port, health in SERVICES:
            url = f"http://127.0.0.1:{port + offset}"
            assert url in text
            assert httpx.get(url + health, timeout=5).status_code == 200, url
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    time.sleep(0.5)
    still = [p + offset for _, _, p, _ in SERVICES if _listening(p + offset)]
    assert not still and not _listening(broker_port), f"left behind: {still}"
