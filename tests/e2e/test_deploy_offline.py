"""deploy/ checked offline (no Docker engine or cluster here): every file parses, and every
service, port, URL and environment variable the compose file, the Dockerfiles and the
Kubernetes manifests name exists in the code that reads it.

The settings classes are the reference: they ignore unknown variables, so a misspelt
variable in a deployment file would otherwise be dropped silently at start-up.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess

import pytest
from pydantic import ValidationError

from chairside_shared.devstack import SERVICES as DEVSTACK
from chairside_shared.testing.modules import load_file

from .deploy_checks import (
    DEPLOY,
    PROCESSES,
    ROOT,
    WITH_SETTINGS,
    default_port,
    dockerfile_instructions,
    dotenv,
    interpolate,
    known_env,
    load_yaml,
    settings_class,
    url_host_port,
    yaml_files,
)

COMPOSE = DEPLOY / "compose.yaml"
INFRA = {"postgres", "kafka", "redis", "otel-collector", "jaeger", "prometheus"}
DEVSTACK_PORTS = {name.replace("_", "-"): port for _, name, port, _ in DEVSTACK}


@pytest.fixture(scope="module")
def compose() -> dict:
    [doc] = load_yaml(COMPOSE)
    return doc


@pytest.fixture(scope="module")
def dotenv_example() -> dict[str, str]:
    return dotenv(DEPLOY / ".env.example")


def _env(service: dict, example: dict[str, str]) -> dict[str, str]:
    return {k: interpolate(str(v), example) for k, v in (service.get("environment") or {}).items()}


def _process_of(name: str) -> str:
    return name.removesuffix("-migrate")


def _settings_from(cls: type, env: dict[str, str], monkeypatch: pytest.MonkeyPatch):
    # Only what the deployment gives: nothing from the test machine's environment.
    import os

    prefix = cls.model_config["env_prefix"]
    for var in list(os.environ):
        if var.startswith((prefix, "KAFKA_", "OTEL_", "REDIS_")):
            monkeypatch.delenv(var)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return cls()


# ---------------------------------------------------------------------------------- files
def test_every_deployment_file_parses():
    files = yaml_files()
    assert len(files) >= 15, [str(f) for f in files]
    kinds = []
    for path in files:
        docs = load_yaml(path)
        assert docs, f"{path} is empty"
        assert all(isinstance(d, dict) for d in docs), path
        kinds += [d.get("kind") for d in docs]
    for kind in ("Deployment", "Service", "ConfigMap", "Secret", "HorizontalPodAutoscaler",
                 "NetworkPolicy", "Namespace", "Kustomization"):
        assert kind in kinds, kind
    dockerfiles = sorted((DEPLOY / "docker").glob("*.Dockerfile"))
    assert {p.name.removesuffix(".Dockerfile") for p in dockerfiles} == set(PROCESSES)


# ---------------------------------------------------------------------------------- compose
def test_compose_runs_the_infrastructure_and_every_process(compose):
    services = compose["services"]
    assert set(services) >= INFRA
    assert set(PROCESSES) <= set(services)
    assert {f"{n}-migrate" for n in WITH_SETTINGS} <= set(services)
    for name, svc in services.items():
        deps = svc.get("depends_on") or {}
        for dep in deps:
            assert dep in services, f"{name} depends on unknown service {dep}"
    kafka_env = services["kafka"]["environment"]
    assert kafka_env["KAFKA_PROCESS_ROLES"] == "broker,controller"  # KRaft, no ZooKeeper
    assert not any("zookeeper" in n for n in services)
    # Only the API (and the ops UIs) are published: the domain services trust the caller
    # identity the gateway forwards, so they must not be reachable from outside.
    published = {n for n, s in services.items() if s.get("ports")}
    assert published == {"gateway", "jaeger", "prometheus"}


@pytest.mark.parametrize("name", [*PROCESSES, *(f"{n}-migrate" for n in WITH_SETTINGS)])
def test_compose_environment_names_only_variables_the_code_reads(compose, dotenv_example,
                                                                  name, monkeypatch):
    svc = compose["services"][name]
    process = _process_of(name)
    env = _env(svc, dotenv_example)
    unknown = set(env) - known_env(process)
    assert not unknown, f"{name}: variables no settings class reads: {sorted(unknown)}"
    prefix = PROCESSES[process][1]
    assert int(env[f"{prefix}PORT"]) == default_port(process) == DEVSTACK_PORTS[process]
    assert env[f"{prefix}HOST"] == "0.0.0.0"
    dockerfile = svc.get("build", {}).get("dockerfile")
    image = svc["image"]
    assert image.startswith(f"chairside/{process}:")
    if dockerfile:
        assert (ROOT / dockerfile).exists() and svc["build"]["context"] == ".."
        assert dockerfile == f"deploy/docker/{process}.Dockerfile"
    if process in WITH_SETTINGS:
        # The deployment's values are valid as the service would read them, production rules
        # included (no SQLite, no demo data, a real key secret, an https issuer).
        settings = _settings_from(settings_class(process), env, monkeypatch)
        assert settings.environment == "production"
        assert settings.database_url.startswith("postgresql+asyncpg://")
        assert settings.auto_migrate is False and settings.seed_demo_data is False
        host, port = url_host_port(settings.database_url)
        assert (host, port) == ("postgres", 5432)
        assert settings.database_url.rsplit("/", 1)[1] in _init_databases()


def _init_databases() -> set[str]:
    sql = (DEPLOY / "postgres/init.sql").read_text()
    return set(re.findall(r"CREATE DATABASE (\w+);", sql))


def test_compose_wiring_points_at_real_services_and_ports(compose, dotenv_example):
    services = compose["services"]
    port_of = {n: default_port(n) for n in PROCESSES}
    gw = _env(services["gateway"], dotenv_example)
    for upstream in ("orders", "scheduling", "authorization", "reimbursement"):
        assert url_host_port(gw[f"GATEWAY_{upstream.upper()}_URL"]) == (upstream,
                                                                          port_of[upstream])
    authz = _env(services["authorization"], dotenv_example)
    assert url_host_port(authz["AUTHORIZATION_PAYER_DEFAULT_BASE_URL"]) == (
        "payer-sandbox", port_of["payer-sandbox"])
    assert authz["AUTHORIZATION_PAYER_DEFAULT_BASE_URL"].endswith("/fhir")
    reimb = _env(services["reimbursement"], dotenv_example)
    assert url_host_port(reimb["REIMBURSEMENT_ORDERS_URL"]) == ("orders", port_of["orders"])
    kafka_port = int(services["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]
                     .rsplit(":", 1)[1])
    [collector] = load_yaml(DEPLOY / "otel-collector.yaml")
    otlp_http = int(collector["receivers"]["otlp"]["protocols"]["http"]["endpoint"]
                    .rsplit(":", 1)[1])
    for name in PROCESSES:
        env = _env(services[name], dotenv_example)
        if "KAFKA_BOOTSTRAP_SERVERS" in env:
            assert env["KAFKA_BOOTSTRAP_SERVERS"] == f"kafka:{kafka_port}"
        if "OTEL_EXPORTER_OTLP_ENDPOINT" in env:
            assert url_host_port(env["OTEL_EXPORTER_OTLP_ENDPOINT"]) == ("otel-collector",
                                                                         otlp_http)
    for name in WITH_SETTINGS:
        assert "OTEL_EXPORTER_OTLP_ENDPOINT" in _env(services[name], dotenv_example), name
    # Every required ${VAR:?} is in .env.example (interpolation above would have raised).
    with pytest.raises(KeyError, match="GATEWAY_KEY_ENCRYPTION_SECRET"):
        _env(services["gateway"], dotenv_example | {"GATEWAY_KEY_ENCRYPTION_SECRET": ""})


def test_compose_gateway_refuses_to_start_with_a_placeholder_secret(compose, dotenv_example,
                                                                    monkeypatch):
    env = _env(compose["services"]["gateway"], dotenv_example | {
        "GATEWAY_KEY_ENCRYPTION_SECRET": "changeme"})
    with pytest.raises(ValidationError, match="GATEWAY_KEY_ENCRYPTION_SECRET"):
        _settings_from(settings_class("gateway"), env, monkeypatch)


def test_prometheus_scrapes_every_service_at_its_port():
    [prom] = load_yaml(DEPLOY / "prometheus/prometheus.yml")
    targets = {}
    for job in prom["scrape_configs"]:
        for static in job["static_configs"]:
            for t in static["targets"]:
                host, port = t.split(":")
                targets[host] = (int(port), job.get("metrics_path", "/metrics"))
    for name in WITH_SETTINGS:
        assert targets[name] == (default_port(name), "/metrics"), name


def test_collector_config_is_consistent_and_shared_with_kubernetes(compose):
    [cfg] = load_yaml(DEPLOY / "otel-collector.yaml")
    for pipeline in cfg["service"]["pipelines"].values():
        for part in ("receivers", "processors", "exporters"):
            for ref in pipeline[part]:
                assert ref in cfg[part], f"pipeline uses undefined {part[:-1]} {ref}"
    host, _ = url_host_port("grpc://" + cfg["exporters"]["otlp/jaeger"]["endpoint"])
    assert host in compose["services"]
    assert (DEPLOY / "k8s/base/otel-collector-config.yaml").read_bytes() == \
        (DEPLOY / "otel-collector.yaml").read_bytes()


# ---------------------------------------------------------------------------------- Dockerfiles
@pytest.mark.parametrize("name", list(PROCESSES))
def test_dockerfile_builds_from_the_lock_and_runs_unprivileged(name):
    path = DEPLOY / "docker" / f"{name}.Dockerfile"
    module, prefix, folder = PROCESSES[name]
    ins = dockerfile_instructions(path)
    runs = " ".join(" ".join(a.split()) for i, a in ins if i == "RUN")
    assert "--require-hashes requirements-runtime.lock requirements-build.lock" in runs
    assert "uninstall --python /opt/venv/bin/python -r requirements-build.lock" in runs
    assert "requirements.lock" not in runs  # the full lock carries the test tooling
    copies = [a for i, a in ins if i == "COPY" and not a.startswith("--from")]
    sources = [src for a in copies for src in a.split()[:-1]]
    assert set(sources) == {"requirements-runtime.lock", "requirements-build.lock", "shared/",
                            f"{folder}/"}
    for src in sources:
        assert (ROOT / src).exists(), f"{path.name} copies missing {src}"
    ignore = (DEPLOY / "docker" / f"{name}.Dockerfile.dockerignore").read_text().split()
    for src in sources:
        assert f"!{src}" in ignore, f"{src} is not re-included by the .dockerignore"
    assert f"./shared ./{folder}" in runs
    assert any(a.startswith("${PYTHON_IMAGE}") for i, a in ins if i == "FROM")
    assert "python:3.11" in next(a for i, a in ins if i == "ARG")
    user = [a for i, a in ins if i == "USER"]
    assert user and user[-1].split(":")[0] not in ("0", "root")
    [expose] = [int(a) for i, a in ins if i == "EXPOSE"]
    assert expose == default_port(name)
    [health] = [a for i, a in ins if i == "HEALTHCHECK"]
    assert f"http://127.0.0.1:{expose}/" in health
    path_checked = re.search(rf"127\.0\.0\.1:{expose}(/\w+)'", health).group(1)
    assert path_checked == ("/healthz" if name == "payer-sandbox" else "/readyz")
    env = " ".join(a for i, a in ins if i == "ENV")
    assert f"{prefix}HOST=0.0.0.0" in env and f"{prefix}PORT={expose}" in env
    assert {f"{prefix}HOST", f"{prefix}PORT"} <= known_env(name)
    [entry] = [json.loads(a) for i, a in ins if i == "ENTRYPOINT"]
    assert entry == ["python", "-m", module]
    assert importlib.util.find_spec(f"{module}.__main__") is not None


# ---------------------------------------------------------------------------------- Kubernetes
K8S = DEPLOY / "k8s"


@pytest.fixture(scope="module")
def k8s_objects() -> list[dict]:
    [kust] = load_yaml(K8S / "base/kustomization.yaml")
    objects = []
    for res in kust["resources"]:
        path = K8S / "base" / res
        assert path.exists(), res
        objects += load_yaml(path)
    for gen in kust.get("configMapGenerator", []):
        for spec in gen["files"]:
            assert (K8S / "base" / spec.split("=", 1)[-1]).exists(), spec
    [overlay] = load_yaml(K8S / "overlays/production/kustomization.yaml")
    for res in overlay["resources"]:
        assert (K8S / "overlays/production" / res / "kustomization.yaml").exists()
    return objects


def _by(objects: list[dict], kind: str) -> dict[str, dict]:
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


def _data(cm_or_secret: dict) -> dict[str, str]:
    return {**(cm_or_secret.get("data") or {}), **(cm_or_secret.get("stringData") or {})}


@pytest.mark.parametrize("name", list(PROCESSES))
def test_k8s_deployment_probes_limits_and_settings(k8s_objects, name, monkeypatch):
    deployments = _by(k8s_objects, "Deployment")
    config = {**_by(k8s_objects, "ConfigMap"), **_by(k8s_objects, "Secret")}
    dep = deployments[name]
    pod = dep["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    labels = dep["spec"]["template"]["metadata"]["labels"]
    assert dep["spec"]["selector"]["matchLabels"].items() <= labels.items()
    port = default_port(name)
    env: dict[str, str] = {}
    for container in [*pod.get("initContainers", []), *pod["containers"]]:
        assert container["image"].startswith(f"chairside/{name}:")
        res = container["resources"]
        assert {"cpu", "memory"} <= set(res["limits"]) and {"cpu", "memory"} <= set(
            res["requests"])
        sc = container["securityContext"]
        assert sc["allowPrivilegeEscalation"] is False and sc["readOnlyRootFilesystem"] is True
        for ref in container["envFrom"]:
            kind = "configMapRef" if "configMapRef" in ref else "secretRef"
            source = config[ref[kind]["name"]]
            assert source["kind"] == ("ConfigMap" if kind == "configMapRef" else "Secret")
            env |= _data(source)
    [main] = pod["containers"]
    assert [p["containerPort"] for p in main["ports"] if p["name"] == "http"] == [port]
    assert main["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert main["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    assert main["startupProbe"]["httpGet"]["path"] == "/healthz"
    unknown = set(env) - known_env(name)
    assert not unknown, f"{name}: variables no settings class reads: {sorted(unknown)}"
    prefix = PROCESSES[name][1]
    assert int(env[f"{prefix}PORT"]) == port and env[f"{prefix}HOST"] == "0.0.0.0"
    if name in WITH_SETTINGS:
        assert [c["args"] for c in pod["initContainers"]] == [["migrate"]]
        assert main["args"] == ["serve"]
        if name in ("gateway", "orders"):
            # The Secret ships placeholders: the gateway and orders must refuse to start on them.
            secret = {"gateway": "GATEWAY_KEY_ENCRYPTION_SECRET", "orders": "phi_keys"}[name]
            with pytest.raises(ValidationError, match=secret):
                _settings_from(settings_class(name), env, monkeypatch)
        else:
            settings = _settings_from(settings_class(name), env, monkeypatch)
            assert settings.environment == "production" and settings.auto_migrate is False
            assert settings.seed_demo_data is False
    service = _by(k8s_objects, "Service")[name]
    assert service["spec"]["selector"].items() <= labels.items()
    assert [(p["port"], p["targetPort"]) for p in service["spec"]["ports"]] == [(port, "http")]


def test_k8s_cross_references(k8s_objects):
    deployments = _by(k8s_objects, "Deployment")
    services = _by(k8s_objects, "Service")
    config = _by(k8s_objects, "ConfigMap")
    hpas = _by(k8s_objects, "HorizontalPodAutoscaler")
    assert "gateway" in hpas and hpas["gateway"]["spec"]["maxReplicas"] > 2
    for hpa in hpas.values():
        target = hpa["spec"]["scaleTargetRef"]
        assert target["kind"] == "Deployment" and target["name"] in deployments
    # URLs in the config name Services that exist, at their ports.
    for cm in config.values():
        for key, value in _data(cm).items():
            if key.endswith(("_URL", "_ENDPOINT")) and value.startswith("http"):
                host, port = url_host_port(value)
                if host.endswith(".example"):
                    continue
                assert host in services, f"{cm['metadata']['name']}.{key} -> {host}"
                assert port in [p["port"] for p in services[host]["spec"]["ports"]], key
    labels = {d["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/name"]
              for d in deployments.values()}
    for policy in _by(k8s_objects, "NetworkPolicy").values():
        sel = policy["spec"]["podSelector"]
        names = set(sel.get("matchLabels", {}).values())
        for expr in sel.get("matchExpressions", []):
            names |= set(expr["values"])
        assert names and names <= labels, policy["metadata"]["name"]
    # The domain services only accept the gateway (they trust its identity headers).
    [guard] = [p for p in _by(k8s_objects, "NetworkPolicy").values()
               if p["metadata"]["name"] == "domain-services-from-gateway-only"]
    assert set(guard["spec"]["podSelector"]["matchExpressions"][0]["values"]) == {
        "orders", "scheduling", "authorization", "reimbursement"}
    collector = deployments["otel-collector"]["spec"]["template"]["spec"]
    assert collector["volumes"][0]["configMap"]["name"] == "otel-collector-config"


DOMAIN_SERVICES = ("orders", "scheduling", "authorization", "reimbursement")


def _partitions(k8s_objects) -> int:
    return int(_data(_by(k8s_objects, "ConfigMap")["chairside-common"])["KAFKA_TOPIC_PARTITIONS"])


def test_k8s_every_scaled_process_has_a_disruption_budget(k8s_objects):
    """Issue 19: a drain takes at most one pod of a process, and never its last one."""
    deployments = _by(k8s_objects, "Deployment")
    hpas = _by(k8s_objects, "HorizontalPodAutoscaler")
    pdbs = list(_by(k8s_objects, "PodDisruptionBudget").values())
    for name in (*DOMAIN_SERVICES, "gateway"):
        labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        covering = [p for p in pdbs
                    if p["spec"]["selector"]["matchLabels"].items() <= labels.items()]
        assert len(covering) == 1, f"{name}: {len(covering)} disruption budgets select it"
        [budget] = covering
        floor = hpas[name]["spec"]["minReplicas"]
        assert floor >= 2, f"{name} runs fewer than 2 replicas: a budget would block drains"
        assert budget["spec"].get("maxUnavailable") == 1 and "minAvailable" not in budget["spec"]
        assert budget["spec"]["maxUnavailable"] < floor


def test_k8s_domain_services_scale_to_the_partition_count(k8s_objects):
    """More members than partitions would idle; fewer than the plan's ceiling wastes none."""
    hpas = _by(k8s_objects, "HorizontalPodAutoscaler")
    partitions = _partitions(k8s_objects)
    assert partitions == 6  # deploy/kafka-topics.md
    for name in DOMAIN_SERVICES:
        assert hpas[name]["spec"]["maxReplicas"] == partitions, name


