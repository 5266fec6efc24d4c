"""Service bugs the end-to-end tests run into, recorded instead of stopping the test.

A test that meets a known bug notes it, works around it where it can (so the rest of the visit
is still checked: any other failure fails the test as usual), and ends as an expected failure
naming the bugs it met. Once they are fixed the same test simply passes: nothing to remove.
"""

from __future__ import annotations

import pytest

ORDERS_NO_DENIAL_REASON = (
    "orders: on authorization.denied the order records only {event, status}; the payer's "
    "reason (AuthorizationDenied.reason) is dropped, so the order cannot show it")
SCHEDULING_NO_UTILIZATION_METRIC = (
    "scheduling: /metrics has no chair-utilization figure (design.md lists chair utilization "
    "among the business metrics; it is only on GET /v1/board)")
DEVSTACK_REIMBURSEMENT_ORDERS_URL = (
    "shared devstack: build_processes does not set REIMBURSEMENT_ORDERS_URL, so with "
    "--port-offset the reimbursement service asks 127.0.0.1:8001 (another stack, or nothing) "
    "for subscriber demographics at 837P export")


class KnownBugs:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def note(self, bug: str) -> None:
        if bug not in self.seen:
            self.seen.append(bug)

    def finish(self) -> None:
        """Call last: everything else in the test has been asserted by then."""
        if self.seen:
            pytest.xfail("known service bug(s): " + " | ".join(self.seen))
