"""A tiny OTLP/HTTP trace collector for tests: every process exports here
(OTEL_EXPORTER_OTLP_ENDPOINT), spans are decoded from the protobuf ExportTraceServiceRequest
and kept in memory."""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.trace.v1.trace_pb2 import Span as PbSpan

KINDS = {v: k.removeprefix("SPAN_KIND_").lower() for k, v in PbSpan.SpanKind.items()}


@dataclass(frozen=True)
class CollectedSpan:
    service: str
    name: str
    kind: str  # server, client, producer, consumer, internal
    trace_id: str
    span_id: str
    parent_id: str
    scope: str
    attributes: dict[str, Any]


def _value(v) -> Any:
    which = v.WhichOneof("value")
    if which == "array_value":
        return [_value(x) for x in v.array_value.values]
    if which == "kvlist_value":
        return {kv.key: _value(kv.value) for kv in v.kvlist_value.values}
    return getattr(v, which) if which else None


def decode(body: bytes) -> list[CollectedSpan]:
    req = ExportTraceServiceRequest()
    req.ParseFromString(body)
    spans = []
    for rs in req.resource_spans:
        resource = {kv.key: _value(kv.value) for kv in rs.resource.attributes}
        for ss in rs.scope_spans:
            for s in ss.spans:
                spans.append(CollectedSpan(
                    service=str(resource.get("service.name", "?")), name=s.name,
                    kind=KINDS.get(s.kind, str(s.kind)), trace_id=s.trace_id.hex(),
                    span_id=s.span_id.hex(), parent_id=s.parent_span_id.hex(),
                    scope=ss.scope.name,
                    attributes={kv.key: _value(kv.value) for kv in s.attributes}))
    return spans


class Collector:
    def __init__(self) -> None:
        self.spans: list[CollectedSpan] = []
        self.requests = 0
        self._lock = threading.Lock()
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                if self.headers.get("content-encoding") == "gzip":
                    body = gzip.decompress(body)
                ok = self.path == "/v1/traces"
                if ok:
                    spans = decode(body)
                    with collector._lock:
                        collector.spans += spans
                        collector.requests += 1
                out = ExportTraceServiceResponse().SerializeToString()
                self.send_response(200 if ok else 404)
                self.send_header("content-type", "application/x-protobuf")
                self.send_header("content-length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> Collector:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def snapshot(self) -> list[CollectedSpan]:
        with self._lock:
            return list(self.spans)
