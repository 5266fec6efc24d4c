"""Forwarding one validated call to its service, with practice binding enforced around it.

A bound partner's call is checked before it leaves (actions, creates, list filters) and its
answer is checked before it is returned (single reads, list items). "Not yours" and "does
not exist" give the same 404, so ids of other practices cannot be probed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from chairside_shared import inputs
from gateway.adapters.cursors import Binding, CursorRejected, CursorSealer
from gateway.adapters.upstream import MAX_UPSTREAM_DEPTH, Unavailable, Upstreams
from gateway.domain import access
from gateway.domain import problems as pb
from gateway.domain.audit import resource_ids, safe_id
from gateway.domain.principal import Principal
from gateway.domain.ratelimit import retry_after_header
from gateway.domain.routing import Kind, Route, expand

# Response headers a service may pass to the client; everything else is the gateway's.
PASSED_HEADERS = ("content-type", "location", "etag", "last-modified", "retry-after",
                  "content-disposition")


@dataclass
class Call:
    route: Route
    principal: Principal
    path: str
    params: dict[str, str]
    query: dict[str, str]
    body: bytes | None = None
    body_doc: Any = None
    content_type: str | None = None
    paged: bool = False  # the list takes `cursor` and answers `next_cursor` (sealed here)
    headers: dict[str, str] = field(default_factory=dict)  # identity + trace for upstream
    owners: dict[tuple[str, str], str | None] = field(default_factory=dict)
    result_ids: list[str] = field(default_factory=list)  # what the answer showed (audit)


@dataclass
class Result:
    status: int
    headers: dict[str, str]
    content: bytes
    doc: Any = None
    ids: list[str] = field(default_factory=list)  # resources shown, for the audit trail


def _is_json(content_type: str) -> bool:
    ct = content_type.split(";")[0].strip().lower()
    return ct == "application/json" or ct.endswith("+json")


def _json(doc: Any) -> bytes:
    return json.dumps(doc, separators=(",", ":"), default=str).encode()


def upstream_json(resp: httpx.Response) -> Any:
    """A service's JSON answer, depth-bounded like everything the gateway parses; ValueError
    when it is not JSON or nests too deeply."""
    return inputs.parse_json(resp.content, max_depth=MAX_UPSTREAM_DEPTH)


def malformed(upstream: str) -> pb.Problem:
    return pb.Problem(502, "upstream-error", f"the {upstream} service sent malformed JSON",
                      extra={"service": upstream})


def upstream_problem(upstream: str, resp: httpx.Response) -> pb.Problem | None:
    """A service's error as the client's problem+json. 4xx keep their status and detail; a
    service's 5xx becomes 502/503/504 without its internals."""
    status = resp.status_code
    if status < 400:
        return None
    ctype = resp.headers.get("content-type", "")
    if status == 503:
        retry = resp.headers.get("retry-after") or retry_after_header(1)
        return pb.service_unavailable(upstream, retry)
    if status >= 500:
        code = 504 if status == 504 else 502
        return pb.Problem(code, "upstream-error", f"the {upstream} service failed to answer",
                          extra={"service": upstream})
    doc: Any = None
    if _is_json(ctype):
        try:
            doc = upstream_json(resp)
        except ValueError:
            doc = None
    if ctype.startswith(pb.PROBLEM_MEDIA_TYPE) and isinstance(doc, dict):
        extra = {k: v for k, v in doc.items()
                 if k not in ("type", "title", "status", "detail", "errors", "instance")}
        p = pb.Problem(status, "upstream", str(doc.get("detail") or ""), extra=extra,
                       errors=doc.get("errors") if isinstance(doc.get("errors"), list) else None)
        p.extra["type"] = doc.get("type") or pb.TYPE_BASE + "upstream"
        return p
    detail = doc.get("detail") if isinstance(doc, dict) else None
    if isinstance(detail, list):  # FastAPI's own validation error shape
        errors = [{"field": pb.error_location(e.get("loc", [])), "message": str(e.get("msg"))}
                  for e in detail if isinstance(e, dict)]
        return pb.validation(errors)
    slug = {404: "not-found", 409: "conflict", 422: "validation-error"}.get(status, "upstream")
    text = detail if isinstance(detail, str) else f"the {upstream} service refused the request"
    return pb.Problem(status, slug, text)


