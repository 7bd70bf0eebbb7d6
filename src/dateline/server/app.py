"""The FastAPI application: the store per thread (read-only), one error shape, security headers.

    from dateline.server.app import create_app
    app = create_app("dateline.db")              # or postgresql://...; serve with uvicorn

Every 4xx/5xx answer is ``{"error": {"code", "message"}}`` (JSON for the API and for any client
that does not ask for HTML; the same code and message in an HTML page for a browser). Every answer
carries a Content-Security-Policy that allows scripts, styles and images from this server only (no
inline script runs, whatever a page contains), and the usual no-sniff / no-frame headers.
"""
from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import DatelineError, InputError
from ..settings import Settings, load_settings
from ..store import Store, StoreError, open_store
from ..timeline.queries import QueryError
from . import render

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]
log = logging.getLogger("dateline.server")
STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 406: "not_acceptable", 408: "timeout", 413: "too_large",
                415: "unsupported_media_type", 422: "bad_request", 429: "too_many_requests", 500: "internal",
                503: "unavailable", 504: "timeout"}


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["readable"] = render.readable_date
    env.filters["safe_url"] = render.safe_url
    env.globals["version"] = __version__
    return env


class Stores:
    """One read-only store per server thread (SQLite connections are not shared across threads)."""

    def __init__(self, url: str):
        self.url = url
        self.local = threading.local()
        self.lock = threading.Lock()
        self.opened: list[Store] = []

    def get(self) -> Store:
        s = getattr(self.local, "store", None)
        if s is None:
            s = open_store(self.url, readonly=True)
            self.local.store = s
            with self.lock:
                self.opened.append(s)
        return s

    def close(self) -> None:
        with self.lock:
            for s in self.opened:
                s.close()
            self.opened.clear()


class SecurityHeaders:
    """Pure ASGI middleware adding the CSP and the other security headers to every response; an
    unexpected exception becomes a 500 in the one error shape (with the headers), logged with its
    traceback."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in have]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            if started:
                raise
            log.exception("internal error on %s %s", scope.get("method"), scope.get("path"))
            resp = error_response(Request(scope), 500, "internal",
                                  f"internal error ({type(exc).__name__}); see the server log")
            await resp(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes (413), by Content-Length or while reading."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        size = dict(scope.get("headers") or []).get(b"content-length")
        too_big = {"code": "too_large", "message": f"the request body is over the limit of {self.limit} bytes "
                                                   "(max_bytes in the settings, plus 1 MB)"}
        if size is not None and size.isdigit() and int(size) > self.limit:
            return await JSONResponse({"error": too_big}, status_code=413)(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise StarletteHTTPException(413, detail=too_big)
            return message

        await self.app(scope, counted, send)


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path in ("/openapi.json", "/healthz"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, code: str, message: str) -> HTMLResponse | JSONResponse:
    if wants_html(request):
        page = request.app.state.templates.get_template("error.html")
        from .pages import NAV
        return HTMLResponse(page.render(status=status, code=code, message=message, title=f"Error {status}", nav=NAV,
                                        path=""),
                            status_code=status)
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail
        if isinstance(detail, dict):
            code, message = detail.get("code", "error"), detail.get("message", "")
        else:
            code, message = STATUS_CODES.get(exc.status_code, "error"), str(detail)
        if exc.status_code == 404 and not isinstance(detail, dict):
            message = f"{request.url.path}: no such page or resource"
        if exc.status_code == 405:
            message = f"{request.method} {request.url.path}: method not allowed"
        resp = error_response(request, exc.status_code, code, message)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{where or 'request'}: {e.get('msg')}")
        return error_response(request, 400, "bad_request", "; ".join(parts) or "bad request")

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError):
        status = 400 if isinstance(exc, (QueryError, InputError)) else 503 if isinstance(exc, StoreError) else 500
        if exc.code == "too_large":
            status = 413
        elif exc.code == "timeout":
            status = 504
        elif exc.code == "worker":         # no analysis worker could take the request (dateline.server.worker)
            status = 503
        return error_response(request, status, exc.code, exc.message)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        return error_response(request, 500, "internal", f"internal error ({type(exc).__name__}); see the server log")


def create_app(db: str, *, settings: Settings | None = None, workers: int = 2) -> FastAPI:
    """The application over the store at ``db`` (checked now: a missing store is an error here)."""
    from . import api, pages
    from .worker import Workers

    settings = settings or load_settings()
    open_store(db, readonly=True).close()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.workers.close()
        app.state.stores.close()

    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The record of events, clusters, articles, claims and quotations in a dateline store. "
                              "Every error is {\"error\": {\"code\", \"message\"}}; lists are paged by `cursor`.")
    app.state.db = db
    app.state.settings = settings
    app.state.stores = Stores(db)
    app.state.workers = Workers(settings, size=workers)
    app.state.write_lock = threading.Lock()
    app.state.templates = templates()
    app.add_middleware(BodyLimit, limit=settings.max_bytes + 1_000_000)
    app.add_middleware(SecurityHeaders)
    _install_errors(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def from_env() -> FastAPI:
    """The application for a server process started by uvicorn with several workers."""
    import os

    return create_app(os.environ["DATELINE_SERVE_DB"])
