"""dateline serve: a web page and a JSON API over the record (FastAPI under uvicorn).

    dateline serve [--db URL] [--host 127.0.0.1] [--port 8000]

``create_app(db)`` (dateline.server.app) builds the application; ``standalone_html(records)`` is the
article view as one self-contained HTML file (``dateline analyze --format html``).
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["create_app", "standalone_html", "serve"]


def create_app(db: str, **kw):
    from .app import create_app as _create
    return _create(db, **kw)


def standalone_html(objs: list[dict]) -> str:
    """Records (or ``{"id", "error"}`` objects) as one HTML file with its style inside and no script."""
    from markupsafe import Markup

    from .app import STATIC, templates
    from .pages import article_context

    items = [{"id": o.get("id"), "error": o["error"]} if "error" in o else {"error": None, **article_context(o)}
             for o in objs]
    title = "dateline" if len(objs) != 1 or "error" in objs[0] else \
        (objs[0]["article"].get("title") or objs[0]["article"]["id"])
    css = Markup(Path(STATIC, "style.css").read_text(encoding="utf-8"))
    return templates().get_template("article_standalone.html").render(articles=items, title=title, css=css)


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, settings=None, log_level: str = "info",
          workers: int = 1) -> None:
    """Run the application under uvicorn; ``workers`` > 1 starts that many server processes (each
    builds its app from $DATELINE_SERVE_DB and the settings file, see ``app.from_env``)."""
    import os

    import uvicorn

    from .app import create_app as _create
    if workers > 1:
        _create(db, settings=settings)            # checks the store now, with a clear error
        os.environ["DATELINE_SERVE_DB"] = db
        uvicorn.run("dateline.server.app:from_env", factory=True, host=host, port=port, workers=workers,
                    log_level=log_level, proxy_headers=False, server_header=False)
        return
    app = _create(db, settings=settings)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
