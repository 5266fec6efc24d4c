"""A minimal HTTP/1.1 client for bursts: one request per connection (``Connection: close``),
on asyncio streams. On a 2-core machine httpx spends about as much CPU per request as the
service it measures, and that CPU would pass for the service's latency; this costs a fraction.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass


@dataclass
class Reply:
    status: str  # the HTTP status, or what went wrong ("timeout", "ConnectionResetError")
    seconds: float
    head: str = ""  # the status line and headers, lower-cased
    body: bytes = b""


async def post(port: int, path: str, payload: bytes, headers: dict[str, str],
               timeout_s: float, host: str = "127.0.0.1") -> Reply:
    """POST a JSON ``payload``; the answer is read until the server closes the connection."""
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n{extra}"
            "Connection: close\r\n\r\n").encode()
    t0 = time.perf_counter()
    writer = None
    try:
        async with asyncio.timeout(timeout_s):
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(head + payload)
            raw = await reader.read()
    except TimeoutError:
        return Reply("timeout", time.perf_counter() - t0)
    except OSError as exc:
        return Reply(type(exc).__name__, time.perf_counter() - t0)
    finally:
        if writer is not None:
            writer.close()
    elapsed = time.perf_counter() - t0
    if not raw.startswith(b"HTTP/"):
        return Reply("bad answer", elapsed)
    head_text, body = _split(raw)
    return Reply(raw.split(b" ", 2)[1].decode(), elapsed, head_text, body)


def _split(raw: bytes) -> tuple[str, bytes]:
    """The head's lower-cased text and the body (de-chunked when chunked)."""
    head, _, body = raw.partition(b"\r\n\r\n")
    head_text = head.decode("latin-1").lower()
    if "transfer-encoding: chunked" not in head_text:
        return head_text, body
    out = bytearray()
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2:]
    return head_text, bytes(out)
