from fastapi import FastAPI

from chairside_shared.cli import service_main
from chairside_shared.settings import ServiceSettings
from scheduling.bootstrap import SchedulingRuntime, build_runtime
from scheduling.main import create_app
from scheduling.settings import SchedulingSettings


def _scheduling(settings: ServiceSettings) -> SchedulingSettings:
    """service_main loads the settings class it is given: SchedulingSettings."""
    if not isinstance(settings, SchedulingSettings):
        raise TypeError(f"scheduling runs on SchedulingSettings, not {type(settings).__name__}")
    return settings


def _app(settings: ServiceSettings) -> FastAPI:
    return create_app(_scheduling(settings))


def _runtime(settings: ServiceSettings) -> SchedulingRuntime:
    return build_runtime(_scheduling(settings))


service_main(settings_cls=SchedulingSettings, app_factory=_app, runtime_factory=_runtime)
