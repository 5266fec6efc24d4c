"""The end-to-end tests call the public API through the typed client generated from the
gateway's OpenAPI (issue 17), as partners do. Hand-written HTTP calls (the `Api` helper's
get/post/patch/put/pages/request and its bare httpx client, httpx's own functions, and a
request on any bare `httpx.AsyncClient` / `httpx.Client` a module opens) stay only where the
typed client cannot say it on purpose: a body no model can express, a text upload, a probe of
the transport, a server that is not the gateway.
This counts them per module so the count can only go down: a new raw call fails here, and so
does a module with fewer than its budget until the budget is lowered with it. (Pure: reads
the source, starts nothing.)"""

from __future__ import annotations

import ast
from pathlib import Path

HERE = Path(__file__).parent
RAW_METHODS = {"get", "post", "patch", "put", "pages", "request"}
# what sends a request on an httpx client, and httpx's own one-shot functions
HTTPX_VERBS = {"get", "post", "patch", "put", "delete", "head", "options", "request", "send",
               "stream"}
HTTPX_CLIENTS = {"AsyncClient", "Client"}
# module -> raw calls it may still make, each raw on purpose:
BUDGET = {
    # the 835 upload (a text body); the clearinghouse sandbox's own admin API (scenario,
    # sent_batches): not the gateway's, so no typed operation exists for it
    "cycle.py": 3,
    # a failed test's event-flow report reads each service's own /metrics
    "conftest.py": 1,
    # issue 11's out-of-range dates (api.request: no model's type can hold them), probes sent
    # byte for byte (send), and the gateway's and each service's /openapi.json they come from
    "test_bad_input.py": 4,
    # a service's own /readyz while it is down
    "test_faults.py": 1,
    # an over-nested body no model can express
    "test_gateway_probes.py": 1,
    # the orders service alone (no gateway, so no typed client): its identity operations
    # with PHI markers, and its /metrics
    "test_orders_phi.py": 2,
    # every write of every operation against read-only databases, built from the documents
    # (/openapi.json of the gateway, of each service, of the gateway again for its own store)
    # and sent as built (send_writes)
    "test_phi_in_logs.py": 4,
    # the services' own /metrics
    "test_visits.py": 1,
    # the 835 upload (a text body)
    "visits.py": 1,
}


def _is_api(node: ast.expr) -> bool:
    """`api`, `sqlite_api`, `self.api`...: the test's instance of the helper."""
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return name == "api" or name.endswith("_api")


def _is_httpx(node: ast.expr | None, names: set[str]) -> bool:
    """`httpx.AsyncClient` / `httpx.Client` (or the name it was imported as)."""
    if isinstance(node, ast.Attribute):
        return (node.attr in HTTPX_CLIENTS and isinstance(node.value, ast.Name)
                and node.value.id == "httpx")
    return isinstance(node, ast.Name) and node.id in names


def _scopes(tree: ast.Module) -> list[list[ast.AST]]:
    """The module's own statements, then each outermost function (nested ones inside it:
    a closure sends on its parent's client, as test_orders_phi's `call` does)."""
    top: list[ast.AST] = []
    functions: list[list[ast.AST]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                functions.append([child])
            else:
                top.append(child)
                visit(child)
    visit(tree)
    return [top, *functions]


def _bare_clients(nodes: list[ast.AST], imported: set[str]) -> set[str]:
    """Names bound to a bare httpx client in a scope: `with httpx.AsyncClient(...) as c`,
    `c = httpx.Client(...)`, or a parameter annotated with the class."""
    names: set[str] = set()
    for node in (n for root in nodes for n in ast.walk(root)):
        if isinstance(node, ast.withitem) and isinstance(node.context_expr, ast.Call) \
                and _is_httpx(node.context_expr.func, imported) \
                and isinstance(node.optional_vars, ast.Name):
            names.add(node.optional_vars.id)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                and _is_httpx(node.value.func, imported):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.arg) and _is_httpx(node.annotation, imported):
            names.add(node.arg)
    return names


def raw_calls(source: str) -> list[int]:
    """Line numbers of raw calls: the helper's api.<method>(...) and api.http.<verb>(...),
    httpx.<verb>(...), and a request on a bare httpx client (bound by `with`, assignment or
    an annotated parameter, or `httpx.Client(...).get(...)` chained)."""
    tree = ast.parse(source)
    imported = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                and n.module == "httpx" for a in n.names if a.name in HTTPX_CLIENTS}
    found: dict[int, int] = {}  # id(node) -> line: a node is counted once
    for scope in _scopes(tree):
        bare = _bare_clients(scope, imported)
        for node in (n for root in scope for n in ast.walk(root)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            target, verb = node.func.value, node.func.attr
            helper = verb in RAW_METHODS and _is_api(target)
            helper_http = isinstance(target, ast.Attribute) and target.attr == "http" \
                and _is_api(target.value)
            module_call = verb in HTTPX_VERBS and isinstance(target, ast.Name) \
                and target.id == "httpx"
            on_bare = verb in HTTPX_VERBS and (
                (isinstance(target, ast.Name) and target.id in bare)
                or (isinstance(target, ast.Call) and _is_httpx(target.func, imported)))
            if helper or helper_http or module_call or on_bare:
                found[id(node)] = node.lineno
    return sorted(found.values())


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
import httpx
from httpx import AsyncClient as Bare
async def f(api, sqlite_api, self):
    await api.get("/v1/x")
    await api.post("/v1/x", {})
    await sqlite_api.request("POST", "/v1/x")
    await self.api.pages("/v1/x")
    await api.http.get("/v1/x")
    await api.wire(Model, op.asyncio_detailed, client=c)
    await other.get("/v1/x")
    async with httpx.AsyncClient(base_url=u) as http:
        await http.put("/x", json={})
        http.build_request("GET", "/x")
    async with AuthenticatedClient(base_url=u, token=t) as client:
        await get_drugs.asyncio_detailed(client=client)
        client.get_async_httpx_client()
httpx.get("/metrics")
def g():
    c = httpx.Client()
    c.post("/x")
    httpx.Client().get("/x")
    with Bare() as b:
        b.stream("GET", "/x")
async def h(client: httpx.AsyncClient, other):
    async def call():
        return await client.request("GET", "/x")
    await client.send(req)
    await other.send(req)
def k(client):
    client.get("/x")
"""
    assert raw_calls(source) == [5, 6, 7, 8, 9, 13, 18, 21, 22, 24, 27, 28]


def test_the_budget_names_only_modules_that_exist():
    assert set(BUDGET) <= {p.name for p in HERE.glob("*.py")}
