from authorization.bootstrap import build_runtime
from authorization.main import create_app
from authorization.settings import AuthorizationSettings
from chairside_shared.cli import service_main

service_main(
    settings_cls=AuthorizationSettings, app_factory=create_app, runtime_factory=build_runtime
)
