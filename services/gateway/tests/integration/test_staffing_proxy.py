"""The staffing forecast through the gateway: staff get the JSON and the SVG chart's bytes as
the service sent them; partner clients get 403 and nothing is forwarded."""

import pytest

pytestmark = pytest.mark.integration

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"/>'


async def test_staff_get_the_chart_bytes_and_partners_are_refused(g, fakes):
    staff = await g.auth("demo-admin")
    r = await g.client.get("/v1/staffing/forecast.svg", params={"week": "2026-03-02"},
                           headers=staff)
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert r.content == SVG
    seen = fakes["scheduling"].calls("GET", "/v1/staffing/forecast.svg")
    assert seen[-1].query == {"week": "2026-03-02"}
    r = await g.client.get("/v1/staffing/forecast", params={"week": "2026-03-02"},
                           headers=staff)
    assert r.status_code == 200 and r.json()["week"] == "2026-03-02"
    partner = await g.auth("demo-partner")
    before = len(fakes["scheduling"].seen)
    for path in ("/v1/staffing/forecast", "/v1/staffing/forecast.svg"):
        r = await g.client.get(path, params={"week": "2026-03-02"}, headers=partner)
        assert r.status_code == 403
    assert len(fakes["scheduling"].seen) == before


async def test_a_malformed_week_is_refused_at_the_edge(g, fakes):
    staff = await g.auth("demo-admin")
    before = len(fakes["scheduling"].seen)
    r = await g.client.get("/v1/staffing/forecast", params={"week": "soon"}, headers=staff)
    assert r.status_code == 422 and "week" in r.text
    assert len(fakes["scheduling"].seen) == before
