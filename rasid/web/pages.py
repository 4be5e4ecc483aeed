"""The pages: server-rendered HTML over the same store questions the API answers.

Every page works without JavaScript except the graph (cytoscape draws it); scripts only add
hover glosses and the graph. Article text reaches the page through the highlighter or Jinja's
autoescape, never raw.
"""

from __future__ import annotations

import re
import time
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from rasid.document import EVENT_TYPES, to_json
from rasid.store import queries
from rasid.store.db import Store
from rasid.web import charts, views
from rasid.web.api import ISO_DATE, Reader, analyze_locked, event_type, read_article, stored_json
from rasid.web.glosses import event_sentence
from rasid.web.templating import templates

router = APIRouter(include_in_schema=False)
PAGE = 50
TIMELINE = 500        # events on the timeline page; the filters narrow a larger store


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    started = time.perf_counter()
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers["Server-Timing"] = f"render;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


def _not_found(exc: LookupError) -> HTTPException:
    return HTTPException(404, exc.args[0])


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: Reader, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    rows = queries.documents(store, limit=PAGE + 1, offset=offset)
    return render(request, "documents.html", {"documents": rows[:PAGE], "counts": store.counts(),
                                              "offset": offset, "more": len(rows) > PAGE, "page": PAGE})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def article(request: Request, store: Reader, doc_id: str) -> HTMLResponse:
    try:
        row = queries.document(store, doc_id)
    except LookupError as exc:
        raise _not_found(exc) from None
    view = views.from_stored(row)
    return render(request, "article.html", {"view": view})


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, store: Reader, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    rows = queries.actors(store, limit=PAGE + 1, offset=offset)
    return render(request, "actors.html", {"actors": rows[:PAGE], "offset": offset, "more": len(rows) > PAGE,
                                           "page": PAGE})


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor(request: Request, store: Reader, name: str) -> HTMLResponse:
    try:
        profile = queries.actor_profile(store, name)
        events = queries.events(store, actor=profile["key"], limit=1000)
    except LookupError as exc:
        raise _not_found(exc) from None
    for event in events:
        event["english"] = event_sentence(event)
    return render(request, "actor.html", {"actor": profile, "events": events,
                                          "chart": charts.monthly_bars(events)})


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request, since: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
          until: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
          type: Annotated[list[str] | None, Query()] = None, isolated: bool = False) -> HTMLResponse:
    chosen = [t for value in type or [] if (t := event_type(value))]
    return render(request, "graph.html", {"since": since or "", "until": until or "", "chosen": chosen,
                                          "types": EVENT_TYPES, "isolated": isolated})


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, store: Reader, actor: str | None = None,
             since: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
             until: Annotated[str | None, Query(pattern=ISO_DATE)] = None) -> HTMLResponse:
    try:
        rows = queries.timeline(store, actor=actor or None, since=since, until=until, limit=TIMELINE + 1)
    except LookupError as exc:
        raise _not_found(exc) from None
    for row in rows:
        row["english"] = event_sentence(row)
    more, rows = len(rows) > TIMELINE, rows[:TIMELINE]
    context = {"rows": rows, "chart": charts.timeline(rows), "actor": actor or "", "since": since or "",
               "until": until or "", "more": more}
    return render(request, "timeline.html", context)


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions(request: Request, store: Reader, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    rows = queries.contradictions(store, limit=PAGE + 1, offset=offset)
    return render(request, "contradictions.html", {"pairs": rows[:PAGE], "offset": offset,
                                                   "more": len(rows) > PAGE, "page": PAGE})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: Reader, q: str = "",
           offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    hits: list[dict[str, Any]] = []
    problem = None
    if q.strip():
        try:
            hits = queries.search(store, q, limit=PAGE + 1, offset=offset)
        except ValueError as exc:
            problem = str(exc)
    return render(request, "search.html", {"q": q, "hits": hits[:PAGE], "problem": problem, "offset": offset,
                                           "more": len(hits) > PAGE, "page": PAGE})


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return render(request, "analyze.html", {"view": None, "problem": None, "form": {}})


@router.post("/analyze", response_class=HTMLResponse)
def analyze(request: Request, text: Annotated[str | None, Form()] = None,
            file: Annotated[UploadFile | None, File()] = None,
            published: Annotated[str | None, Form()] = None, source: Annotated[str | None, Form()] = None,
            store: Annotated[str | None, Form()] = None) -> Response:
    """Analyze a pasted or uploaded article and show it at once; with `store` checked, keep it."""
    form = {"text": text or "", "published": published or "", "source": source or "", "store": bool(store)}
    upload = file if file is not None and file.filename else None
    try:
        if published and not _is_date(published):
            raise HTTPException(422, f"published: {published!r} is not a date; write it as YYYY-MM-DD")
        doc = read_article(text if text or upload is None else None, upload,
                           request.app.state.settings.max_upload_bytes)
    except HTTPException as exc:
        return render(request, "analyze.html", {"view": None, "problem": exc.detail, "form": form},
                      status=exc.status_code)
    doc.published = doc.published or published or None
    doc.source = doc.source or source or None
    analyzed = analyze_locked(doc)
    if store:
        with Store(request.app.state.settings.db_path) as writer:
            result = stored_json(writer.ingest(analyzed))
        return RedirectResponse(request.url_for("article", doc_id=result["doc_id"]), status_code=303)
    view = views.from_contract(to_json(analyzed))
    return render(request, "analyze.html", {"view": view, "problem": None, "form": form})


def _is_date(value: str) -> bool:
    return re.fullmatch(ISO_DATE, value) is not None


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI from the vendored copy, not a CDN."""
    return render(request, "docs.html", {})
