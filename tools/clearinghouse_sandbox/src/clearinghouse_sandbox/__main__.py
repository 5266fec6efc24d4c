"""``python -m clearinghouse_sandbox [--host H] [--port P] [--config answers.json]``

Defaults: 127.0.0.1:8091 (CLEARINGHOUSE_SANDBOX_HOST / CLEARINGHOUSE_SANDBOX_PORT /
CLEARINGHOUSE_SANDBOX_CONFIG), the demo answers of config.demo_config(). The config file is the
JSON of SandboxConfig (members, rules, default...): the seed. Endpoint: POST http://HOST:PORT/x12.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import uvicorn

from .app import create_app
from .config import SandboxConfig


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="clearinghouse_sandbox", description=__doc__)
    p.add_argument("--host", default=os.environ.get("CLEARINGHOUSE_SANDBOX_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int,
                   default=int(os.environ.get("CLEARINGHOUSE_SANDBOX_PORT", "8091")))
    p.add_argument("--config", default=os.environ.get("CLEARINGHOUSE_SANDBOX_CONFIG"))
    args = p.parse_args(argv)
    config = None
    if args.config:
        try:
            with open(args.config, encoding="utf-8") as fh:
                config = SandboxConfig.model_validate(json.load(fh))
        except (OSError, ValueError) as exc:
            print(f"CLEARINGHOUSE_SANDBOX_CONFIG: cannot use {args.config}: {exc}",
                  file=sys.stderr)
            return 2
    uvicorn.run(create_app(config), host=args.host, port=args.port, log_level="info")
    return 0


if __name__ == "__main__":
    sys.exit(main())
