from fastapi import FastAPI

from authorization.bootstrap import AuthorizationRuntime, build_runtime
from authorization.main import create_app
from authorization.settings import AuthorizationSettings
from chairside_shared.cli import service_main
from chairside_shared.settings import ServiceSettings


def _own(settings: ServiceSettings) -> AuthorizationSettings:
    """service_main loads ``settings_cls`` and hands it back typed as the base class."""
    if not isinstance(settings, AuthorizationSettings):
        raise TypeError(f"expected AuthorizationSettings, got {type(settings).__name__}")
    return settings


def _app(settings: ServiceSettings) -> FastAPI:
    return create_app(_own(settings))


def _runtime(settings: ServiceSettings) -> AuthorizationRuntime:
    return build_runtime(_own(settings))


service_main(settings_cls=AuthorizationSettings, app_factory=_app, runtime_factory=_runtime)
