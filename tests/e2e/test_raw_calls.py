"""The end-to-end tests call the public API through the typed client generated from the
gateway's OpenAPI (issue 17), as partners do. Hand-written HTTP calls (the `Api` helper's
get/post/patch/put/pages/request and its bare httpx client) stay only where the typed client
cannot say it on purpose: a body no model can express, a text upload, a probe of the transport.
This counts them per module so the count can only go down: a new raw call fails here, and so
does a module with fewer than its budget until the budget is lowered with it. (Pure: reads
the source, starts nothing.)"""

from __future__ import annotations

import ast
from pathlib import Path

HERE = Path(__file__).parent
RAW_METHODS = {"get", "post", "patch", "put", "pages", "request"}
# module -> raw calls it may still make, each raw on purpose (a comment says why where it is
# made): the 835 uploads (cycle.py, visits.py), a bad-input table (test_bad_input.py), an
# over-nested body (test_gateway_probes.py), the services' own /readyz and /metrics
# (test_faults.py, test_visits.py).
BUDGET = {
    "cycle.py": 1,
    "test_bad_input.py": 1,
    "test_faults.py": 1,
    "test_gateway_probes.py": 1,
    "test_visits.py": 1,
    "visits.py": 1,
}


def _is_api(node: ast.expr) -> bool:
    """`api`, `sqlite_api`, `self.api`...: the test's instance of the helper."""
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return name == "api" or name.endswith("_api")


def raw_calls(source: str) -> list[int]:
    """Line numbers of the helper's raw calls: api.<method>(...) and api.http.<verb>(...)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        target = node.func.value
        helper = node.func.attr in RAW_METHODS and _is_api(target)
        bare = isinstance(target, ast.Attribute) and target.attr == "http" and _is_api(
            target.value)
        if helper or bare:
            lines.append(node.lineno)
    return sorted(lines)


def counts() -> dict[str, list[int]]:
    return {p.name: found for p in sorted(HERE.glob("*.py"))
            if p.name != "client.py" and (found := raw_calls(p.read_text()))}


def test_raw_calls_only_go_down():
    found = counts()
    more = {m: lines for m, lines in found.items() if len(lines) > BUDGET.get(m, 0)}
    assert not more, (f"new hand-written HTTP calls (lines): {more}; use the typed client "
                      "(api.wire / api.call with a chairside_client operation)")
    fewer = {m: len(found.get(m, [])) for m, n in BUDGET.items() if len(found.get(m, [])) < n}
    assert not fewer, f"fewer raw calls than budgeted: lower BUDGET to {fewer}"


def test_the_counter_sees_every_form():
    source = """
async def f(api, sqlite_api, self):
    await api.get("/v1/x")
    await api.post("/v1/x", {})
    await sqlite_api.request("POST", "/v1/x")
    await self.api.pages("/v1/x")
    await api.http.get("/v1/x")
    await api.wire(Model, op.asyncio_detailed, client=c)
    await other.get("/v1/x")
"""
    assert raw_calls(source) == [3, 4, 5, 6, 7]
