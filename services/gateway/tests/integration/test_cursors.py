"""List cursors through the gateway: a service's cursor (here, like scheduling's, the last
appointment id of the page) never reaches the caller; what it gets pages on, for it alone."""

import json
import uuid

import pytest
from gateway_testkit.walk import seed_practice

pytestmark = pytest.mark.integration


async def pages(g, path, headers, **params):
    """Every page of a list, limit 1: (items of each page, the cursors handed out)."""
    items, cursors, cursor = [], [], None
    for _ in range(20):
        q = {**params, "limit": "1", **({"cursor": cursor} if cursor else {})}
        r = await g.client.get(path, params=q, headers=headers)
        assert r.status_code == 200, r.text
        items.append([i["id"] for i in r.json()["items"]])
        cursor = r.json()["next_cursor"]
        if cursor is None:
            return items, cursors
        cursors.append(cursor)
    raise AssertionError("the list never ended")


async def test_a_partner_never_sees_the_ids_of_records_filtered_from_its_page(g, fakes):
    clinic = [seed_practice(fakes, "demo-clinic", f"MRN-C-{i}") for i in range(3)]
    mine = seed_practice(fakes, "demo-partner", "MRN-P-1")
    every_id = {i for p in (*clinic, mine) for i in p.all_ids}
    partner = await g.auth("demo-partner")
    items, cursors = await pages(g, "/v1/appointments", partner)
    # Three empty pages (the clinic's appointments, filtered out), then its own.
    assert items == [[], [], [], [mine.appointment["id"]]]
    assert len(cursors) == 3
    for cursor in cursors:
        assert not any(i in cursor for i in every_id)
        with pytest.raises(ValueError):
            uuid.UUID(cursor)


async def test_cursors_page_through_and_are_bound_to_their_caller_and_list(g, fakes):
    visits = [seed_practice(fakes, "demo-partner", f"MRN-P-{i}") for i in range(3)]
    admin, partner = await g.auth(), await g.auth("demo-partner")
    items, admin_cursors = await pages(g, "/v1/appointments", admin)
    assert items == [[v.appointment["id"]] for v in visits]
    _, partner_cursors = await pages(g, "/v1/appointments", partner)
    last_id = visits[0].appointment["id"]  # what the service itself would take
    tampered = admin_cursors[0][:-2] + ("AA" if not admin_cursors[0].endswith("AA") else "BB")
    refused = [
        ("/v1/appointments", partner, admin_cursors[0]),  # another client's cursor
        ("/v1/appointments", admin, partner_cursors[0]),
        ("/v1/orders", admin, admin_cursors[0]),  # another list's cursor
        ("/v1/appointments", admin, tampered),
        ("/v1/appointments", admin, last_id),  # a raw service cursor, forged
    ]
    forwarded = len(fakes["scheduling"].seen) + len(fakes["orders"].seen)
    for path, headers, cursor in refused:
        r = await g.client.get(path, params={"cursor": cursor}, headers=headers)
        assert r.status_code == 422, (path, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["errors"] == [{"field": "cursor",
                                       "message": "not a cursor this caller was given"}]
    assert len(fakes["scheduling"].seen) + len(fakes["orders"].seen) == forwarded


async def test_a_list_its_service_does_not_page_takes_no_cursor(g, fakes):
    """The drug catalog is one page (the orders service reads no limit or cursor): a cursor
    sent anyway is dropped at the edge, never forwarded."""
    fakes["orders"].put("drugs", {"id": "ketorolac", "code": "ketorolac", "name": "k"})
    r = await g.client.get("/v1/drugs", params={"cursor": "ketorolac", "limit": "1"},
                           headers=await g.auth("demo-partner"))
    assert r.status_code == 200
    assert "cursor" not in fakes["orders"].seen[-1].query
    assert "limit" not in fakes["orders"].seen[-1].query


@pytest.mark.parametrize("cursor", [7, "x" * 301])
async def test_a_cursor_the_gateway_cannot_seal_is_a_502(g, fakes, cursor):
    fakes["scheduling"].raw_answers = [
        (200, "application/json",
         ('{"items": [], "next_cursor": ' + json.dumps(cursor) + "}").encode())]
    r = await g.client.get("/v1/appointments", headers=await g.auth())
    assert r.status_code == 502 and r.json()["service"] == "scheduling"
