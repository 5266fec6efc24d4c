"""Schemathesis against the gateway's own OpenAPI document, with a valid admin token:
no 5xx, no undocumented status, no response that violates its schema or content type.

The generated requests run in a worker thread (schemathesis is synchronous) while the
gateway and the fake services keep serving on this test's event loop.
"""

import asyncio

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = [pytest.mark.integration,
              pytest.mark.filterwarnings("ignore::DeprecationWarning")]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance]


def fuzz(base_url: str, document: dict, token: str, max_examples: int) -> tuple[int, list[str]]:
    schema = schemathesis.openapi.from_dict(document)
    failures: list[str] = []
    calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=max_examples, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            nonlocal calls
            calls += 1
            case.call_and_validate(base_url=base_url, checks=CHECKS,
                                   headers={"Authorization": f"Bearer {token}"})

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:
            # FailureGroup is a BaseExceptionGroup; collect every operation's failures.
            failures.append(f"{operation.label}: {str(exc)[:600]}")
    return calls, failures


async def test_schemathesis_finds_no_server_error_and_no_schema_violation(g, fakes):
    token = await g.token("demo-admin")
    document = (await g.client.get("/openapi.json")).json()
    calls, failures = await asyncio.to_thread(fuzz, g.url, document, token, 12)
    assert failures == []
    assert calls >= 12 * 50  # every operation really ran
