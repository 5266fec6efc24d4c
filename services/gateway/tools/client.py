"""`make client`: the gateway's public OpenAPI document (docs/openapi.json) and the typed Python
client generated from it (clients/python/chairside_client), both checked in.

    python services/gateway/tools/client.py write        # regenerate the checked-in files
    python services/gateway/tools/client.py check        # exit 1 naming each stale file

The document is the one the gateway serves at /openapi.json, built in process from the route
table (no server). The client is what openapi-python-client (pinned, a dev dependency) writes
from it with clients/python/generator.yaml; partners generate theirs the same way, so the demo
and the end-to-end tests that use this client exercise the contract as partners do.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

# The sibling module, whether this tool runs as a script or is loaded from its file by a test.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from freshness import stale_files

ROOT = Path(__file__).resolve().parents[3]
DOCUMENT = ROOT / "docs" / "openapi.json"
CLIENT = ROOT / "clients" / "python"
PACKAGE = "chairside_client"
CONFIG = CLIENT / "generator.yaml"
# Operations the generator leaves out, and why. Any other operation or model it leaves out
# fails `make client`: that is a contract to fix in the gateway's OpenAPI.
KNOWN_GAPS = {
    # Text uploads: openapi-python-client 0.29 supports JSON, form, multipart and binary
    # bodies only; a caller posts these files with the client's httpx client (docs/client.md).
    "POST /v1/fee-schedules/asp": "a CSV body (text/csv)",
    "POST /v1/remittances": "an X12 835 body (text/plain)",
}


def document_text() -> str:
    from gateway.entrypoints.api import openapi
    from gateway.entrypoints.api.table import ROUTES
    from gateway.main import VERSION

    doc = openapi.build(ROUTES, title="Chairside API", version=VERSION)
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def generate(document: Path, package: Path) -> None:
    """openapi-python-client on `document`, the package written to `package` (replaced)."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
                                 f"{os.environ.get('PATH', '')}"}  # the pinned ruff (hooks)
    done = subprocess.run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(document),
         "--meta", "none", "--output-path", str(package), "--overwrite",
         "--config", str(CONFIG)],
        capture_output=True, text=True, env=env, check=False)
    output = done.stdout + done.stderr
    # The generator exits 0 with warnings when it leaves an operation or a model out: for a
    # typed client that is a contract to fix (in the gateway's OpenAPI), not a client to ship.
    left_out = set(re.findall(r"WARNING parsing (\S+ \S+) within", output))
    if done.returncode != 0 or "Unable to process" in output or left_out != set(KNOWN_GAPS):
        raise SystemExit(f"openapi-python-client failed or left out other than "
                         f"{sorted(KNOWN_GAPS)}:\n{output}")
    (package / "py.typed").write_text("")  # PEP 561: the callers' code type-checks against it


def write(root: Path) -> list[Path]:
    """The document and the package under `root` (the repository, or a temporary copy)."""
    document = root / DOCUMENT.relative_to(ROOT)
    package = root / CLIENT.relative_to(ROOT) / PACKAGE
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(document_text())
    package.parent.mkdir(parents=True, exist_ok=True)
    generate(document, package)
    return [document, *sorted(p for p in package.rglob("*.py"))]


def _files(root: Path) -> set[Path]:
    package = root / CLIENT.relative_to(ROOT) / PACKAGE
    return {DOCUMENT.relative_to(ROOT)} | {
        p.relative_to(root) for p in package.rglob("*")
        if p.is_file() and not {"__pycache__", ".ruff_cache"} & set(p.parts)}


def stale(checked_in: Path = ROOT) -> list[str]:
    """The checked-in files that differ from a fresh generation, or that a fresh generation
    does not write (any more): empty when up to date."""
    return stale_files(write=write, files=_files, checked_in=checked_in)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("write", "check"))
    args = parser.parse_args(argv)
    if args.command == "write":
        written = write(ROOT)
        print(f"{written[0].relative_to(ROOT)} and {len(written) - 1} modules of "
              f"{CLIENT.relative_to(ROOT) / PACKAGE}")
        return 0
    if found := stale():
        print("stale (run `make client`): " + ", ".join(found))
        return 1
    print("client up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
