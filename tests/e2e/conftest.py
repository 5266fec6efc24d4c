"""Fixtures of the end-to-end tests: the whole platform once per test module."""

from __future__ import annotations

import httpx
import pytest

from .client import Api
from .stack import WITH_DATABASE, Stack, start_stack, stop_stack
from .world import world  # noqa: F401 - a fixture, shared by the modules that need it


@pytest.fixture(scope="module")
async def stack(request, tmp_path_factory) -> Stack:
    tag = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")[:8]
    s = await start_stack(tmp_path_factory.mktemp(f"e2e-{tag}"), tag,
                          extra_env=getattr(request.module, "STACK_ENV", None))
    try:
        yield s
    finally:
        await stop_stack(s)


@pytest.fixture(scope="module")
async def api(stack) -> Api:
    client = Api(stack.gateway_url)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def service_logs_on_failure(request):
    """A failed end-to-end test shows what the processes logged (warnings and errors)."""
    yield
    report = getattr(request.node, "rep_call", None)
    if report is None or not report.failed or "stack" not in request.fixturenames:
        return
    stack: Stack = request.getfixturevalue("stack")
    for name in stack.processes:
        lines = [ln for ln in stack.log_tail(name, 20000).splitlines()
                 if '"level": "info"' not in ln and ln.strip()]
        if lines:
            print(f"--- {name} (warnings and errors, last {min(len(lines), 15)}) ---")
            print("\n".join(ln[:400] for ln in lines[-15:]))
    print_event_flow(stack)


EVENT_FIGURES = ("events_consumed_total{", "consumer_lag{", "outbox_backlog{",
                 "outbox_published_total{", "dlq_size{")


def print_event_flow(stack: Stack) -> None:
    """Where the events stood when a test failed: each service's consumed events by type and
    outcome, its consumer lag, its outbox backlog and dead letters (from its /metrics), so a
    wait that timed out shows whether an event was never published, never consumed, or
    consumed without the expected effect."""
    for name in WITH_DATABASE:
        if name not in stack.processes:
            continue
        try:
            body = httpx.get(f"{stack.url(name)}/metrics", timeout=3).text
        except httpx.HTTPError as exc:
            print(f"--- {name} /metrics: {type(exc).__name__} ---")
            continue
        lines = [ln for ln in body.splitlines() if ln.startswith(EVENT_FIGURES)
                 and not ln.rstrip().endswith(" 0.0")]
        print(f"--- {name} event flow ---")
        print("\n".join(lines) or "(nothing consumed or published)")
