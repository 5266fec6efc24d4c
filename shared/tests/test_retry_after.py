"""Reads between services wait out a short 503 (Retry-After) over real HTTP: a server that
answers 503 a set number of times, then 200."""

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from chairside_shared.retry_after import RetryAfterTransport
from chairside_shared.testing.serve import serving


class Flaky:
    """Answers ``failures`` 503s (Retry-After ``retry_after``) before it serves; counts sends."""

    def __init__(self) -> None:
        self.failures, self.retry_after, self.seen = 0, "1", 0

    async def handle(self, request: Request) -> Response:
        self.seen += 1
        if self.seen <= self.failures:
            headers = {"retry-after": self.retry_after} if self.retry_after else {}
            return JSONResponse({"title": "database connection lost"}, status_code=503,
                                headers=headers)
        return JSONResponse({"served": self.seen})


@pytest.fixture(scope="module")
def flaky():
    app = Flaky()
    routes = [Route("/thing", app.handle, methods=["GET", "POST"])]
    with serving(Starlette(routes=routes), name="flaky") as url:
        yield app, url


@pytest.fixture
def server(flaky):
    app, url = flaky
    app.failures, app.retry_after, app.seen = 0, "1", 0
    return app, url


async def call(url: str, method: str = "GET", **kw) -> tuple[httpx.Response, list[float]]:
    waits: list[float] = []

    async def sleep(s: float) -> None:  # the wait asked for, recorded, not slept
        waits.append(s)

    async with httpx.AsyncClient(transport=RetryAfterTransport(sleep=sleep, **kw)) as client:
        return await client.request(method, f"{url}/thing"), waits


@pytest.mark.parametrize(("failures", "status", "sends", "waits"), [
    (0, 200, 1, []),
    (1, 200, 2, [1.0]),
    (2, 200, 3, [1.0, 1.0]),
    (3, 503, 3, [1.0, 1.0]),  # three sends in all: the third 503 is the caller's
])
async def test_a_read_is_sent_again_after_the_wait_asked_for(server, failures, status, sends,
                                                             waits):
    app, url = server
    app.failures = failures
    response, waited = await call(url)
    assert (response.status_code, app.seen, waited) == (status, sends, waits)
    if status == 200:
        assert response.json() == {"served": sends}


@pytest.mark.parametrize(("method", "retry_after"), [
    ("POST", "1"),    # a write may have been applied: never repeated here
    ("GET", "30"),    # longer than the caller should be kept waiting
    ("GET", ""),      # no Retry-After: the server did not ask for a retry
    ("GET", "Wed, 21 Oct 2015 07:28:00 GMT"),  # a date: not what the services send
])
async def test_what_is_not_retried_comes_back_as_it_came(server, method, retry_after):
    app, url = server
    app.failures, app.retry_after = 1, retry_after
    response, waited = await call(url, method)
    assert (response.status_code, app.seen, waited) == (503, 1, [])
    assert response.json() == {"title": "database connection lost"}


async def test_a_single_attempt_never_retries(server):
    app, url = server
    app.failures = 1
    response, waited = await call(url, attempts=1)
    assert (response.status_code, app.seen, waited) == (503, 1, [])
    with pytest.raises(ValueError):
        RetryAfterTransport(attempts=0)
