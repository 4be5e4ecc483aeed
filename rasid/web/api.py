"""The REST API: the store's questions as JSON, and `POST /api/analyze` for one article.

Lists are paginated with limit/offset; each answer says where the next page starts
(`next_offset`, null on the last page). Filters mean what the CLI's options mean. GETs read
through a read-only connection opened for the request; only `?store=true` writes.
"""

from __future__ import annotations

import io
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile

from rasid.document import ACTOR_KINDS, EVENT_TYPES, Document, to_json
from rasid.errors import InputError
from rasid.export.graph import actor_graph, graph_json
from rasid.io import read_path
from rasid.pipeline import analyze_document
from rasid.store import queries
from rasid.store.db import Store, Stored
from rasid.text.arabic import arabic_ratio
from rasid.text.lang import MIN_ARABIC_RATIO, guess_language

router = APIRouter(prefix="/api", tags=["api"])

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
# The pipeline's resources load lazily and are shared; one analysis at a time keeps that simple
# (the work is CPU-bound under the GIL anyway).
_ANALYZE_LOCK = threading.Lock()

Row = dict[str, Any]
Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Since = Annotated[str | None, Query(pattern=ISO_DATE, description="From this day on (YYYY-MM-DD).")]
Until = Annotated[str | None, Query(pattern=ISO_DATE, description="Up to this day (YYYY-MM-DD).")]
Outlet = Annotated[str | None, Query(description="Only articles from this outlet.")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3, e.g. MLI.")]
ActorKind = Literal[ACTOR_KINDS]  # type: ignore[valid-type]
Types = Annotated[list[str] | None, Query(description="Event types; repeat or comma-separate.")]


def read_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request (sqlite3 connections are not shared across threads)."""
    store = Store(request.app.state.settings.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


Reader = Annotated[Store, Depends(read_store)]


def page(fetch: Callable[[int, int], list[Row]], limit: int, offset: int) -> Row:
    """One page of rows and the offset of the next (one extra row is fetched to know it exists)."""
    try:
        rows = fetch(limit + 1, offset)
    except LookupError as exc:
        raise HTTPException(404, exc.args[0]) from None
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


def event_type(value: str | None) -> str | None:
    if value is None:
        return None
    if value.upper() not in EVENT_TYPES:
        raise HTTPException(422, f"type: {value!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})")
    return value.upper()


@router.get("/documents", summary="Stored articles, newest first")
def list_documents(store: Reader, since: Since = None, until: Until = None, source: Outlet = None,
                   limit: Limit = 50, offset: Offset = 0) -> Row:
    return page(lambda n, k: queries.documents(store, since=since, until=until, source=source, limit=n,
                                               offset=k), limit, offset)


@router.get("/documents/{doc_id}", summary="One stored article with every fact found in it")
def get_document(store: Reader, doc_id: str) -> Row:
    try:
        return queries.document(store, doc_id)
    except LookupError as exc:
        raise HTTPException(404, exc.args[0]) from None


@router.get("/actors", summary="Actors met in the stored articles, most mentioned first")
def list_actors(store: Reader, kind: ActorKind | None = None, country: Country = None, limit: Limit = 100,
                offset: Offset = 0) -> Row:
    return page(lambda n, k: queries.actors(store, kind=kind, country=country, limit=n, offset=k),
                limit, offset)


@router.get("/actors/{name:path}", summary="One actor's profile (by key, English or Arabic name)")
def get_actor(store: Reader, name: str) -> Row:
    try:
        return queries.actor_profile(store, name)
    except LookupError as exc:
        raise HTTPException(404, exc.args[0]) from None


@router.get("/events", summary="Events by date, with their evidence sentence")
def list_events(store: Reader, actor: str | None = None, type: str | None = None, since: Since = None,
                until: Until = None, where: Country = None, source: Outlet = None,
                include_negative: bool = True, limit: Limit = 100, offset: Offset = 0) -> Row:
    kind = event_type(type)
    return page(lambda n, k: queries.events(store, actor=actor, type=kind, since=since, until=until,
                                            where=where, source=source, include_negative=include_negative,
                                            limit=n, offset=k), limit, offset)


@router.get("/claims", summary="Who said what, with stance")
def list_claims(store: Reader, speaker: str | None = None,
                stance: Literal["assert", "deny", "speculate"] | None = None,
                contradicted: bool | None = None, doc_id: str | None = None, limit: Limit = 100,
                offset: Offset = 0) -> Row:
    return page(lambda n, k: queries.claims(store, speaker=speaker, stance=stance, contradicted=contradicted,
                                            doc_id=doc_id, limit=n, offset=k), limit, offset)


@router.get("/contradictions", summary="Pairs of claims that cannot both be true")
def list_contradictions(store: Reader, since: Since = None,
                        scope: Literal["document", "corpus"] | None = None, actor: str | None = None,
                        doc_id: str | None = None, limit: Limit = 100, offset: Offset = 0) -> Row:
    return page(lambda n, k: queries.contradictions(store, since=since, scope=scope, actor=actor,
                                                    doc_id=doc_id, limit=n, offset=k), limit, offset)


@router.get("/search", summary="Sentences matching an Arabic query")
def search(store: Reader, q: Annotated[str, Query(min_length=1, max_length=500)], since: Since = None,
           until: Until = None, source: Outlet = None, limit: Limit = 50, offset: Offset = 0) -> Row:
    try:
        return page(lambda n, k: queries.search(store, q, since=since, until=until, source=source, limit=n,
                                                offset=k), limit, offset)
    except ValueError as exc:
        raise HTTPException(400, f"q: {exc}") from None


@router.get("/timeline", summary="Dated events in order; `background` marks recalled ones")
def timeline(store: Reader, actor: str | None = None, since: Since = None, until: Until = None,
             limit: Limit = 1000, offset: Offset = 0) -> Row:
    return page(lambda n, k: queries.timeline(store, actor=actor, since=since, until=until, limit=n,
                                              offset=k), limit, offset)


@router.get("/graph", summary="The actor network for cytoscape: nodes and edges")
def graph(store: Reader, since: Since = None, until: Until = None,
          type: Types = None, actor: str | None = None, where: Country = None, source: Outlet = None,
          include_all: bool = False) -> Row:
    """Events count only when the text says they happened, unless include_all (as `rasid export`)."""
    types = [t for value in type or [] for part in value.split(",") if (t := event_type(part.strip()))]
    key = None
    if actor:
        key = queries.find_actor(store, actor)
        if key is None:
            raise HTTPException(404, f"no actor called {actor!r} in the store")
    return graph_json(actor_graph(store, since=since, until=until, event_types=types or None, actor=key,
                                  country=where.upper() if where else None, source=source,
                                  include_all=include_all))


@router.post("/analyze", summary="Analyze one article (text or file); ?store=true also stores it")
def analyze(request: Request,
            text: Annotated[str | None, Form(description="The article text.")] = None,
            file: Annotated[UploadFile | None,
                            File(description="Or an article file: .txt, .html, one-record .jsonl, "
                                             "a one-item feed.")] = None,
            published: Annotated[str | None, Form(pattern=ISO_DATE)] = None,
            source: Annotated[str | None, Form(max_length=200)] = None,
            title: Annotated[str | None, Form(max_length=1000)] = None,
            store: Annotated[bool, Query(description="Also ingest it into the store.")] = False) -> Row:
    settings = request.app.state.settings
    doc = read_article(text, file, settings.max_upload_bytes)
    doc.published = doc.published or published or None
    doc.source = doc.source or source or None
    doc.title = title or doc.title
    analyzed = analyze_locked(doc)
    result = to_json(analyzed)
    if store:
        with Store(settings.db_path) as writer:
            result["stored"] = stored_json(writer.ingest(analyzed))
    return result


def read_article(text: str | None, file: UploadFile | None, max_bytes: int) -> Document:
    """The one article a request carries, read as `rasid analyze` reads a file or stdin.

    Problems answer 400 with the reader's own one-line reason ("text: no text (whitespace only)",
    "a.txt: binary content (NUL bytes), not text"); an article over the limit answers 413.
    """
    if (text is None) == (file is None):
        raise HTTPException(400, "send the article either as the form field `text` or as a `file` upload"
                            if text is not None else "no article: the form field `text` is empty or missing "
                                                     "and no `file` was sent")
    if file is not None:
        where = os.path.basename(file.filename or "") or "upload"
        data = file.file.read(max_bytes + 1)
    else:
        where, data = "text", (text or "").encode("utf-8")
    if len(data) > max_bytes:
        raise HTTPException(413, f"{where}: over the {max_bytes / 1_000_000:.1f} MB upload limit")
    items = list(_read(data, where, max_bytes, from_file=file is not None))
    problems = [i for i in items if isinstance(i, InputError)]
    if problems:
        raise HTTPException(400, f"{where}: {problems[0].problem}")
    docs = [i for i in items if isinstance(i, Document)]
    if len(docs) != 1:
        raise HTTPException(400, f"{where}: holds {len(docs)} articles; send one at a time "
                                 "(`rasid analyze` reads batches)")
    ratio = arabic_ratio(docs[0].text)
    if ratio < MIN_ARABIC_RATIO:
        raise HTTPException(400, f"{where}: only {ratio:.0%} of the letters are Arabic "
                                 f"(language: {guess_language(docs[0].text)}); rasid reads Arabic news")
    return docs[0]


def _read(data: bytes, where: str, max_bytes: int, *, from_file: bool) -> Iterator[Document | InputError]:
    """Run the readers over the bytes: a file by its extension (like a path), text as stdin."""
    if not from_file:
        yield from read_path("-", max_bytes=max_bytes, stdin=io.BytesIO(data))
        return
    suffix = os.path.splitext(where)[1].lower()
    suffix = suffix if suffix[1:].isalnum() and len(suffix) <= 10 else ""
    with tempfile.TemporaryDirectory(prefix="rasid-upload-") as folder:
        path = os.path.join(folder, f"upload{suffix}")
        with open(path, "wb") as handle:
            handle.write(data)
        yield from read_path(path, max_bytes=max_bytes)


def analyze_locked(doc: Document) -> Document:
    with _ANALYZE_LOCK:
        return analyze_document(doc)


def stored_json(stored: Stored) -> Row:
    return {"doc_id": stored.doc_id, "status": stored.status, "reason": stored.reason, "story": stored.story,
            "new_actors": stored.new_actors, "contradictions": stored.contradictions}
