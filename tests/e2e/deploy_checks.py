"""Helpers for the offline deployment checks: the files under deploy/, the environment
variables each process really reads (from its settings class), compose interpolation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import AliasChoices

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"

# compose service / k8s Deployment name -> (python module, env prefix, repository folder)
PROCESSES: dict[str, tuple[str, str, str]] = {
    "orders": ("orders", "ORDERS_", "services/orders"),
    "scheduling": ("scheduling", "SCHEDULING_", "services/scheduling"),
    "authorization": ("authorization", "AUTHORIZATION_", "services/authorization"),
    "reimbursement": ("reimbursement", "REIMBURSEMENT_", "services/reimbursement"),
    "gateway": ("gateway", "GATEWAY_", "services/gateway"),
    "payer-sandbox": ("payer_sandbox", "PAYER_SANDBOX_", "tools/payer_sandbox"),
}
WITH_SETTINGS = ("orders", "scheduling", "authorization", "reimbursement", "gateway")


def settings_class(name: str) -> type:
    from authorization.settings import AuthorizationSettings
    from gateway.settings import GatewaySettings
    from orders.settings import OrdersSettings
    from reimbursement.settings import ReimbursementSettings
    from scheduling.settings import SchedulingSettings

    return {"orders": OrdersSettings, "scheduling": SchedulingSettings,
            "authorization": AuthorizationSettings, "reimbursement": ReimbursementSettings,
            "gateway": GatewaySettings}[name]


def env_names(cls: type) -> set[str]:
    """Every environment variable a settings class reads: prefixed field names, or the
    field's own aliases (KAFKA_BOOTSTRAP_SERVERS, REDIS_URL...)."""
    prefix = cls.model_config.get("env_prefix", "")
    names: set[str] = set()
    for field, info in cls.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            names |= {str(c).upper() for c in alias.choices}
        elif isinstance(alias, str):
            names.add(alias.upper())
        else:
            names.add(f"{prefix}{field}".upper())
    return names


def sandbox_env_names() -> set[str]:
    """The payer sandbox has no settings class: its command line reads these variables."""
    source = (ROOT / "tools/payer_sandbox/src/payer_sandbox/__main__.py").read_text()
    return set(re.findall(r'os\.environ\.get\("(PAYER_SANDBOX_[A-Z_]+)"', source))


def known_env(name: str) -> set[str]:
    if name == "payer-sandbox":
        return sandbox_env_names()
    return env_names(settings_class(name))


def default_port(name: str) -> int:
    if name == "payer-sandbox":
        source = (ROOT / "tools/payer_sandbox/src/payer_sandbox/__main__.py").read_text()
        return int(re.search(r'"PAYER_SANDBOX_PORT", "(\d+)"', source).group(1))
    return int(settings_class(name).model_fields["port"].default)


def load_yaml(path: Path) -> list[Any]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d is not None]


def yaml_files() -> list[Path]:
    return sorted(p for p in DEPLOY.rglob("*") if p.suffix in (".yaml", ".yml"))


_VAR = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?:(:?[-?])([^}]*))?\}")


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error}; a missing required one raises."""
    def one(m: re.Match[str]) -> str:
        var, op, arg = m.group(1), m.group(2), m.group(3)
        have = env.get(var)
        if op in (":-", "-"):
            return have if have else arg
        if op in (":?", "?"):
            if not have:
                raise KeyError(f"{var} is required: {arg}")
            return have
        return have or ""
    return _VAR.sub(one, value)


def dotenv(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def dockerfile_instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    out: list[tuple[str, str]] = []
    buf = ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not buf and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            buf += line[:-1] + " "
            continue
        buf += line
        word, _, rest = buf.partition(" ")
        out.append((word.upper(), rest.strip()))
        buf = ""
    return out


def url_host_port(url: str) -> tuple[str, int]:
    m = re.match(r"^[a-z+]+://(?:[^@/]+@)?([^:/]+):(\d+)", url)
    assert m, f"no host:port in {url}"
    return m.group(1), int(m.group(2))
