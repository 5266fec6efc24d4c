"""The public contract against the real platform: every service a real process on PostgreSQL
with the demo seed (tests/e2e/stack.py, as the end-to-end tests run it).

First a rule the gateway's own copy of the schemas used to make unreachable: orders requires
a weight only for children, and refuses a child's order until one is recorded.

Then schemathesis against the gateway,
the gateway's own OpenAPI document, a valid admin token, and every check schemathesis has
(`--checks all`: no 5xx, documented statuses, content types, headers and response schemas,
valid data accepted, invalid data refused, missing headers, unsupported methods and their
`Allow` header, use after free, resource availability, ignored auth, object-level access).

schemathesis.toml beside this file configures the checks that need to know the platform
(each entry says why) and fuzz_hooks.py does what a well-behaved client does (a fresh
Idempotency-Key per request, no invented cursor, no control character); nothing is disabled.
The run is bounded: the examples and coverage phases (every boundary of every parameter and
property, every undocumented method: about 5,000 cases) and 4 fuzzed cases per operation,
a fixed seed, no stateful phase (`GATEWAY_FUZZ_MAX_EXAMPLES` raises the fuzzed count).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import httpx
import pytest

from tests.e2e.client import Api, ApiError
from tests.e2e.stack import start_stack, stop_stack

pytestmark = [pytest.mark.integration, pytest.mark.e2e]
CONFIG = Path(__file__).with_name("schemathesis.toml")
MAX_EXAMPLES = int(os.environ.get("GATEWAY_FUZZ_MAX_EXAMPLES", "4"))
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
# Above the gateway's longest upstream deadline (reimbursement's 15 s), so a slow answer comes
# back as the gateway's own problem+json, never as the client giving up first. schemathesis
# waits 10 s by default; on a loaded machine one request of 13,500 ended as a bare "Network
# Error" (not reproduced alone; a reimbursement write between 10 and 15 s is the likely one).
# One worker: with four, the coverage phase failed inside schemathesis (a KeyError in its
# schema walk, 4.x).
REQUEST_TIMEOUT_S = 20


@pytest.fixture(scope="module")
async def stack(tmp_path_factory):
    # Streams (GET /v1/stream) end after a second here, so each fuzzed call has an answer.
    # The fuzz plans days and forecasts staffing: OR-Tools and statsmodels are loaded at start,
    # as in production, not inside the first such request.
    s = await start_stack(tmp_path_factory.mktemp("fuzz"), "fuzz",
                          extra_env={"GATEWAY_STREAM_MAX_DURATION_S": "1",
                                     "SCHEDULING_PRELOAD_MODELS": "true"})
    try:
        yield s
    finally:
        await stop_stack(s)


async def test_a_child_is_registered_without_a_weight_and_ordered_for_once_weighed(stack):
    api = Api(stack.gateway_url)
    try:
        child = await api.post("/v1/patients", {
            "mrn": "FUZZ-CHILD-1", "birth_date": f"{date.today().year - 7}-03-01",
            "sex": "female"}, who="demo-partner")
        assert child["weight_kg"] is None
        order = {"patient_id": child["id"], "urgency": "same_day", "diagnosis": ["G43.109"],
                 "lines": [{"sequence": 1, "drug_code": "ketorolac", "dose": "10",
                            "dose_unit": "mg", "mode": "push", "minutes": 1}]}
        with pytest.raises(ApiError) as refused:  # no payer: optional, as orders has it
            await api.post("/v1/orders", order, who="demo-partner")
        assert refused.value.status == 422
        assert [e["field"] for e in refused.value.body["errors"]] == ["patient.weight_kg"]
        await api.patch(f"/v1/patients/{child['id']}", {"weight_kg": "21.5"},
                        who="demo-partner")
        created = await api.post("/v1/orders", order, who="demo-partner")
        assert created["status"] == "draft" and created["payer"] is None
    finally:
        await api.aclose()


async def _token(base_url: str) -> str:
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:
        r = await client.post("/v1/oauth/token", data={
            "grant_type": "client_credentials", "client_id": "demo-admin",
            "client_secret": "demo-admin-secret"})
        r.raise_for_status()
        return str(r.json()["access_token"])


def fuzz(base_url: str, token: str, report: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCHEMATHESIS), "--config-file", str(CONFIG), "run", f"{base_url}/openapi.json",
         "--checks", "all", "--phases", "examples,coverage,fuzzing",
         "--max-examples", str(MAX_EXAMPLES), "--seed", "12", "--workers", "1",
         "--request-timeout", str(REQUEST_TIMEOUT_S),
         "--header", f"Authorization: Bearer {token}", "--no-color",
         "--report", "json", "--report-json-path", str(report)],
        capture_output=True, text=True, timeout=1200, check=False,
        env={**os.environ, "PYTHONPATH": str(CONFIG.parent)})


def _what_failed(stdout: str) -> str:
    """schemathesis's FAILURES and ERRORS sections (where a long run's tail would show only
    its warnings), else the tail."""
    at = min((i for i in (stdout.find("= FAILURES ="), stdout.find("= ERRORS =")) if i >= 0),
             default=-1)
    return stdout[max(0, at - 80):][:8000] if at >= 0 else stdout[-8000:]


# About 13,500 cases: ~240 s alone, ~600 s beside another test worker's platform on two cores,
# beyond the suite's default 300 s limit; the run's own bound is fuzz()'s 1,200 s.
@pytest.mark.timeout(1500)
async def test_schemathesis_reports_no_failure_against_the_real_platform(stack, tmp_path):
    token = await _token(stack.gateway_url)
    report = tmp_path / "schemathesis.json"
    done = await asyncio.to_thread(fuzz, stack.gateway_url, token, report)
    summary = _what_failed(done.stdout)
    assert report.exists(), summary + done.stderr[-2000:]
    figures = json.loads(report.read_text())
    failures, errors = len(figures["failures"]), len(figures["errors"])
    print(f"schemathesis: {figures['operations']['tested']} operations, "
          f"{figures['test_cases']['generated']} cases, {failures} failures, {errors} errors, "
          f"{figures['running_time']:.0f} s")
    async with httpx.AsyncClient(base_url=stack.gateway_url) as client:
        documented = (await client.get("/openapi.json")).json()["paths"]
    assert figures["operations"]["tested"] == sum(len(ops) for ops in documented.values())
    assert failures == 0 and errors == 0, summary
    assert done.returncode == 0, summary