def _topic_plan() -> dict[str, tuple[set[str], set[str]]]:
    """deploy/kafka-topics.md's first table: topic -> (producers, consumer groups)."""
    text = (DEPLOY / "kafka-topics.md").read_text()
    table = text.split("## Topics", 1)[1].split("\n\n")[1]
    plan = {}
    for row in table.splitlines()[2:]:
        topic, producer, _key, groups = (c.strip() for c in row.strip("|").split("|"))

        def names(cell: str) -> set[str]:
            head = cell.split("(")[0]
            return {n.strip() for n in head.split(",") if n.strip() not in ("", "none", "none yet")}

        plan[topic.strip("`")] = (names(producer), names(groups))
    return plan


def test_kafka_topic_plan_names_every_topic_producer_and_consumer_group_of_the_code():
    from authorization.entrypoints import consumers as authorization
    from chairside_shared.contracts import dlq_topic
    from chairside_shared.contracts.registry import CONTRACTS
    from gateway.entrypoints import consumers as gateway
    from orders.entrypoints import consumers as orders
    from reimbursement.entrypoints import consumers as reimbursement
    from scheduling.entrypoints import consumers as scheduling

    groups: dict[str, set[str]] = {}
    for group, topics in (("orders", orders.SUBSCRIPTIONS),
                          ("scheduling", scheduling.SUBSCRIPTIONS),
                          ("authorization", authorization.SUBSCRIPTIONS),
                          ("reimbursement", reimbursement.SUBSCRIPTIONS),
                          (gateway.GROUP, gateway.TOPICS)):
        for topic in topics:
            groups.setdefault(topic, set()).add(group)
    expected: dict[str, tuple[set[str], set[str]]] = {}
    for contract in CONTRACTS.values():
        producer = contract.topic.split(".")[0]
        expected[contract.topic] = ({producer}, groups.get(contract.topic, set()))
        # a domain service's consumer dead-letters what it cannot apply to <topic>.dlq
        expected[dlq_topic(contract.topic)] = (
            groups.get(contract.topic, set()) - {gateway.GROUP}, set())
    assert _topic_plan() == expected


