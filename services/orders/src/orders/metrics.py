"""Business metrics of the orders service (Prometheus, served on /metrics). Labels are codes
and classes only: never a patient or an order id."""

from prometheus_client import Counter

ORDERS_CREATED = Counter("orders_created_total", "Draft orders created", ["urgency"])
ORDERS_SIGNED = Counter("orders_signed_total", "Orders signed", ["acuity_class", "urgency"])
SIGN_REFUSED = Counter("orders_sign_refused_total",
                       "Signing refused by an un-overridden block finding", ["finding_code"])
OVERRIDES = Counter("orders_overrides_total", "Findings overridden by a clinician",
                    ["finding_code", "severity"])
FINDINGS = Counter("orders_findings_total", "Findings raised on create or edit",
                   ["finding_code", "severity"])
ADMINISTRATION_FINDINGS = Counter("orders_administration_findings_total",
                                  "Deviations found on administration records", ["finding_code"])
ORDERS_COMPLETED = Counter("orders_completed_total", "Visits completed (order.administered)")
ORDERS_CANCELLED = Counter("orders_cancelled_total", "Orders cancelled", ["previous_status"])
