"""One HTTP/1.1 connection to a service: an asyncio protocol with httptools' response parser
(llhttp, in C; uvicorn's own dependency), in place of httpcore's connection.

httpcore 1.0's HTTP/1.1 connection parses with h11 (pure Python) over anyio streams, behind a
lock and a cancel scope per read and write: about 40 % of the gateway's CPU per proxied
request (bench/cost.py, py-spy). This connection does the same job for what the gateway sends
its services (a request with its whole body, an answer read whole) in a fraction of it.

It keeps httpcore's contract, so the pool (pool.py) and httpx's transport around it (its
request/response mapping and its error mapping) are unchanged:
- `handle_async_request(httpcore.Request) -> httpcore.Response`, the request's `timeout`
  extension (connect, read, write) and its `trace` extension, with httpcore's event names for
  how far the request got (upstream.Progress reads them);
- httpcore's errors: ConnectError/ConnectTimeout; ReadError when the service resets the
  connection, RemoteProtocolError when it closes it (FIN) before a whole answer or sends what
  is not HTTP; ReadTimeout/WriteTimeout. A write that fails is not an error of its own: as in
  httpcore, the answer is still read (the service may have answered early), so a cut-off
  request surfaces as ReadError or RemoteProtocolError with its progress telling the two cases
  apart;
- "written" means handed to the kernel (the write buffer drained), as httpcore's sendall.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from typing import Any

import httpcore
import httptools
import httpx

_NEW, _ACTIVE, _IDLE, _CLOSED = range(4)
_DISCONNECTED = "Server disconnected without sending a response."


class _Answer(asyncio.Protocol):
    """The socket side: writes with sendall's meaning, and the answer parsed as it arrives."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.lost = False
        self.lost_error: BaseException | None = None
        self._drained: asyncio.Future[None] | None = None
        self._done: asyncio.Future[None] | None = None
        self._parser: Any = None
        self.head_only = False
        self.reset()

    def reset(self) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.body: list[bytes] = []
        self.headers_done = self.complete = False
        self.framed = False  # Content-Length or chunked: the close does not end the body
        self.keep_alive = False
        self._parser = httptools.HttpResponseParser(self)

    # --- asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        # pause_writing as soon as anything is left over, resume once all of it is written:
        # a drained buffer is what httpcore's sendall calls written
        self.transport.set_write_buffer_limits(high=0, low=0)  # type: ignore[union-attr]

    def data_received(self, data: bytes) -> None:
        if self._done is None or self._done.done():
            # bytes while no answer is awaited: the connection cannot be trusted any more
            self.lost = True
            if self.transport is not None:
                self.transport.abort()
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._fail(httpcore.RemoteProtocolError("unexpected protocol upgrade"))
        except httptools.HttpParserError as exc:
            self._fail(httpcore.RemoteProtocolError(f"malformed answer: {exc}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost, self.lost_error = True, exc
        if self._drained is not None and not self._drained.done():
            self._drained.set_exception(httpcore.WriteError(str(exc or "connection closed")))
        self._settle_lost()

    def _settle_lost(self) -> None:
        if self._done is None or self._done.done():
            return
        exc = self.lost_error
        if self.headers_done and not self.framed and exc is None:
            self._finish()  # a body delimited by the close (HTTP/1.0 style)
        elif isinstance(exc, OSError):
            self._fail(httpcore.ReadError(str(exc) or type(exc).__name__))
        elif self.status or self.headers_done:
            self._fail(httpcore.RemoteProtocolError(
                "peer closed connection without sending complete message body"))
        else:
            self._fail(httpcore.RemoteProtocolError(_DISCONNECTED))

    def pause_writing(self) -> None:
        if self._drained is None or self._drained.done():
            self._drained = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        if self._drained is not None and not self._drained.done():
            self._drained.set_result(None)

    # --- httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        self.status = self._parser.get_status_code()
        self.headers_done = True
        self.keep_alive = self._parser.should_keep_alive()
        for name, value in self.headers:
            lower = name.lower()
            if lower == b"content-length" or (lower == b"transfer-encoding"
                                               and b"chunked" in value.lower()):
                self.framed = True
        if self.head_only:
            self.keep_alive = False  # the parser expects the body a HEAD answer goes without
            self._finish()

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        self._finish()

    # --- the request's side
    def expect_answer(self, head_only: bool) -> asyncio.Future[None]:
        self.reset()
        self.head_only = head_only
        self._done = asyncio.get_running_loop().create_future()
        # an answer given up on (a write that failed first, a cancelled call) leaves no
        # "exception never retrieved" behind
        self._done.add_done_callback(lambda done: done.cancelled() or done.exception())
        if self.lost:
            self._settle_lost()
        return self._done

    async def drained(self, within_s: float | None) -> None:
        waiter = self._drained
        if waiter is None or waiter.done():
            if waiter is not None and waiter.exception() is not None:
                raise waiter.exception()  # type: ignore[misc]
            if self.lost:
                raise httpcore.WriteError(str(self.lost_error or "connection closed"))
            return
        try:
            await asyncio.wait_for(asyncio.shield(waiter), within_s)
        except TimeoutError:
            raise httpcore.WriteTimeout("the request could not be written in time") from None

    def _finish(self) -> None:
        self.complete = True
        if self._done is not None and not self._done.done():
            self._done.set_result(None)

    def _fail(self, exc: Exception) -> None:
        if self._done is not None and not self._done.done():
            self._done.set_exception(exc)
        if self.transport is not None:
            self.transport.abort()


class H1Connection:
    """What the pool (pool.py) asks of a connection, as httpcore's AsyncHTTPConnection."""

    def __init__(self, origin: httpcore.Origin, *, keepalive_expiry: float | None) -> None:
        self.origin = origin
        self.keepalive_expiry = keepalive_expiry
        self._answer: _Answer | None = None
        self._state = _NEW
        self._expires_at: float | None = None

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        timeouts = request.extensions.get("timeout", {})
        trace = request.extensions.get("trace")
        try:
            if self._answer is None:
                await self._connect(timeouts.get("connect"))
            assert self._answer is not None and self._answer.transport is not None
            self._state = _ACTIVE
            answer = self._answer
            body = b"".join([part async for part in request.stream])  # type: ignore[union-attr]
            head = self._head(request, body)
            done = answer.expect_answer(request.method == b"HEAD")
            await self._send(answer, head, body, trace, timeouts.get("write"))
            try:
                await asyncio.wait_for(asyncio.shield(done), timeouts.get("read"))
            except TimeoutError:
                raise httpcore.ReadTimeout("no answer within the read timeout") from None
        except BaseException:
            await self.aclose()  # in an unknown state: never reused
            raise
        if answer.keep_alive and not answer.lost:
            self._state = _IDLE
            self._expires_at = None if self.keepalive_expiry is None else \
                time.monotonic() + self.keepalive_expiry
        else:
            await self.aclose()
        return httpcore.Response(
            status=answer.status, headers=answer.headers, content=b"".join(answer.body),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": b""})

    async def _connect(self, within_s: float | None) -> None:
        loop = asyncio.get_running_loop()
        host = self.origin.host.decode("ascii")
        tls: ssl.SSLContext | None = None
        if self.origin.scheme == b"https":
            tls = httpx.create_ssl_context()
        try:
            _transport, self._answer = await asyncio.wait_for(loop.create_connection(
                _Answer, host, self.origin.port, ssl=tls,
                server_hostname=host if tls else None), within_s)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"no connection to {host} within the timeout") \
                from None
        except OSError as exc:
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from None

    @staticmethod
    def _head(request: httpcore.Request, body: bytes) -> bytes:
        lines = [request.method + b" " + request.url.target + b" HTTP/1.1"]
        sized = False
        for name, value in request.headers:
            if name.lower() in (b"content-length", b"transfer-encoding"):
                sized = True
                if name.lower() == b"transfer-encoding":
                    continue  # the body is whole here: it goes with its length
                value = str(len(body)).encode()
            lines.append(name + b": " + value)
        if body and not sized:
            lines.append(b"Content-Length: " + str(len(body)).encode())
        return b"\r\n".join(lines) + b"\r\n\r\n"

    @staticmethod
    async def _send(answer: _Answer, head: bytes, body: bytes, trace: Any,
                    within_s: float | None) -> None:
        transport = answer.transport
        assert transport is not None
        if trace is not None:
            await trace("http11.send_request_headers.started", {})
        try:
            if answer.lost:
                raise httpcore.WriteError("connection closed")
            transport.write(head + body if len(body) < 65536 else head)
            if len(body) >= 65536:
                await answer.drained(within_s)
                if trace is not None:
                    await trace("http11.send_request_headers.complete", {})
                transport.write(body)
            await answer.drained(within_s)
        except httpcore.WriteError:
            return  # as httpcore: read on, the service may have answered before it reset
        if trace is not None:
            if len(body) < 65536:
                await trace("http11.send_request_headers.complete", {})
            await trace("http11.send_request_body.complete", {})

    def has_expired(self) -> bool:
        if self._state != _IDLE:
            return False
        if self._answer is None or self._answer.lost:
            return True
        return self._expires_at is not None and time.monotonic() > self._expires_at

    def is_available(self) -> bool:
        return self._state == _IDLE and not (self._answer is None or self._answer.lost)

    def is_idle(self) -> bool:
        return self._state == _IDLE

    def is_closed(self) -> bool:
        return self._state == _CLOSED

    async def aclose(self) -> None:
        self._state = _CLOSED
        if self._answer is not None and self._answer.transport is not None:
            self._answer.transport.close()
