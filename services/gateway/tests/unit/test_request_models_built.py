"""The generated contract classes are built on first use (contract_base.py); the app builds
every route's request classes when it is created, and leaves the rest unbuilt."""

import json
import subprocess
import sys

from pydantic import BaseModel

from gateway.entrypoints.api.contract_base import ContractModel
from gateway.entrypoints.api.table import ROUTES

# In a fresh interpreter: in this one, other tests may have used any class already.
PROBE = """
import json
from pydantic import BaseModel
from gateway.entrypoints.api.contract_base import ContractModel
from gateway.entrypoints.api.table import ROUTES
from gateway.main import create_app

def models(*kinds):
    return {m for r in ROUTES for m in (getattr(r, k) for k in kinds)
            if isinstance(m, type) and issubclass(m, BaseModel)}

requests = models("body", "query")
responses = {m for m in models("response") - requests if issubclass(m, ContractModel)}
before = sorted(m.__name__ for m in requests | responses
                if issubclass(m, ContractModel) and m.__pydantic_complete__)
create_app()
print(json.dumps({
    "requests": len(requests), "responses": len(responses), "built_before": before,
    "requests_unbuilt": sorted(m.__name__ for m in requests if not m.__pydantic_complete__),
    "responses_built": sorted(m.__name__ for m in responses if m.__pydantic_complete__)}))
"""


def _models(*kinds: str) -> set[type[BaseModel]]:
    return {m for r in ROUTES for m in (getattr(r, k) for k in kinds)
            if isinstance(m, type) and issubclass(m, BaseModel)}


def test_request_classes_are_built_with_the_app_and_response_classes_are_not():
    out = json.loads(subprocess.run([sys.executable, "-c", PROBE], capture_output=True,
                                    text=True, check=True).stdout)
    assert out["requests"] > 100 and out["responses"] > 50
    assert out["built_before"] == []  # no generated class is built at import
    assert out["requests_unbuilt"] == []
    # a response class is built only where a request class reaches it
    assert len(out["responses_built"]) < out["responses"] / 4, out["responses_built"]


def test_a_deferred_class_validates_and_documents_itself_when_first_used():
    query = next(m for m in _models("query") if "limit" in m.model_fields)
    assert query.model_validate({"limit": "5"}).limit == 5  # type: ignore[attr-defined]
    response = next(m for m in _models("response") if issubclass(m, ContractModel))
    assert response.model_json_schema()["title"] == response.__name__
    assert response.__pydantic_complete__
