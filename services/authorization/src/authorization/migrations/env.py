from authorization.adapters import (  # noqa: F401 - registers the tables
    appeals_orm,
    eligibility_orm,
    orm,
)
from authorization.adapters.metadata import metadata
from chairside_shared.migrations import run_env

run_env(metadata)
