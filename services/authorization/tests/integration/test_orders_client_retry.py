"""The identity read from orders over real HTTP waits out orders' short 503 (a request that
met a dead database connection) instead of pending the eligibility check for a minute."""

from uuid import uuid4

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from authorization.adapters.orders_client import OrdersIdentitySource
from authorization.domain.errors import IdentityUnavailable
from chairside_shared.testing.serve import serving

from ..unit.test_pas_identity import CONTRACT_ANSWER

pytestmark = pytest.mark.integration


class Orders:
    """Answers 503 (Retry-After 1) to the first ``lost`` reads, then the contract's answer."""

    def __init__(self, lost: int) -> None:
        self.lost, self.seen = lost, 0

    async def payer_identity(self, request: Request) -> JSONResponse:
        self.seen += 1
        if self.seen <= self.lost:
            return JSONResponse({"title": "database connection lost"}, status_code=503,
                                headers={"retry-after": "1"})
        return JSONResponse(CONTRACT_ANSWER)


@pytest.mark.parametrize(("lost", "sends", "served"), [(0, 1, True), (1, 2, True),
                                                       (3, 3, False)])
async def test_a_lost_connection_at_orders_is_waited_out(lost, sends, served):
    orders = Orders(lost)
    app = Starlette(routes=[Route("/v1/orders/{order_id}/payer-identity",
                                  orders.payer_identity)])
    with serving(app, name="orders") as url:
        source = OrdersIdentitySource(url)
        if served:
            got = await source.for_order(uuid4())
            assert got is not None and got.coverage is not None
            assert got.coverage.member_id == CONTRACT_ANSWER["coverage"]["member_id"]
        else:
            with pytest.raises(IdentityUnavailable, match="answered 503") as err:
                await source.for_order(uuid4())
            assert err.value.retryable
    assert orders.seen == sends
