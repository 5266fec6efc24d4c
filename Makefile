# Chairside — every target installs what it needs from the committed, hashed lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
UV := $(BIN)/uv
STAMP := $(VENV)/.installed
PROJECTS := shared services/orders services/scheduling services/authorization \
            services/reimbursement services/gateway tools/payer_sandbox \
            tools/clearinghouse_sandbox clients/python
PYPROJECTS := pyproject.toml $(addsuffix /pyproject.toml,$(PROJECTS))
# The code that calls the gateway through the typed client (`make client`): type-checked
# against it, so a contract change that breaks a call fails `make lint`.
TYPED_CLIENT_USERS := bench/api.py bench/demo_day.py bench/demo_plan.py bench/demo_clinical.py \
                      bench/demo_revenue.py bench/demo_staffing.py bench/demo_referrals.py \
                      bench/demo_purchasing.py bench/demo_neuro.py \
                      tests/e2e/client.py \
                      tests/e2e/visits.py tests/e2e/cycle.py tests/e2e/test_claim_cycle.py \
                      tests/e2e/test_claim_cycle_remits.py tests/e2e/test_series.py \
                      tests/e2e/test_recalls.py tests/e2e/test_pa_booking.py \
                      tests/e2e/test_neuro_visit.py \
                      tests/e2e/test_discharge.py tests/e2e/test_outcomes.py \
                      tests/e2e/test_reactions_gateway.py tests/e2e/test_payer_identity_visits.py \
                      tests/e2e/test_sqlite_default.py tests/e2e/test_board_page.py \
                      tests/e2e/test_demo_referrals.py tests/e2e/test_gateway_probes.py \
                      tests/e2e/world.py tests/e2e/reconcile.py tests/e2e/test_raw_calls.py \
                      tests/e2e/test_visits.py tests/e2e/test_trace.py tests/e2e/test_faults.py \
                      tests/e2e/test_cluster.py

.PHONY: install run run-cluster loadtools test test-unit lint demo lock bench migrate clean asyncapi contracts client browser runtime-venv

install: $(STAMP)

## Bytecode is compiled once here: where PYTHONDONTWRITEBYTECODE is set (as in this machine's
## environment), every process would otherwise compile every module it imports from source at
## each start (the gateway CLI 5.5 -> 3.0 s of CPU; the suite starts hundreds of processes).
$(STAMP): requirements.lock $(PYPROJECTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) pip sync --quiet --python $(BIN)/python --require-hashes --compile-bytecode \
		requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation \
		$(addprefix -e ,$(PROJECTS))
	$(BIN)/python -m compileall -q -j 0 -x '/(\.venv|node_modules)/' $(PROJECTS) tests bench
	@touch $@

## make run: broker, the four domain services, the payer sandbox and the gateway on SQLite
run: $(STAMP)
	$(BIN)/python -m chairside_shared.devstack run

## make run-cluster: 2 replicas of every service and of the gateway on PostgreSQL (databases
## chairside_cluster_<service>, recreated), topics of 6 partitions, nginx in front
## (127.0.0.1:8100), the gateways' rate limits in Redis (127.0.0.1:6379)
run-cluster: $(STAMP) loadtools
	$(BIN)/python -m chairside_shared.devstack cluster $(CLUSTER_ARGS)

## make test: the whole suite on PostgreSQL (127.0.0.1:5432) and the embedded broker, one
## pytest worker per core (pytest-xdist; each test file stays on one worker, so an end-to-end
## module keeps its one platform). TEST_WORKERS=0 runs it in one process. The 25 slowest
## steps of 15 s or more are listed at the end (where the suite's time goes, for CI's record).
TEST_WORKERS ?= auto
test: $(STAMP) browser loadtools
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder \
		--durations=25 --durations-min=15 $(PYTEST_ARGS)

## make browser: Debian's chromium + chromedriver for the board's browser test (never a browser
## downloaded at run time: the test points selenium at these two paths)
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@test -x $(CHROMIUM) -a -x $(CHROMEDRIVER) || { $(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }

## make loadtools: Debian's wrk (the load generator of bench/cost.py) and nginx (the baseline
## proxy beside the gateway), installed by apt-get when missing
WRK := /usr/bin/wrk
NGINX := /usr/sbin/nginx
loadtools:
	@test -x $(WRK) -a -x $(NGINX) || { $(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk nginx-light; }

## make lint: ruff (rules in pyproject.toml), mypy (strict on every domain/; and the typed
## client's callers), and the import contracts (layers per service, services independent,
## shared imports no service)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/mypy $(TYPED_CLIENT_USERS)
	$(BIN)/lint-imports --no-cache

test-unit: $(STAMP)
	$(BIN)/python -m pytest -m "not integration and not e2e" $(PYTEST_ARGS)

bench: $(STAMP) loadtools
	$(BIN)/python -m bench

## make demo: a simulated clinic day through the gateway of a running `make run`
demo: $(STAMP)
	$(BIN)/python -m bench.demo_day

## regenerate the hashed locks after changing a pyproject.toml (needs network to the index):
## requirements.lock (everything, for make install) and its parts the images install,
## requirements-runtime.lock and requirements-build.lock (tools/runtime_lock.py)
lock: $(STAMP)
	$(UV) lock
	$(UV) export --quiet --format requirements-txt --all-packages --all-groups \
		--no-emit-workspace --frozen -o requirements.lock
	$(BIN)/python tools/runtime_lock.py write

## make runtime-venv: .venv-runtime, the services as the images install them (no dev group,
## editable): bench/cost.py runs the platform from it
runtime-venv: $(VENV)-runtime/.installed
$(VENV)-runtime/.installed: $(STAMP) requirements-runtime.lock requirements-build.lock
	$(BIN)/python tools/runtime_lock.py venv $(VENV)-runtime --editable
	@touch $@

## make contracts: the services' OpenAPI documents (built in process) and the gateway's public
## models generated from them, checked in under services/gateway (a test fails when stale)
contracts: $(STAMP)
	$(BIN)/python services/gateway/tools/contracts.py write

## make client: the gateway's public OpenAPI document (docs/openapi.json) and the typed Python
## client generated from it (clients/python/chairside_client), checked in (a test fails when
## stale); run it after `make contracts` or any change to the gateway's routes
client: $(STAMP)
	$(BIN)/python services/gateway/tools/client.py write

asyncapi: $(STAMP)
	$(BIN)/python -m chairside_shared.contracts_doc > docs/asyncapi.json

clean:
	rm -rf $(VENV) $(VENV)-runtime data .pytest_cache