# ---------------------------------------------------------------------------------- make run
def test_make_run_wires_every_service_to_its_peers(tmp_path):
    """With --port-offset every process must be told where its peers are: each setting whose
    default points at a peer's api.md port on 127.0.0.1 is set by the supervisor."""
    from chairside_shared.devstack import build_processes

    offset = 1000
    procs = {p.module: p for p in build_processes(tmp_path, "127.0.0.1:9999", offset)}
    default_ports = {port for _, _, port, _ in DEVSTACK}
    for name in WITH_SETTINGS:
        cls = settings_class(name)
        env = procs[name].env
        for field, info in cls.model_fields.items():
            default = info.default
            if not (isinstance(default, str) and default.startswith("http://127.0.0.1:")):
                continue
            _, port = url_host_port(default)
            if port not in default_ports:
                continue
            var = f"{cls.model_config['env_prefix']}{field}".upper()
            if var not in env:
                raise AssertionError(f"make run leaves {var} at {default}")
            assert url_host_port(env[var])[1] == port + offset, (var, env[var])



# ------------------------------------------------------------------------------ runtime lock
DEV_TOOLING = ("pytest", "hypothesis", "schemathesis", "selenium", "trio", "rich", "pygments",
               "mypy", "ruff", "hatchling", "datamodel_code_generator", "openapi_python_client")
