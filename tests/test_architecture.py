"""Layering rules that keep the domain pure and shared/ free of services."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ["orders", "scheduling", "authorization", "reimbursement", "gateway"]
IO_LIBRARIES = {"fastapi", "starlette", "sqlalchemy", "aiokafka", "httpx", "asyncpg",
                "aiosqlite", "redis", "uvicorn", "chairside_shared.messaging",
                "chairside_shared.db", "chairside_shared.runtime", "chairside_shared.web"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _forbidden(names: set[str], banned: set[str]) -> set[str]:
    return {n for n in names for b in banned if n == b or n.startswith(b + ".")}


@pytest.mark.parametrize("service", SERVICES)
def test_domain_has_no_io(service):
    domain = ROOT / "services" / service / "src" / service / "domain"
    files = sorted(domain.rglob("*.py"))
    assert files, f"{service} has no domain package"
    offenders = {str(f.relative_to(ROOT)): sorted(_forbidden(_imports(f), IO_LIBRARIES))
                 for f in files}
    assert not {k: v for k, v in offenders.items() if v}


def test_shared_library_never_imports_a_service():
    banned = set(SERVICES) | {"payer_sandbox", "clearinghouse_sandbox"}
    files = sorted((ROOT / "shared" / "src").rglob("*.py"))
    offenders = {str(f.relative_to(ROOT)): sorted(_forbidden(_imports(f), banned))
                 for f in files}
    assert not {k: v for k, v in offenders.items() if v}


def test_import_names_are_unique_across_the_repo():
    packages = [p.name for p in ROOT.glob("*/src/*") if (p / "__init__.py").exists()]
    packages += [p.name for p in ROOT.glob("*/*/src/*") if (p / "__init__.py").exists()]
    assert len(packages) == len(set(packages)) and len(packages) >= 7, packages
