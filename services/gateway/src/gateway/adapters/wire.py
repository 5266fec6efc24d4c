"""One upstream call as httpcore sees it, without httpx's request and response plumbing.

httpx's Request (URL parsing and re-quoting, header normalisation, its byte streams) and its
Response (streamed reads through three layers of async iterators) were a fifth of the
gateway's CPU per proxied request once the connection itself was cheap (h1.py). The gateway
knows its upstream's origin once and for all, and forwards paths it built itself from the
route table (each parameter already percent-encoded, routing.expand), so the request line is
put together here; whatever is not plainly safe goes through httpx's own URL rules instead,
so what is sent is byte for byte what httpx would send. The answer comes back as the
httpx.Response the rest of the gateway reads, its body already whole, and httpcore's errors
are mapped by httpx's own table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import httpcore
import httpx
from httpx._transports.default import map_httpcore_exceptions

# What a path may hold to be sent as it is (RFC 3986 pchar and '/', '%' of escapes kept).
_PLAIN_PATH = re.compile(r"[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*")
_BODY_METHODS = (b"POST", b"PUT", b"PATCH")


class Wire:
    def __init__(self, base_url: str) -> None:
        base = httpx.URL(base_url)
        self.base_url = base_url
        self.scheme, self.host = base.raw_scheme, base.raw_host
        self.port = base.port
        self.prefix = base.raw_path.rstrip(b"/")
        self.host_header = (b"Host", base.netloc)

    def target(self, path: str, params: Mapping[str, str | list[str]] | None) -> bytes:
        if not _PLAIN_PATH.fullmatch(path):
            url = httpx.URL(self.base_url + path, params=params or None)
            return url.raw_path
        target = self.prefix + path.encode("ascii")
        if params:
            target += b"?" + str(httpx.QueryParams(params)).encode("ascii")
        return target

    async def exchange(self, pool: Any, method: str, path: str,
                       params: Mapping[str, str | list[str]] | None,
                       headers: Mapping[str, str] | None, content: bytes | None,
                       extensions: dict[str, Any]) -> httpx.Response:
        verb = method.encode("ascii")
        raw = [self.host_header]
        if content or verb in _BODY_METHODS:
            raw.append((b"Content-Length", str(len(content or b"")).encode()))
        if headers:
            raw += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        request = httpcore.Request(
            verb, httpcore.URL(scheme=self.scheme, host=self.host, port=self.port,
                               target=self.target(path, params)),
            headers=raw, content=content or b"", extensions=extensions)
        with map_httpcore_exceptions():
            answer = await pool.handle_async_request(request)
            try:
                body = b"".join([part async for part in answer.stream])
            finally:
                await answer.stream.aclose()
        response = httpx.Response(answer.status, headers=answer.headers,
                                  stream=httpx.ByteStream(body), extensions=answer.extensions)
        if response.headers.get("content-encoding", "identity").lower() in ("", "identity"):
            # What read() leaves behind, without its decoder and chunker (which would copy
            # the body twice to decode nothing): httpx 0.28 keeps the body in `_content`.
            response._content = body
            response.is_stream_consumed = response.is_closed = True
        else:
            response.read()
        return response
