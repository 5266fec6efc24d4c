import sys

from chairside_shared.cli import service_main
from orders.bootstrap import build_runtime, orders_settings, rotate_phi_keys_main
from orders.main import create_app
from orders.settings import OrdersSettings

if sys.argv[1:2] == ["rotate-phi-keys"]:
    # python -m orders rotate-phi-keys [--batch-size N]: rewrap every PHI data key still
    # wrapped by a key other than ORDERS_PHI_CURRENT_KEY_ID (safe while the service runs).
    rotate_phi_keys_main(sys.argv[2:])
else:
    service_main(settings_cls=OrdersSettings,
                 app_factory=lambda settings: create_app(orders_settings(settings)),
                 runtime_factory=lambda settings: build_runtime(orders_settings(settings)))
