"""Envelope encoding, contract validation and the generated AsyncAPI document."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from chairside_shared import contracts
from chairside_shared.contracts_doc import render
from chairside_shared.messaging.envelope import MalformedEvent, decode, encode, kafka_headers

ROOT = Path(__file__).resolve().parents[2]


def _cancelled(**kw):
    values = {"order_id": uuid.uuid4(), "practice_id": "demo-clinic", "reason": "r",
                  "previous_status": "draft", "cancelled_at": "2026-11-23T10:00:00Z"}
    values.update(kw)
    return contracts.OrderCancelled(**values)


def test_asyncapi_document_is_generated_from_the_contracts_and_current():
    checked_in = (ROOT / "docs" / "asyncapi.json").read_text()
    assert checked_in == render(), "docs/asyncapi.json is stale: run `make asyncapi`"
    doc = json.loads(checked_in)
    assert set(doc["channels"]) == {contracts.ORDERS_TOPIC, contracts.SCHEDULING_TOPIC,
                                    contracts.AUTHORIZATION_TOPIC, contracts.REIMBURSEMENT_TOPIC}
    assert "order_signed" in doc["components"]["messages"]
    assert "OrderSigned" in doc["components"]["schemas"]


def test_encode_writes_cloudevents_binary_headers_and_trace_context():
    payload = _cancelled()
    tp = "00-" + "1" * 32 + "-" + "2" * 16 + "-01"
    enc = encode(event_type="order.cancelled", payload=payload, source="orders",
                 key=str(payload.order_id), subject=str(payload.order_id),
                 trace_headers={"traceparent": tp}, correlation_id="c-1")
    h = enc.headers
    assert h["ce_specversion"] == "1.0" and h["ce_type"] == "order.cancelled"
    assert h["ce_source"] == "orders" and h["ce_subject"] == str(payload.order_id)
    assert h["ce_id"] == enc.event_id and h["content-type"] == "application/json"
    assert h["ce_time"].endswith("Z") and h["traceparent"] == tp
    assert h["ce_dataversion"] == "1" and h["ce_correlationid"] == "c-1"
    env = decode(enc.key.encode(), enc.value.encode(), kafka_headers(h))
    assert env.payload == payload and env.id == enc.event_id and env.key == enc.key
    assert env.correlation_id == "c-1"


def test_encode_refuses_a_payload_of_the_wrong_contract():
    with pytest.raises(TypeError):
        encode(event_type="order.signed", payload=_cancelled(), source="x", key="k")
    with pytest.raises(ValueError):
        encode(event_type="order.vanished", payload=_cancelled(), source="x", key="k")


def _good():
    return encode(event_type="order.cancelled", payload=_cancelled(), source="t", key="k")


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda h, v: ({k: x for k, x in h.items() if k != "ce_type"}, v), "missing CloudEvents"),
        (lambda h, v: (dict(h, ce_specversion="0.3"), v), "specversion"),
        (lambda h, v: (dict(h, ce_type="order.teleported"), v), "unknown event type"),
        (lambda h, v: (h, b"{oops"), "not JSON"),
        (lambda h, v: (h, json.dumps({"order_id": "x"}).encode()), "payload invalid"),
        (lambda h, v: (dict(h, ce_dataversion="9"), v), "version 9"),
    ],
)
def test_decode_names_why_a_message_is_malformed(mutate, reason):
    enc = _good()
    headers, value = mutate(enc.headers, enc.value.encode())
    with pytest.raises(MalformedEvent, match=reason):
        decode(b"k", value, kafka_headers(headers))


def test_consumers_ignore_fields_they_do_not_know():
    enc = _good()
    body = json.loads(enc.value)
    body["added_in_a_later_release"] = 1
    env = decode(b"k", json.dumps(body).encode(), kafka_headers(enc.headers))
    assert env.payload.reason == "r"
