"""The domain stays plain: no web, database or broker imports (style anchors, rule 3)."""

import ast
from pathlib import Path

import orders

DOMAIN = Path(orders.__file__).parent / "domain"
FORBIDDEN = ("fastapi", "starlette", "sqlalchemy", "aiokafka", "httpx", "asyncpg", "aiosqlite",
             "orders.adapters", "orders.service", "orders.entrypoints")
# the DomainError base (framework-free); the event contracts are the service layer's concern
ALLOWED_SHARED = {"chairside_shared.errors"}


def imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module + ("." + node.names[0].name if node.module == "chairside_shared"
                                   else ""))
    return out


def test_domain_imports_no_io_libraries():
    offenders = {}
    for path in DOMAIN.rglob("*.py"):
        bad = {m for m in imports(path)
               if m.startswith(FORBIDDEN)
               or (m.startswith("chairside_shared") and m not in ALLOWED_SHARED)}
        if bad:
            offenders[path.name] = bad
    assert offenders == {}
    assert len(list(DOMAIN.rglob("*.py"))) > 10  # the walk really saw the domain
