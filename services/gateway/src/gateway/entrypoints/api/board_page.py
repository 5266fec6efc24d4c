"""The live chair board page: static files under /board/ (no build step) and the small
/board/config.json telling the page where to sign staff in (the built-in issuer, or the
external OIDC issuer's endpoints, found by discovery unless configured)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles

from gateway.service.authcode import BOARD_SCOPES
from gateway.settings import GatewaySettings

BOARD_DIR = Path(__file__).parent.parent / "web" / "board"


async def _endpoints(request: Request, settings: GatewaySettings) -> dict[str, str]:
    if settings.token_issuer == "builtin":
        return {"authorization_endpoint": "/v1/oauth/authorize",
                "token_endpoint": "/v1/oauth/token"}
    if settings.oidc_authorization_endpoint and settings.oidc_token_endpoint:
        return {"authorization_endpoint": settings.oidc_authorization_endpoint,
                "token_endpoint": settings.oidc_token_endpoint}
    cached: dict[str, str] | None = getattr(request.app.state, "board_discovery", None)
    if cached is None:
        gw = request.app.state.gateway
        url = f"{str(settings.oidc_issuer).rstrip('/')}/.well-known/openid-configuration"
        doc = (await gw.http.get(url, timeout=5)).raise_for_status().json()
        cached = {k: str(doc[k]) for k in ("authorization_endpoint", "token_endpoint")}
        request.app.state.board_discovery = cached
    return cached


def _has_route(app: FastAPI, path: str) -> bool:
    return any(getattr(r, "path", None) == path for r in app.router.routes)


async def board_config(request: Request) -> Response:
    settings: GatewaySettings = request.app.state.gateway.settings
    body: dict[str, Any] = {
        "client_id": settings.board_client_id,
        "redirect_uris": sorted(settings.board_redirects),
        "scope": " ".join(sorted(BOARD_SCOPES)),
        # Null when this gateway has no event stream: the page polls the board instead (and a
        # request that can only 404 would be a console error).
        "stream": "/v1/stream" if _has_route(request.app, "/v1/stream")
        and getattr(request.app.state.gateway, "stream", None) is not None else None,
        **await _endpoints(request, settings),
    }
    return JSONResponse(body)


def mount_board(app: FastAPI) -> None:
    async def to_board(request: Request) -> Response:
        return RedirectResponse("/board/", status_code=308)

    app.router.add_route("/board", to_board, methods=["GET"], include_in_schema=False)
    app.router.add_route("/board/config.json", board_config, methods=["GET"],
                         include_in_schema=False)
    app.mount("/board/", StaticFiles(directory=BOARD_DIR, html=True), name="board")
