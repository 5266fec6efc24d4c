"""nginx from Debian's package (``make loadtools``) as the cluster's load balancer, run as an
ordinary process: its configuration, pid, logs and temp files all live in one directory the
project writes, it listens on loopback ports only, and it never daemonizes (its own process
group, stopped with the rest)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

NGINX = "/usr/sbin/nginx"

# One line per request: which replica answered ($upstream_addr; two when nginx moved on to
# the second after the first failed) and with what. The cluster tests read it.
LOG_FORMAT = ("$msec $server_port $request_method $uri $status "
              "upstream=$upstream_addr upstream_status=$upstream_status")


# What nginx answers itself when no replica answered (one died with the request in flight,
# or none is up): problem+json as the API's own errors, so clients parse and retry it (a
# POST under its Idempotency-Key) instead of choking on nginx's HTML page.
UNAVAILABLE = ('{"type": "urn:chairside:problem:replica-unavailable", "title": "Bad Gateway", '
               '"status": 502, "detail": "no replica answered this request; retry it (with the '
               'same Idempotency-Key for a POST)"}')


def config(workdir: Path, balanced: dict[int, list[int]]) -> str:
    """``balanced``: listening port -> the ports of the replicas behind it.

    Round robin; a replica that refuses a connection is skipped for 2 s (passive checks: no
    extra module). A request nginx could not hand over (connection refused or reset before
    it was sent) goes to the other replica; a POST already sent is never sent twice
    (``non_idempotent`` stays off): the client retries it under its Idempotency-Key.
    """
    temp, logs = workdir / "nginx", workdir / "logs"
    blocks = []
    for port, replicas in balanced.items():
        servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;"
                            for p in replicas)
        blocks.append(f"""
    upstream u{port} {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{ proxy_pass http://u{port}; }}
        error_page 502 504 = @unavailable;
        location @unavailable {{
            default_type application/problem+json;
            add_header Retry-After 1 always;
            return 502 '{UNAVAILABLE}';
        }}
    }}""")
    return f"""# written by chairside_shared.nginx: regenerated on every start
daemon off;
worker_processes 1;
pid {temp}/nginx.pid;
error_log {logs}/nginx-error.log warn;
events {{ worker_connections 2048; }}
http {{
    log_format upstreams '{LOG_FORMAT}';
    access_log {logs}/nginx-access.log upstreams;
    client_body_temp_path {temp}/client_body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    # an appeal's documents (the gateway's own limit is 14 MiB)
    client_max_body_size 16m;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    # the gateway counts failed token requests per caller address (uvicorn trusts
    # X-Forwarded-For from 127.0.0.1)
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    # server-sent events (GET /v1/stream) pass as they come; a stream lasts 600 s at most
    proxy_buffering off;
    proxy_read_timeout 660s;
    proxy_connect_timeout 1s;
    proxy_next_upstream error timeout;
    proxy_next_upstream_tries 2;
{"".join(blocks)}
}}
"""


@dataclass
class Nginx:
    workdir: Path
    balanced: dict[int, list[int]]
    binary: str = NGINX
    process: subprocess.Popen[bytes] | None = None

    @property
    def conf_path(self) -> Path:
        return self.workdir / "nginx" / "nginx.conf"

    @property
    def access_log(self) -> Path:
        return self.workdir / "logs" / "nginx-access.log"

    def _command(self, *extra: str) -> list[str]:
        if not os.access(self.binary, os.X_OK):
            raise RuntimeError(f"{self.binary} is missing: run `make loadtools` (Debian's nginx)")
        (self.workdir / "logs").mkdir(parents=True, exist_ok=True)
        self.conf_path.parent.mkdir(parents=True, exist_ok=True)
        self.conf_path.write_text(config(self.workdir, self.balanced))
        # -e: the error log before the configuration is read (never /var/log/nginx)
        return [self.binary, "-p", str(self.conf_path.parent), "-c", str(self.conf_path),
                "-e", str(self.workdir / "logs" / "nginx-error.log"), *extra]

    def check(self) -> str:
        """``nginx -t`` on the configuration: what it said (raises when it refuses it)."""
        done = subprocess.run(self._command("-t"), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"nginx refuses {self.conf_path}: {done.stderr}")
        return done.stderr

    def start(self) -> Nginx:
        command = self._command()
        with open(self.workdir / "logs" / "nginx-error.log", "ab") as out:
            self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        return self

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGQUIT)  # graceful: finish the requests in flight
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
