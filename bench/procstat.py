"""What a benchmark's processes spent: CPU seconds from Linux /proc (a service, the PostgreSQL
backends of its databases), and a py-spy recording of a process for the span of a burst."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process and its reaped children (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def backends_cpu_s(databases: list[str]) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving one of ``databases`` (by pid)."""
    out = {}
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes()
            if cmd.startswith(b"postgres: ") and any(
                    f" {d} ".encode() in cmd for d in databases):
                out[int(proc.name)] = cpu_s(int(proc.name))
        except (OSError, ValueError):
            continue
    return out


class Profile:
    """py-spy recording a process (from now until ``stop``), in collapsed stacks."""

    def __init__(self, pid: int, out: Path, rate: int = 250) -> None:
        self.out = out
        self.proc = subprocess.Popen(
            [str(Path(sys.executable).with_name("py-spy")), "record", "--pid", str(pid),
             "--rate", str(rate), "--format", "raw", "--output", str(out), "--nonblocking"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def summary(self, n: int = 12) -> list[str]:
        """Where the samples were: by kind of code (the innermost frames decide), then the
        service's own frames by share of samples with them on the stack. SQLAlchemy's async
        layer runs statements in greenlets, whose stacks do not show the handler above them:
        the database's share is read from the kind, not from the handler's frames."""
        if not self.out.exists():
            return ["(no samples)"]
        total, kinds, mine = 0, Counter[str](), Counter[str]()
        for line in self.out.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            frames = stack.split(";")
            files = [f.rsplit("(", 1)[-1].split(":", 1)[0] for f in frames]
            total += int(count)
            kinds[_kind(files)] += int(count)
            for f in {f for f, file in zip(frames, files, strict=True)
                      if file.startswith(("scheduling/", "chairside_shared/"))}:
                mine[f] += int(count)
        if not total:
            return ["(no samples)"]
        return [f"{total} samples; by kind: " + ", ".join(
                    f"{k} {v / total:.0%}" for k, v in kinds.most_common())] + [
                f"{v / total:6.1%}  {f}" for f, v in mine.most_common(n)]


KINDS = (("database", ("sqlalchemy/", "asyncpg/")),
         ("opentelemetry", ("opentelemetry/", "asgi/", "trace/", "_decorator.py", "sdk/")),
         ("web framework", ("uvicorn/", "starlette/", "fastapi/", "anyio/", "pydantic",
                            "httptools")),
         ("scheduling", ("scheduling/",)), ("kafka", ("aiokafka/",)),
         ("event loop", ("asyncio/",)))


def _kind(files: list[str]) -> str:
    for name, prefixes in KINDS:
        if any(f.startswith(prefixes) or f in prefixes for f in files[-8:]):
            return name
    return "other"