def binding(call: Call) -> Binding:
    p = call.principal
    return Binding(p.client_id, p.practice_id, p.user_id, f"{call.route.method} {call.route.path}")


class Proxy:
    def __init__(self, upstreams: Upstreams, cursors: CursorSealer) -> None:
        self.upstreams = upstreams
        self.cursors = cursors

    async def fetch(self, upstream: str, method: str, path: str, call: Call, *,
                    params: Mapping[str, str | list[str]] | None = None,
                    body: bytes | None = None, content_type: str | None = None) -> httpx.Response:
        headers = dict(call.headers)
        if content_type:
            headers["content-type"] = content_type
        return await self.upstreams[upstream].request(method, path, params=params,
                                                      headers=headers, content=body)

    async def practice_of(self, owner: access.Owner, call: Call) -> str | None:
        """Follow patient/order references (at most MAX_OWNER_HOPS reads) to the practice."""
        visited: list[tuple[str, str]] = []
        result: str | None = None
        for _ in range(access.MAX_OWNER_HOPS + 1):
            if isinstance(owner, access.Owned):
                result = owner.practice_id
                break
            if not isinstance(owner, access.Lookup):
                break
            key = (owner.resource, owner.id)
            if key in call.owners:
                result = call.owners[key]
                break
            visited.append(key)
            upstream, template = access.RESOURCE_LOCATIONS[owner.resource]
            try:
                path = expand(template, {"id": owner.id})
            except ValueError:  # a reference no resource can have: nobody's
                break
            resp = await self.fetch(upstream, "GET", path, call)
            if resp.status_code in (502, 503, 504):
                raise Unavailable(upstream, resp.headers.get("retry-after") or "1")
            doc = None
            if resp.status_code == 200 and _is_json(resp.headers.get("content-type", "")):
                try:
                    doc = upstream_json(resp)
                except ValueError:
                    raise malformed(upstream) from None
            owner = access.owner_of(doc)
        for key in visited:
            call.owners[key] = result
        return result

    async def _require_own(self, owner: access.Owner, call: Call, what: str) -> None:
        if await self.practice_of(owner, call) != call.principal.practice_id:
            raise pb.not_found(f"no such {what}")

    async def handle(self, call: Call) -> Result:
        route, principal = call.route, call.principal
        g = access.gate(route, principal)
        if g is access.Gate.FORBIDDEN:
            raise pb.forbidden("this route is for the center's staff, not partner clients")
        query = call.query
        if call.paged and "cursor" in query:
            try:
                query = {**query, "cursor": self.cursors.open(query["cursor"], binding(call))}
            except CursorRejected as exc:
                raise pb.validation([{"field": "cursor", "message": str(exc)}],
                                    "query parameter not valid") from None
        if g is access.Gate.CHECK:
            if route.kind is Kind.LIST:
                bound = access.bind_list_query(query, principal.practice_id or "")
                if bound is None:
                    return self._json_result(200, {"items": [], "next_cursor": None})
                query = bound
            elif route.kind is Kind.REPORT:
                bound = access.bind_report_query(query, principal.practice_id or "")
                if bound is None:
                    raise pb.not_found("no such practice")
                query = bound
            elif route.kind is Kind.SEARCH:
                if not access.bind_search(call.body_doc, principal.practice_id or ""):
                    return self._json_result(route.status, {route.found: []})
            elif route.kind is Kind.CREATE:
                owners = access.owners_of_new(route, call.body_doc)
                if route.owner_field == "practice_id" and isinstance(call.body_doc, dict) \
                        and call.body_doc.get("practice_id") is None:
                    # No practice named: the service files it under the caller's practice,
                    # which it reads from x-chairside-practice-id.
                    owners = [access.Owned(principal.practice_id or "")]
                kind = (route.owner_field or "").removesuffix("s").removesuffix("_id")
                for owner in owners:
                    await self._require_own(owner, call, kind)
            elif access.needs_precheck(route):
                rid = call.params[route.id_param or ""]
                await self._require_own(access.Lookup(route.resource or "", rid), call,
                                        route.resource or "resource")
        resp = await self.fetch(route.upstream, route.method, call.path, call, params=query,
                                body=call.body, content_type=call.content_type)
        if resp.status_code == 404 and route.kind is Kind.ITEM and route.resource:
            # The gateway's own words, exactly those of "another practice's" below: the
            # service's ("appointment <id> not found") would tell the two apart.
            raise pb.not_found(f"no such {route.resource}")
        problem = upstream_problem(route.upstream, resp)
        if problem is not None:
            raise problem
        return await self._answer(call, g, resp)

    async def _answer(self, call: Call, g: access.Gate, resp: httpx.Response) -> Result:
        route = call.route
        headers = {k: v for k, v in resp.headers.items() if k.lower() in PASSED_HEADERS}
        ctype = resp.headers.get("content-type", "")
        if route.kind is Kind.REPORT and g is access.Gate.CHECK:
            return self._own_report(call, resp, headers, ctype)
        if not _is_json(ctype) or not (route.phi or g is access.Gate.CHECK or call.paged):
            return Result(resp.status_code, headers, resp.content)
        try:
            doc = upstream_json(resp)
        except ValueError:
            raise malformed(route.upstream) from None
        if route.kind is Kind.SEARCH:
            return await self._found(call, g, resp, headers, doc)
        sealed = self._seal_cursor(call, doc)
        if sealed is not None:
            doc = sealed
        if g is access.Gate.CHECK:
            if route.kind is Kind.ITEM:
                await self._require_own(access.owner_of(doc), call, route.resource or "resource")
            elif route.kind is Kind.LIST and access.is_page(doc):
                mine = []
                for item in doc["items"]:
                    if await self.practice_of(access.owner_of(item), call) == \
                            call.principal.practice_id:
                        mine.append(item)
                if len(mine) != len(doc["items"]):
                    doc = {**doc, "items": mine}
                    return Result(resp.status_code, headers, _json(doc), doc, resource_ids(doc))
        content = resp.content if sealed is None else _json(doc)
        return Result(resp.status_code, headers, content, doc, resource_ids(doc))

    def _own_report(self, call: Call, resp: httpx.Response, headers: dict[str, str],
                    ctype: str) -> Result:
        """A bound partner's report: the rows of its own practice only (defence in depth:
        the service was asked for that practice alone)."""
        mine = call.principal.practice_id or ""
        if _is_json(ctype):
            try:
                doc = access.own_report_rows(upstream_json(resp), mine)
            except ValueError:
                raise malformed(call.route.upstream) from None
            return Result(resp.status_code, headers, _json(doc), doc, [])
        if ctype.startswith("text/csv"):
            text = access.own_csv_rows(resp.text, mine)
            return Result(resp.status_code, headers, text.encode(), None, [])
        return Result(resp.status_code, headers, b"", None, [])  # nothing else is trusted

    async def _found(self, call: Call, g: access.Gate, resp: httpx.Response,
                     headers: dict[str, str], doc: Any) -> Result:
        """A SEARCH answer: for a bound partner, only the ids its practice owns."""
        route = call.route
        ids = access.found_ids(route, doc)
        resource = (route.found or "").removesuffix("_ids")
        if g is access.Gate.CHECK:
            mine = [i for i in ids if await self.practice_of(access.Lookup(resource, i), call)
                    == call.principal.practice_id]
            if mine != ids or not isinstance(doc, dict) or \
                    not isinstance(doc.get(route.found), list):
                doc = {**(doc if isinstance(doc, dict) else {}), route.found: mine}
                return Result(resp.status_code, headers, _json(doc), doc,
                              [i for i in mine if safe_id(i)])
        return Result(resp.status_code, headers, resp.content, doc,
                      [i for i in ids if safe_id(i)])

    def _seal_cursor(self, call: Call, doc: Any) -> dict[str, Any] | None:
        """The page with its next_cursor sealed for this caller (None: nothing to seal)."""
        if not (call.paged and isinstance(doc, dict) and doc.get("next_cursor") is not None):
            return None
        raw, upstream = doc["next_cursor"], call.route.upstream
        unusable = pb.Problem(502, "upstream-error", f"the {upstream} service sent a cursor it "
                              "cannot page with", extra={"service": upstream})
        if not isinstance(raw, str):
            raise unusable
        try:
            return {**doc, "next_cursor": self.cursors.seal(raw, binding(call))}
        except ValueError:  # longer than a public cursor can carry
            raise unusable from None

    @staticmethod
    def _json_result(status: int, doc: Any) -> Result:
        return Result(status, {"content-type": "application/json"}, _json(doc), doc,
                      resource_ids(doc))
