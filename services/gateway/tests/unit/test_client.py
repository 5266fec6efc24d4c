"""The typed client (clients/python/chairside_client) and the public OpenAPI document
(docs/openapi.json) are what `make client` writes from the gateway's route table today."""

from __future__ import annotations

import shutil
from pathlib import Path

from chairside_shared.testing.modules import load_file

TOOL = Path(__file__).resolve().parents[2] / "tools" / "client.py"


def _tool():
    return load_file(TOOL, "gateway_client_tool")


def test_the_checked_in_client_is_what_make_client_writes():
    stale = _tool().stale()
    assert stale == [], f"stale: {stale}; run `make client` and review the diff"


def test_staleness_names_an_edited_module_a_missing_one_and_an_extra_one(tmp_path):
    tool = _tool()
    copy = tmp_path / "clients" / "python" / tool.PACKAGE
    shutil.copytree(tool.CLIENT / tool.PACKAGE, copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "docs").mkdir()
    shutil.copy(tool.DOCUMENT, tmp_path / "docs" / "openapi.json")
    with (copy / "client.py").open("a") as f:
        f.write("# edited by hand\n")
    (copy / "api" / "gateway" / "get_board.py").unlink()
    (copy / "models" / "extra.py").write_text("")
    assert tool.stale(tmp_path) == [f"clients/python/{tool.PACKAGE}/{p}" for p in (
        "api/gateway/get_board.py", "client.py", "models/extra.py")]


def test_the_served_document_is_the_checked_in_one():
    """What /openapi.json serves, what partners generate their clients from."""
    import json

    from gateway.entrypoints.api import openapi
    from gateway.entrypoints.api.table import ROUTES
    from gateway.main import VERSION

    served = openapi.build(ROUTES, title="Chairside API", version=VERSION)
    assert json.loads(_tool().DOCUMENT.read_text()) == served
