"""The base of every generated contract class (`make contracts` names it with
datamodel-code-generator's --base-class)."""

from pydantic import BaseModel, ConfigDict


class ContractModel(BaseModel):
    """Built on first use (pydantic's defer_build), not at import. A serving gateway validates
    requests with each route's body and query classes, built when the app is created
    (main.create_app, so no request pays for it); the 2xx response classes, and what only
    they reach, describe the API to tests and the OpenAPI document and are never built in a
    serving gateway: about 3 MB resident (bench/cost.py)."""

    model_config = ConfigDict(defer_build=True)
