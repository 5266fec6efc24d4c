"""Generate the AsyncAPI 3.0 document of every event from the ``contracts`` package.

``make asyncapi`` writes ``docs/asyncapi.json``; a test fails when the checked-in file is stale.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import models_json_schema

from chairside_shared.contracts import CONTRACTS


def build_document() -> dict[str, Any]:
    models = sorted({c.model for c in CONTRACTS.values()}, key=lambda m: m.__name__)
    _, schema = models_json_schema(
        [(m, "validation") for m in models], ref_template="#/components/schemas/{model}"
    )
    schemas = dict(sorted(schema.get("$defs", {}).items()))
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for contract in sorted(CONTRACTS.values(), key=lambda c: (c.topic, c.type)):
        name = contract.type.replace(".", "_")
        messages[name] = {
            "name": contract.type,
            "title": contract.type,
            "summary": contract.summary,
            "contentType": "application/json",
            "headers": {"$ref": "#/components/schemas/CloudEventsKafkaHeaders"},
            "payload": {"$ref": f"#/components/schemas/{contract.model.__name__}"},
            "bindings": {"kafka": {"key": {"type": "string",
                                           "description": "order id (ordering key)"}}},
            "x-version": contract.version,
        }
        channel = channels.setdefault(contract.topic, {
            "address": contract.topic,
            "messages": {},
            "bindings": {"kafka": {"topic": contract.topic}},
        })
        channel["messages"][name] = {"$ref": f"#/components/messages/{name}"}
    for topic in channels:
        producer = topic.split(".")[0]
        operations[f"{producer}_publishes"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{topic}"},
            "summary": f"The {producer} service publishes through its outbox.",
        }
    schemas["CloudEventsKafkaHeaders"] = {
        "type": "object",
        "description": "CloudEvents 1.0 Kafka binary mode plus W3C trace context.",
        "required": ["ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time",
                     "content-type"],
        "properties": {
            "ce_id": {"type": "string", "format": "uuid"},
            "ce_source": {"type": "string", "description": "producing service"},
            "ce_type": {"type": "string"},
            "ce_specversion": {"const": "1.0"},
            "ce_time": {"type": "string", "format": "date-time"},
            "ce_subject": {"type": "string"},
            "ce_dataschema": {"type": "string"},
            "ce_dataversion": {"type": "string"},
            "ce_correlationid": {"type": "string"},
            "ce_causationid": {"type": "string"},
            "content-type": {"const": "application/json"},
            "traceparent": {"type": "string"},
            "tracestate": {"type": "string"},
        },
    }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Chairside events",
            "version": "1.0.0",
            "description": "Generated from shared/src/chairside_shared/contracts/; do not "
                           "edit by hand (make asyncapi).",
        },
        "defaultContentType": "application/json",
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages, "schemas": schemas},
    }


def render() -> str:
    return json.dumps(build_document(), indent=2, sort_keys=False) + "\n"


if __name__ == "__main__":
    print(render(), end="")
