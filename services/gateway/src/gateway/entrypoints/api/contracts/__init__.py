"""The services' public operations as the gateway sees them: each service's OpenAPI document
(`<service>.json`, built in process from its app) and the pydantic models generated from it,
one package per service with a module per resource (`<service>/<resource>.py`), one per
sub-resource of its records (`<service>/<resource>__<sub>.py`, e.g. `orders__reactions.py`),
and `<service>/common.py` for what several resources share; `<service>/__init__.py`
re-exports every class). All are written by `make contracts` (services/gateway/tools/contracts.py) and
never edited by hand; tests/unit/test_contracts.py fails when they are stale.
"""
