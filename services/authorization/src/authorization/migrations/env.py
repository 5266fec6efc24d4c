from authorization.adapters import eligibility_orm, orm  # noqa: F401 - registers the tables
from authorization.adapters.metadata import metadata
from chairside_shared.migrations import run_env

run_env(metadata)
