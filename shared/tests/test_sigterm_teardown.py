"""A test run stopped by SIGTERM (a CI timeout, a kill) still tears its fixtures down: the
service processes a fixture started are stopped, not left running beside the next run."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

INNER = '''
import time
from pathlib import Path
import pytest
from chairside_shared.processes import ServiceProcess

@pytest.fixture
def service():
    # any long-running child in its own process group, as the platform's services are
    proc = ServiceProcess("http.server", "http.server", 0,
                          args=["--bind", "127.0.0.1", "0"]).start()
    (Path(__file__).parent / "child.pid").write_text(str(proc.process.pid))
    yield proc
    proc.stop()

def test_waits(service):
    (Path(__file__).parent / "started").write_text("yes")
    time.sleep(120)
'''


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie is gone for our purpose
        return f.read().split(") ")[1][0] != "Z"


def test_a_sigterm_stops_the_services_a_fixture_started(tmp_path: Path):
    (tmp_path / "test_inner.py").write_text(textwrap.dedent(INNER))
    # the repository's plugin, as pyproject.toml loads it (this run's folder has no config)
    run = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            "-p", "no:xdist", "-p", "chairside_shared.testing.plugin",
                            str(tmp_path / "test_inner.py")],
                           cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while not (tmp_path / "started").exists():
        assert run.poll() is None, run.stdout.read().decode()[-2000:]  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the inner test never started"
        time.sleep(0.1)
    child = int((tmp_path / "child.pid").read_text())
    assert alive(child)
    run.send_signal(signal.SIGTERM)
    run.wait(60)
    deadline = time.monotonic() + 20
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    if alive(child):
        os.killpg(child, signal.SIGKILL)
        pytest.fail("the service the fixture started outlived the SIGTERMed run")
