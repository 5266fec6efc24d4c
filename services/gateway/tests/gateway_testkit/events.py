"""A valid payload of any registered event type, built from its model's annotations, and a
producer that publishes it on its topic the way the services' relays do."""

from __future__ import annotations

import types
import typing
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from aiokafka import AIOKafkaProducer
from pydantic import BaseModel

from chairside_shared.contracts.registry import CONTRACTS
from chairside_shared.messaging.envelope import encode, kafka_headers


def _value(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _value(args[0])
    if origin in (typing.Union, types.UnionType):
        real = [a for a in args if a is not type(None)]
        return _value(real[0])
    if origin is typing.Literal:
        return args[0]
    if origin in (list, tuple, set, frozenset):
        return []
    if origin is dict:
        return {}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return build(annotation)
    simple = {uuid.UUID: uuid.uuid4, str: lambda: "x1", int: lambda: 1, float: lambda: 1.0,
              bool: lambda: False, Decimal: lambda: Decimal(1),
              datetime: lambda: datetime.now(UTC), date: lambda: datetime.now(UTC).date()}
    return simple[annotation]()


def build(model: type[BaseModel], **fixed: Any) -> Any:
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name in fixed:
            values[field.alias or name] = fixed[name]
        elif field.is_required():
            values[field.alias or name] = _value(field.annotation)
    return model.model_validate(values)


async def publish_each_type(bootstrap: str, practice_id: str | None) -> dict[str, str]:
    """One event of every registered type for the practice (None: of every type whose
    practice is optional); returns event id -> type."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    sent: dict[str, str] = {}
    try:
        for event_type, contract in sorted(CONTRACTS.items()):
            if practice_id is None and contract.model.model_fields["practice_id"].is_required():
                continue  # None only where the contract allows it (older messages)
            payload = build(contract.model, practice_id=practice_id)
            enc = encode(event_type=event_type, payload=payload, source="webhook-test",
                         key=str(uuid.uuid4()))
            await producer.send_and_wait(contract.topic, value=enc.value.encode(),
                                         key=enc.key.encode(), headers=kafka_headers(enc.headers))
            sent[enc.event_id] = event_type
    finally:
        await producer.stop()
    return sent
