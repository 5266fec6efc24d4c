"""Scheduling's refusals are chairside_shared DomainErrors: the one mapping in
chairside_shared.http_errors gives each its status, type, title, detail, errors and extras."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from chairside_shared.errors import DomainError
from chairside_shared.http_errors import domain_problem
from scheduling.domain.errors import (
    Busy,
    ChairTaken,
    Conflict,
    IllegalTransition,
    InvalidInput,
    NotFound,
    Reason,
    SlotUnavailable,
)
from scheduling.domain.slots import Slot

P = "urn:chairside:problem:"


def body(exc: DomainError) -> dict:
    response = domain_problem(exc, instance="/v1/x")
    assert response.media_type == "application/problem+json"
    return json.loads(response.body)


def test_each_kind_keeps_its_problem_body():
    def common(status: int, title: str, code: str, detail: str) -> dict:
        return {"type": P + code, "title": title, "status": status, "detail": detail,
                "instance": "/v1/x"}
    assert body(NotFound("appointment a not found")) == common(
        404, "Not found", "not-found", "appointment a not found")
    assert body(Conflict("order o is cancelled")) == common(
        409, "Conflict", "conflict", "order o is cancelled")
    assert body(IllegalTransition("a", "held", "start")) == common(
        409, "Conflict", "illegal-transition", "appointment a is held; cannot start")
    assert body(Busy("other requests are booking 2030-01-01")) == common(
        409, "Conflict", "busy", "other requests are booking 2030-01-01")
    assert body(ChairTaken()) == {**common(409, "Conflict", "slot-unavailable",
                                           "the chair is taken at that time"),
                                  "next_options": []}
    assert body(InvalidInput("start is in the past", field="start")) == {
        **common(422, "Validation failed", "invalid-input", "start is in the past"),
        "errors": [{"field": "start", "message": "start is in the past"}]}
    assert body(InvalidInput("no field")) == {
        **common(422, "Validation failed", "invalid-input", "no field"),
        "errors": [{"field": "body", "message": "no field"}]}


def test_slot_unavailable_lists_reasons_and_options():
    start, end = datetime(2030, 1, 1, 14, tzinfo=UTC), datetime(2030, 1, 1, 15, tzinfo=UTC)
    exc = SlotUnavailable([Reason("chair_busy", "chair c01 is busy"),
                           Reason("nurse_capacity", "no nurse")], [Slot("c02", start, end)])
    assert body(exc) == {
        "type": P + "slot-unavailable", "title": "Conflict", "status": 409,
        "detail": "chair c01 is busy; no nurse", "instance": "/v1/x",
        "reasons": [{"code": "chair_busy", "detail": "chair c01 is busy"},
                    {"code": "nurse_capacity", "detail": "no nurse"}],
        "next_options": [{"chair_id": "c02", "start": "2030-01-01T14:00:00+00:00",
                          "end": "2030-01-01T15:00:00+00:00"}]}
    assert body(SlotUnavailable([]))["detail"] == "slot unavailable"
