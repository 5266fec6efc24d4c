"""Compare the gateway's edge request schemas with the services' own (their OpenAPI,
built in process): `python services/gateway/tests/gateway_testkit/contract_check.py`.

Reports, per route with a body: a field the service requires that the gateway does not know,
a field the gateway requires that the service lacks, and — where the gateway is strict — a
field the service accepts that the gateway would refuse. Not a pytest test on purpose: the
services change in parallel, and the end-to-end suite is where drift should fail a build.
"""

from __future__ import annotations

import importlib
import re
import sys

from gateway.domain.routes import ROUTES
from gateway.entrypoints.api.schemas import registry

SERVICES = {"orders": "orders.main", "scheduling": "scheduling.main",
            "authorization": "authorization.main", "reimbursement": "reimbursement.main"}


def _shape(path: str) -> str:
    return re.sub(r"{\w+}", "{}", path)


def _resolve(doc: dict, schema: dict) -> dict:
    for option in schema.get("anyOf", []):  # Optional[Model]
        if "$ref" in option:
            schema = option
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].split("/")[-1]]
    return schema


def check() -> list[str]:
    docs = {name: importlib.import_module(mod).create_app().openapi()
            for name, mod in SERVICES.items()}
    models, problems = registry(), []
    for route in ROUTES:
        doc = docs.get(route.upstream)
        if doc is None:
            continue
        ops = [item.get(route.method.lower()) for p, item in doc["paths"].items()
               if _shape(p) == _shape(route.path)]
        op = next((o for o in ops if o), None)
        label = f"{route.method} {route.path}"
        if op is None:
            problems.append(f"{label}: the {route.upstream} service has no such route")
            continue
        body = (op.get("requestBody") or {}).get("content", {}).get("application/json")
        if body is None or route.body_type != "application/json":
            if body is not None and route.body is None:
                problems.append(f"{label}: the service takes a body the gateway drops")
            continue
        if route.body is None:
            problems.append(f"{label}: the service takes a body the gateway drops")
            continue
        theirs = _resolve(doc, body["schema"])
        mine = models[route.body].model_json_schema(by_alias=True)
        strict = models[route.body].model_config.get("extra") == "forbid"
        t_props, _t_req = set(theirs.get("properties", {})), set(theirs.get("required", []))
        m_props, m_req = set(mine.get("properties", {})), set(mine.get("required", []))
        if strict and t_props - m_props:
            problems.append(f"{label}: gateway refuses {sorted(t_props - m_props)}")
        if m_req - t_props:
            problems.append(f"{label}: gateway requires {sorted(m_req - t_props)}, unknown "
                            "to the service")
        if theirs.get("additionalProperties") is False and m_props - t_props:
            problems.append(f"{label}: the service refuses {sorted(m_props - t_props)}")
    return problems


if __name__ == "__main__":
    found = check()
    print("\n".join(found) or "the gateway's request schemas match the services'")
    sys.exit(1 if found else 0)