APPS = {"orders": "orders.main", "scheduling": "scheduling.main",
        "authorization": "authorization.main", "reimbursement": "reimbursement.main",
        "gateway": "gateway.main", "payer-sandbox": "payer_sandbox.app",
        "clearinghouse-sandbox": "clearinghouse_sandbox.app"}
PROBE = """
import importlib, importlib.util, json, sys
apps = {}
for name, module in json.loads(sys.argv[1]).items():
    apps[name] = type(importlib.import_module(module).create_app()).__name__
tooling = [m for m in json.loads(sys.argv[2]) if importlib.util.find_spec(m)]
print(json.dumps({"apps": apps, "tooling": tooling}))
"""


def _runtime_lock_tool():
    return load_file(ROOT / "tools/runtime_lock.py", "runtime_lock")


def test_runtime_lock_is_the_full_lock_without_the_dev_group():
    tool = _runtime_lock_tool()
    full = tool.entries((ROOT / "requirements.lock").read_text())
    runtime = tool.entries((ROOT / "requirements-runtime.lock").read_text())
    build = tool.entries((ROOT / "requirements-build.lock").read_text())
    for name, entry in {**runtime, **build}.items():
        assert full.get(name) == entry, f"{name}: not requirements.lock's entry"
    assert not set(runtime) & set(build)
    assert set(build) >= {"hatchling", "editables"}
    for name in ("pytest", "selenium", "schemathesis", "hypothesis", "trio", "rich", "mypy"):
        assert name in full and name not in runtime, name
    # every third-party package a process declares is there, at the full lock's version
    declared = set()
    for project in tool.workspace_projects():
        deps = re.search(r"^dependencies = \[(.*?)^\]", project.read_text(), re.M | re.S)
        declared |= {tool.canonical(re.split(r"[\[=<>~ ;]", d, maxsplit=1)[0])
                     for d in re.findall(r'"([^"]+)"', deps.group(1))} if deps else set()
    declared -= tool.workspace_names()
    assert declared and declared <= set(runtime), sorted(declared - set(runtime))


def test_every_process_builds_its_app_from_what_the_images_install(tmp_path):
    """A venv made as the Dockerfiles make theirs (the runtime and build locks with their
    hashes, the workspace packages, the build lock removed): every process's app is built in
    it, and none of the test tooling is there."""
    python = _runtime_lock_tool().make_venv(tmp_path / "venv", compile_bytecode=False)
    out = subprocess.run([str(python), "-c", PROBE, json.dumps(APPS), json.dumps(DEV_TOOLING)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300,
                         env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr[-3000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found == {"apps": dict.fromkeys(APPS, "FastAPI"), "tooling": []}
