"""A deliberately misbehaving HTTP/1.1 service on a real socket (asyncio, no framework), for
what a well-behaved test server cannot do: drop a kept-alive connection mid-request with a
TCP reset, or close it after reading a request without answering.

Each request takes the next action of `plan` ("answer" once the plan is used up):
- "answer": read the whole request, answer 200 (201 for POST) with a small JSON document,
  and keep the connection alive;
- "reset_after_head": read only the request head, then reset the connection (RST), so a
  client still writing the body gets a write error;
- "close_after_request": read the whole request, then close (FIN) without answering: the
  request was received, maybe acted on.
"""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import uuid
from dataclasses import dataclass, field


@dataclass
class Seen:
    connection: int
    method: str
    path: str
    body_bytes: int  # of the body actually read (0 when reset after the head)
    action: str


@dataclass
class RudeServer:
    plan: list[str] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    connections: int = 0
    url: str = ""
    _server: asyncio.AbstractServer | None = None

    async def start(self) -> RudeServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        # A small, fixed receive buffer (inherited by accepted sockets) and a small stream
        # limit: a large body cannot all be buffered here, so a client is still writing it
        # when the connection is reset.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        self._server = await asyncio.start_server(self._handle, sock=sock, limit=16384)
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def requests(self, method: str | None = None) -> list[Seen]:
        return [s for s in self.seen if method is None or s.method == method]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        connection = self.connections
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return  # the client closed its kept-alive connection
                method, path, length = _parse_head(head)
                action = self.plan.pop(0) if self.plan else "answer"
                if action == "reset_after_head":
                    self.seen.append(Seen(connection, method, path, 0, action))
                    _reset(writer)
                    return
                await reader.readexactly(length)
                self.seen.append(Seen(connection, method, path, length, action))
                if action == "close_after_request":
                    writer.close()
                    return
                writer.write(_answer(method))
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return


def _parse_head(head: bytes) -> tuple[str, str, int]:
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    return method, path, length


def _answer(method: str) -> bytes:
    status = b"201 Created" if method == "POST" else b"200 OK"
    doc = {"id": str(uuid.uuid4())} if method == "POST" else {"items": [], "next_cursor": None}
    body = json.dumps(doc).encode()
    return (b"HTTP/1.1 " + status + b"\r\ncontent-type: application/json\r\ncontent-length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)


def _reset(writer: asyncio.StreamWriter) -> None:
    # SO_LINGER with a zero timeout: close() sends RST instead of FIN, as a crashed or
    # restarting process's kernel does for a connection with unread data.
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
