"""CloudEvents 1.0 in Kafka binary mode (ce_* headers) plus W3C ``traceparent``.

Producers call :func:`encode`; the outbox stores the headers and value it returns and the relay
sends them unchanged. Consumers call :func:`decode`, which raises :class:`MalformedEvent` with a
reason for anything that must go to the dead-letter topic.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cloudevents.core.bindings.kafka import KafkaMessage, from_binary, to_binary
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent
from pydantic import ValidationError

from chairside_shared.contracts import EventPayload, contract_for

CONTENT_TYPE = "application/json"
_FORMAT = JSONFormat()
TRACE_HEADERS = ("traceparent", "tracestate")


class MalformedEvent(Exception):
    """A message no handler can ever process: it goes to the DLQ with this reason."""


@dataclass(frozen=True)
class Envelope:
    id: str
    type: str
    source: str
    subject: str | None
    time: datetime
    key: str | None
    version: int
    payload: EventPayload
    correlation_id: str | None = None
    causation_id: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EncodedEvent:
    event_id: str
    event_type: str
    key: str
    headers: dict[str, str]
    value: str


def encode(
    *,
    event_type: str,
    payload: EventPayload,
    source: str,
    key: str,
    subject: str | None = None,
    correlation_id: str | None = None,
    causation_id: str | None = None,
    trace_headers: dict[str, str] | None = None,
    event_id: str | None = None,
    time: datetime | None = None,
) -> EncodedEvent:
    contract = contract_for(event_type)
    if contract is None:
        raise ValueError(f"no contract for event type {event_type!r}")
    if not isinstance(payload, contract.model):
        raise TypeError(
            f"{event_type} takes {contract.model.__name__}, not {type(payload).__name__}"
        )
    attributes: dict[str, Any] = {
        "id": event_id or str(uuid.uuid4()),
        "source": source,
        "type": event_type,
        "specversion": "1.0",
        "time": time or datetime.now(UTC),
        "datacontenttype": CONTENT_TYPE,
        "dataschema": f"urn:chairside:event:{event_type}:v{contract.version}",
        "dataversion": str(contract.version),
    }
    if subject:
        attributes["subject"] = subject
    if correlation_id:
        attributes["correlationid"] = correlation_id
    if causation_id:
        attributes["causationid"] = causation_id
    event = CloudEvent(attributes, payload.model_dump(mode="json", by_alias=True))
    message = to_binary(event, _FORMAT, key_mapper=lambda _e: key)
    headers = {name: value.decode() for name, value in message.headers.items()}
    for name in TRACE_HEADERS:
        if trace_headers and name in trace_headers:
            headers[name] = trace_headers[name]
    return EncodedEvent(
        event_id=attributes["id"],
        event_type=event_type,
        key=key,
        headers=headers,
        value=message.value.decode(),
    )


def kafka_headers(headers: dict[str, str]) -> list[tuple[str, bytes]]:
    # A list, not a tuple: the OTel aiokafka instrumentation only injects into mutable headers.
    return [(name, value.encode()) for name, value in headers.items()]


def header_dict(headers: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in headers or ():
        if isinstance(value, bytes):
            value = value.decode("utf-8", errors="replace")
        out.setdefault(name, value)
    return out


def decode(key: bytes | None, value: bytes | None, headers: Any) -> Envelope:
    hdrs = header_dict(headers)
    raw = {name: v.encode() for name, v in hdrs.items()}
    if "ce_specversion" not in raw or "ce_type" not in raw or "ce_id" not in raw:
        raise MalformedEvent("missing CloudEvents headers (ce_specversion, ce_type, ce_id)")
    if hdrs["ce_specversion"] != "1.0":
        raise MalformedEvent(f"unsupported CloudEvents specversion {hdrs['ce_specversion']!r}")
    contract = contract_for(hdrs["ce_type"])
    if contract is None:
        raise MalformedEvent(f"unknown event type {hdrs['ce_type']!r}")
    try:
        data = json.loads(value or b"")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedEvent(f"body is not JSON: {exc}") from exc
    try:
        event = from_binary(KafkaMessage(headers=raw, key=key, value=value or b""), _FORMAT)
    except Exception as exc:  # the SDK raises several types for bad attributes
        raise MalformedEvent(f"invalid CloudEvents attributes: {exc}") from exc
    version = int(hdrs.get("ce_dataversion", contract.version))
    if version != contract.version:
        raise MalformedEvent(f"{contract.type} version {version} is not supported")
    try:
        payload = contract.model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5]
        )
        raise MalformedEvent(f"{contract.type} payload invalid: {problems}") from exc
    time = event.get_time() or datetime.now(UTC)
    return Envelope(
        id=event.get_id(),
        type=event.get_type(),
        source=event.get_source(),
        subject=event.get_subject(),
        time=time,
        key=key.decode("utf-8", errors="replace") if key else None,
        version=version,
        payload=payload,
        correlation_id=hdrs.get("ce_correlationid"),
        causation_id=hdrs.get("ce_causationid"),
        headers=hdrs,
    )
