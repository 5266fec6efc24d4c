from chairside_shared.cli import service_main
from scheduling.bootstrap import build_runtime
from scheduling.main import create_app
from scheduling.settings import SchedulingSettings

service_main(settings_cls=SchedulingSettings, app_factory=create_app, runtime_factory=build_runtime)
