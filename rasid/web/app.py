"""The web application: REST API under /api, server-rendered pages, vendored static files.

`create_app` wires the pieces and the guard every request passes first: the token (when the
server is reachable from other machines; without one, only requests addressed to localhost are
answered, which defeats DNS rebinding), a body-size limit enforced while the body streams in
(so a huge upload is refused before it is buffered), a same-origin rule for POSTs, and
security headers (a strict Content-Security-Policy: the pages run only our own scripts).
"""

from __future__ import annotations

import ipaddress
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rasid import __version__
from rasid.io import DEFAULT_MAX_BYTES
from rasid.store.db import Store, StoreError
from rasid.web import api, pages
from rasid.web.templating import STATIC, templates

TOKEN_COOKIE = "rasid_token"
# Characters that travel unquoted in a URL, a header and a cookie.
_TOKEN = re.compile(r"[A-Za-z0-9._~+/=-]{1,200}")
# A multipart upload carries its file plus boundaries and a few small fields.
_FORM_OVERHEAD = 64 * 1024
_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Swagger UI injects its own <style> elements.
_CSP_DOCS = _CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


@dataclass(frozen=True)
class Settings:
    db_path: Path
    token: str | None
    max_upload_bytes: int


def create_app(db_path: str | Path, token: str | None = None,
               max_upload_bytes: int = DEFAULT_MAX_BYTES) -> FastAPI:
    """The app over the store at `db_path` (created empty when missing, so the UI still opens)."""
    if token is not None and not _TOKEN.fullmatch(token):
        raise ValueError("a token is 1 to 200 letters, digits or the characters . _ ~ + / = -")
    path = Path(db_path)
    if not path.exists():
        Store(path).close()
    app = FastAPI(title="rasid", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic news rebuilt as structured conflict data: documents, actors, "
                              "events, claims and contradictions from the rasid store.")
    app.state.settings = Settings(path, token or None, max_upload_bytes)
    app.add_middleware(Guard, settings=app.state.settings)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def wants_json(request_path: str) -> bool:
    return request_path.startswith("/api") or request_path == "/openapi.json"


def error_response(request: Request, status: int, message: str, **extra: Any) -> Response:
    """One clear message: JSON for the API, a small page for the pages."""
    if wants_json(request.url.path):
        return JSONResponse({"error": message, "status": status, **extra}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such page: {request.url.path}"
    return error_response(request, exc.status_code, message)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"] if part not in ("query", "path", "body"))
        problems.append(f"{where}: {error['msg']}" if where else error["msg"])
    detail = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
    return error_response(request, 422, "; ".join(problems), detail=detail)


async def _store_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 503, str(exc))


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request is over the {limit / 1_000_000:.1f} MB upload limit")


class Guard:
    """Token check, upload limit, same-origin POSTs and security headers, before anything else."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given, remember = _token_of(request) if self.settings.token else (None, False)
        csp = _CSP_DOCS if scope["path"] == "/docs" else _CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = csp
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
                if remember and message["status"] < 400 and self.settings.token:
                    headers.append("Set-Cookie", f"{TOKEN_COOKIE}={self.settings.token}; Path=/; "
                                                 "HttpOnly; SameSite=Strict")
            await send(message)

        refusal = self._refuse(request, given)
        if refusal is not None:
            response = error_response(request, *refusal)
            if refusal[0] == 401:
                response.headers["WWW-Authenticate"] = "Bearer"
            await response(scope, receive, send_with_headers)
            return
        if scope["method"] == "POST":
            receive = _limited(receive, self.settings.max_upload_bytes + _FORM_OVERHEAD)
        await self.app(scope, receive, send_with_headers)

    def _refuse(self, request: Request, given: str | None) -> tuple[int, str] | None:
        """Why a request is refused before the app sees it, or None."""
        token = self.settings.token
        if token and given is None:
            return 401, "this server needs a token: add ?token=… to the URL or send 'Authorization: Bearer …'"
        if token and not secrets.compare_digest((given or "").encode(), token.encode()):
            return 403, "wrong token"
        if not token and not _is_loopback_host(request.headers.get("host", "")):
            # Without a token the server is for this machine only; a page on another site that
            # rebinds its DNS name to 127.0.0.1 arrives with its own name in Host.
            return 403, ("without a token this server answers only to localhost; start it with --token "
                         "to reach it by another name")
        if request.method != "POST":
            return None
        origin = request.headers.get("origin")
        if origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host"):
            return 403, "cross-site request refused"
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.settings.max_upload_bytes + _FORM_OVERHEAD:
            return 413, BodyTooLarge(self.settings.max_upload_bytes).detail
        return None


def _is_loopback_host(host: str) -> bool:
    name = host[1:].split("]", 1)[0] if host.startswith("[") else host.rsplit(":", 1)[0]
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return name == "localhost"


def _token_of(request: Request) -> tuple[str | None, bool]:
    """The token a request carries, and whether it came in the URL (then a cookie keeps it)."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip(), False
    if "x-rasid-token" in request.headers:
        return request.headers["x-rasid-token"], False
    if "token" in request.query_params:
        return request.query_params["token"], True
    return request.cookies.get(TOKEN_COOKIE), False


def _limited(receive: Receive, limit: int) -> Receive:
    """`receive` that refuses a body growing past `limit` bytes (chunked uploads have no length)."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit - _FORM_OVERHEAD)
        return message

    return wrapped
