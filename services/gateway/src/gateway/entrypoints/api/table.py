"""The route table, derived line by line from shared/api.md (plus the routes the services
offer besides, and the gateway's own).

Every public route is one `Route`: which service owns it, the scope it needs, how a partner
client bound to one practice may use it, and its schemas by class: the models generated from
the owning service's OpenAPI document (contracts/, `make contracts`) or, for the gateway's own
routes, schemas.py. The gateway registers its endpoints, validates at the edge, builds its
OpenAPI document and enforces access from this table alone, so a route missing here does not
exist at the edge. Matching is in table order: literal segments come before `{ids}`.
tests/unit/test_contracts.py checks that each route is its service's operation.
"""

from __future__ import annotations

from gateway.domain.routing import Route
from gateway.entrypoints.api.routes_authorization import AUTHORIZATION_ROUTES
from gateway.entrypoints.api.routes_gateway import ACCESS_ROUTES, GATEWAY_ROUTES
from gateway.entrypoints.api.routes_orders import ORDERS_ROUTES
from gateway.entrypoints.api.routes_reimbursement import REIMBURSEMENT_ROUTES
from gateway.entrypoints.api.routes_scheduling import SCHEDULING_ROUTES

# One module per owner; their order is the matching order (access first, the gateway's
# composed views and webhooks last), so no service's `{id}` shadows another's literal path.
ROUTES: tuple[Route, ...] = (ACCESS_ROUTES + ORDERS_ROUTES + SCHEDULING_ROUTES
                             + AUTHORIZATION_ROUTES + REIMBURSEMENT_ROUTES + GATEWAY_ROUTES)
