"""The questions an analyst asks the store, as plain functions returning rows (dicts).

The CLI prints these rows as tables, JSON or CSV; the web API returns them as JSON. Dates filter
on the event's own date where the article gives one (its first day), else on the article's
publication date: an article of 2021 that recalls a 2013 attack puts the attack in 2013.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from rasid.store.db import Store
from rasid.store.rows import folded_name
from rasid.store.search import fts_query

Row = dict[str, Any]

# An event's date for filtering and ordering: its own date, else the article's.
_EVENT_DAY = "coalesce(e.date_start, d.published)"
_EVENT_COLUMNS = f"""
    e.doc_id, e.id, {_EVENT_DAY} AS day, e.date, e.type, e.mode,
    e.source_key, coalesce(sa.name_en, sa.name_ar) AS source_name,
    e.target_key, coalesce(ta.name_en, ta.name_ar) AS target_name,
    e.polarity, e.modality, e.place_name, e.place_country, e.lat, e.lon, e.quantity,
    e.trigger_start, e.trigger_end, e.trigger_text, s.text AS sentence,
    d.title, d.published, d.source AS outlet, d.story"""
_EVENT_JOINS = """
    FROM events e JOIN documents d ON d.id = e.doc_id
    LEFT JOIN actors sa ON sa.key = e.source_key LEFT JOIN actors ta ON ta.key = e.target_key
    LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence"""


def _rows(store: Store, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[Row]:
    return [dict(r) for r in store.conn.execute(sql, tuple(params))]


class _Where:
    """A WHERE clause built from optional filters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def articles(self, since: str | None, until: str | None, source: str | None) -> None:
        """Articles (alias d) published in [since, until], from one outlet."""
        if since:
            self.add("d.published >= ?", since)
        if until:
            self.add("d.published <= ?", until)
        if source:
            self.add("d.source = ?", source)

    def __str__(self) -> str:
        return ("WHERE " + " AND ".join(self.parts)) if self.parts else ""


def find_actor(store: Store, name: str) -> str | None:
    """The key of the actor a user means: its key, English name, or an Arabic name it appeared under."""
    conn = store.conn
    row = conn.execute("SELECT key FROM actors WHERE key = ?", (name,)).fetchone()
    row = row or conn.execute("SELECT key FROM actors WHERE lower(name_en) = lower(?) ORDER BY is_new, key",
                              (name,)).fetchone()
    # An Arabic name: the actor most often mentioned so (its own Arabic name counts once), looked up
    # in the folded-name indexes; on a tie, the one first mentioned so.
    folded = folded_name(name)
    row = row or conn.execute("""
        SELECT key FROM (
            SELECT actor_key AS key, count(*) AS n, min(rowid) AS mention, NULL AS actor FROM mentions
            WHERE folded = ? AND actor_key IS NOT NULL GROUP BY actor_key
            UNION ALL SELECT key, 1, NULL, rowid FROM actors WHERE name_ar_folded = ?)
        GROUP BY key ORDER BY sum(n) DESC, min(mention) IS NULL, min(mention), min(actor) LIMIT 1""",
                              (folded, folded)).fetchone()
    row = row or conn.execute("SELECT key FROM actors WHERE name_en LIKE ? ORDER BY is_new, length(name_en)",
                              (f"%{name}%",)).fetchone()
    return row[0] if row else None


def _actor_filter(store: Store, name: str | None) -> str | None:
    if name is None:
        return None
    key = find_actor(store, name)
    if key is None:
        raise LookupError(f"no actor called {name!r} in the store")
    return key


def search(store: Store, query: str, *, since: str | None = None, until: str | None = None,
           source: str | None = None, limit: int = 50, offset: int = 0) -> list[Row]:
    """Sentences matching an Arabic query, newest first, with their document and the facts in them."""
    match = fts_query(query)
    if match is None:
        raise ValueError("the query has no word to search for")
    where = _Where()
    where.add("sentences_fts MATCH ?", match)
    where.articles(since, until, source)
    hits = _rows(store, f"""
        SELECT s.doc_id, s.idx AS sentence, s."start", s."end", s.text, d.title, d.published,
               d.source AS outlet
        FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid JOIN documents d ON d.id = s.doc_id
        {where} ORDER BY d.published DESC, s.doc_id, s.idx LIMIT ? OFFSET ?""",
                 [*where.params, limit, offset])
    # The facts in the page's sentences: one query per table, not two per hit.
    page = (json.dumps([[hit["doc_id"], hit["sentence"]] for hit in hits]),)
    in_page = "IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))"
    events_in: dict[tuple[str, int], list[str]] = defaultdict(list)
    for r in _rows(store, f"""
            SELECT e.doc_id, e.sentence, e.type, coalesce(sa.name_en, sa.name_ar) AS source_name,
                   coalesce(ta.name_en, ta.name_ar) AS target_name
            FROM events e LEFT JOIN actors sa ON sa.key = e.source_key
            LEFT JOIN actors ta ON ta.key = e.target_key
            WHERE (e.doc_id, e.sentence) {in_page} ORDER BY e.trigger_start, e.id""", page):
        events_in[(r["doc_id"], r["sentence"])].append(
            f"{r['type']}({r['source_name'] or '?'} -> {r['target_name'] or '?'})")
    actors_in: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r in _rows(store, f"""
            SELECT DISTINCT s.doc_id, s.idx, coalesce(a.name_en, a.name_ar) AS name FROM sentences s
            JOIN mentions m ON m.doc_id = s.doc_id AND m."start" >= s."start" AND m."end" <= s."end"
            JOIN actors a ON a.key = m.actor_key
            WHERE (s.doc_id, s.idx) {in_page}""", page):
        actors_in[(r["doc_id"], r["idx"])].add(r["name"])
    for hit in hits:
        key = (hit["doc_id"], hit["sentence"])
        hit["events"] = events_in[key]
        hit["actors"] = sorted(actors_in[key])
    return hits


def actors(store: Store, *, kind: str | None = None, country: str | None = None,
           limit: int = 100, offset: int = 0) -> list[Row]:
    """Actors met in the stored articles, most mentioned first."""
    where = _Where()
    if kind:
        where.add("a.kind = ?", kind)
    if country:
        where.add("a.country = ?", country.upper())
    return _rows(store, f"""
        SELECT a.key, a.name_en, a.name_ar, a.kind, a.country, a.wikidata, a.is_new, a.first_seen,
               (SELECT count(DISTINCT doc_id) FROM document_actors da
                WHERE da.actor_key = a.key) AS documents,
               (SELECT count(*) FROM mentions m WHERE m.actor_key = a.key) AS mentions
        FROM actors a {where} ORDER BY mentions DESC, documents DESC, a.key LIMIT ? OFFSET ?""",
                 [*where.params, limit, offset])


def actor_profile(store: Store, name: str) -> Row:
    """Everything the store knows about one actor (by key, English or Arabic name)."""
    key = _actor_filter(store, name)
    profile = _rows(store, "SELECT key, name_en, name_ar, kind, country, wikidata, sector, is_new, "
                           "first_seen FROM actors WHERE key = ?", (key,))[0]
    profile["aliases"] = _rows(store, "SELECT text, count(*) AS mentions FROM mentions WHERE actor_key = ? "
                                      "GROUP BY text ORDER BY mentions DESC, text", (key,))
    profile["mentions_by_month"] = _rows(store, """
        SELECT substr(d.published, 1, 7) AS month, count(*) AS mentions FROM mentions m
        JOIN documents d ON d.id = m.doc_id WHERE m.actor_key = ? AND d.published IS NOT NULL
        GROUP BY month ORDER BY month""", (key,))
    for role, column in (("as_source", "source_key"), ("as_target", "target_key")):
        # One wire story printed by several outlets counts once per event it reports.
        profile[f"events_{role}"] = _rows(store, f"""
            SELECT e.type, count(DISTINCT d.story || '|' || coalesce(e.source_key, '') || '|' ||
                   coalesce(e.target_key, '') || '|' || coalesce(e.date, '')) AS events
            FROM events e JOIN documents d ON d.id = e.doc_id
            WHERE e.{column} = ? AND e.polarity = 'positive' GROUP BY e.type ORDER BY events DESC, e.type""",
                                          (key,))
    profile["relations"] = _rows(store, """
        SELECT r.type, 'out' AS direction, r.tail_key AS other_key,
               coalesce(a.name_en, a.name_ar) AS other_name, r.doc_id, r.evidence_start, r.evidence_end
        FROM relations r JOIN actors a ON a.key = r.tail_key WHERE r.head_key = ?
        UNION ALL
        SELECT r.type, 'in', r.head_key, coalesce(a.name_en, a.name_ar), r.doc_id, r.evidence_start,
               r.evidence_end
        FROM relations r JOIN actors a ON a.key = r.head_key WHERE r.tail_key = ?""", (key, key))
    profile["claims"] = claims(store, speaker=key, limit=1000)
    profile["contradictions"] = contradictions(store, actor=key, limit=1000)
    return profile


def events(store: Store, *, actor: str | None = None, type: str | None = None, since: str | None = None,
           until: str | None = None, where: str | None = None, source: str | None = None,
           include_negative: bool = True, dated_only: bool = False, limit: int = 100,
           offset: int = 0) -> list[Row]:
    """Events, by date (their own, else the article's), with their evidence sentence."""
    clause = _Where()
    if dated_only:
        clause.add(f"{_EVENT_DAY} IS NOT NULL")
    key = _actor_filter(store, actor)
    if key:
        clause.add("(e.source_key = ? OR e.target_key = ?)", key, key)
    if type:
        clause.add("e.type = ?", type.upper())
    if since:
        clause.add(f"{_EVENT_DAY} >= ?", since)
    if until:
        clause.add(f"{_EVENT_DAY} <= ?", until)
    if where:
        clause.add("e.place_country = ?", where.upper())
    if source:
        clause.add("d.source = ?", source)
    if not include_negative:
        clause.add("e.polarity = 'positive'")
    return _rows(store, f"SELECT {_EVENT_COLUMNS} {_EVENT_JOINS} {clause} "
                        f"ORDER BY day IS NULL, day, e.doc_id, e.trigger_start LIMIT ? OFFSET ?",
                 [*clause.params, limit, offset])


def timeline(store: Store, *, actor: str | None = None, since: str | None = None, until: str | None = None,
             limit: int = 1000, offset: int = 0) -> list[Row]:
    """Dated events in order; `background` marks those the article recalls from well before it."""
    rows = events(store, actor=actor, since=since, until=until, dated_only=True, limit=limit, offset=offset)
    for row in rows:
        row["dated_by"] = "event" if row["date"] else "article"
        month_published = (row["published"] or "")[:8] + "01"
        row["background"] = bool(row["date"] and row["published"] and row["day"] < month_published)
    return rows


def claims(store: Store, *, speaker: str | None = None, stance: str | None = None,
           contradicted: bool | None = None, doc_id: str | None = None, limit: int = 100,
           offset: int = 0) -> list[Row]:
    """Who said what, with stance, newest article first."""
    where = _Where()
    if doc_id:
        where.add("c.doc_id = ?", doc_id)
    key = _actor_filter(store, speaker)
    if key:
        where.add("c.speaker_key = ?", key)
    if stance:
        where.add("c.stance = ?", stance)
    involved = ("EXISTS (SELECT 1 FROM contradictions x WHERE (x.doc_a = c.doc_id AND x.claim_a = c.id) "
                "OR (x.doc_b = c.doc_id AND x.claim_b = c.id))")
    if contradicted is not None:
        where.add(involved if contradicted else f"NOT {involved}")
    rows = _rows(store, f"""
        SELECT c.doc_id, c.id, c.speaker_key, coalesce(a.name_en, a.name_ar) AS speaker, c.stance, c.kind,
               c.cue_start, c.cue_end, c.cue_text, c.content_start, c.content_end, c.content_text, c.events,
               d.title, d.published, d.source AS outlet, {involved} AS contradicted
        FROM claims c JOIN documents d ON d.id = c.doc_id LEFT JOIN actors a ON a.key = c.speaker_key
        {where} ORDER BY d.published DESC, c.doc_id, c.cue_start LIMIT ? OFFSET ?""",
                 [*where.params, limit, offset])
    for row in rows:
        row["events"] = json.loads(row["events"])
        row["contradicted"] = bool(row["contradicted"])
    return rows


def contradictions(store: Store, *, since: str | None = None, scope: str | None = None,
                   actor: str | None = None, doc_id: str | None = None, limit: int = 100,
                   offset: int = 0) -> list[Row]:
    """Pairs of claims that cannot both be true, each side with its speaker, outlet and date."""
    where = _Where()
    key = _actor_filter(store, actor)
    if key:
        where.add("(ca.speaker_key = ? OR cb.speaker_key = ?)", key, key)
    if doc_id:
        where.add("(x.doc_a = ? OR x.doc_b = ?)", doc_id, doc_id)
    if since:
        where.add("(coalesce(da.published, '') >= ? OR coalesce(db.published, '') >= ?)", since, since)
    if scope:
        where.add("x.scope = ?", scope)
    side = """c{s}.speaker_key AS speaker_{s}_key, coalesce(a{s}.name_en, a{s}.name_ar) AS speaker_{s},
              c{s}.stance AS stance_{s}, c{s}.content_text AS content_{s}, d{s}.title AS title_{s},
              d{s}.source AS outlet_{s}, d{s}.published AS published_{s}"""
    return _rows(store, f"""
        SELECT x.id, x.scope, x.reason, x.found_at, x.doc_a, x.claim_a, x.doc_b, x.claim_b,
               {side.format(s='a')}, {side.format(s='b')}
        FROM contradictions x
        JOIN claims ca ON ca.doc_id = x.doc_a AND ca.id = x.claim_a
        JOIN claims cb ON cb.doc_id = x.doc_b AND cb.id = x.claim_b
        JOIN documents da ON da.id = x.doc_a JOIN documents db ON db.id = x.doc_b
        LEFT JOIN actors aa ON aa.key = ca.speaker_key LEFT JOIN actors ab ON ab.key = cb.speaker_key
        {where} ORDER BY max(coalesce(da.published, ''), coalesce(db.published, '')) DESC, x.id
        LIMIT ? OFFSET ?""", [*where.params, limit, offset])


def documents(store: Store, *, since: str | None = None, until: str | None = None,
              source: str | None = None, limit: int = 50, offset: int = 0) -> list[Row]:
    """Stored articles, newest first, with how many facts each holds."""
    where = _Where()
    where.articles(since, until, source)
    return _rows(store, f"""
        SELECT d.id, d.title, d.published, d.source AS outlet, d.url, d.focus_country, d.story,
               (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,
               (SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS claims
        FROM documents d {where} ORDER BY d.published IS NULL, d.published DESC, d.rowid DESC
        LIMIT ? OFFSET ?""", [*where.params, limit, offset])


def document(store: Store, doc_id: str) -> Row:
    """One stored article with every fact found in it (actors by their corpus-wide keys)."""
    found = _rows(store, "SELECT id, title, published, source, url, lang, focus_country, story, text, "
                         "warnings FROM documents WHERE id = ?", (doc_id,))
    if not found:
        raise LookupError(f"no document {doc_id!r} in the store")
    doc = found[0]
    doc["warnings"] = json.loads(doc["warnings"])
    by_doc = (doc_id,)
    doc["sentences"] = _rows(store, 'SELECT idx, "start", "end" FROM sentences WHERE doc_id = ? ORDER BY idx',
                             by_doc)
    doc["actors"] = _rows(store, "SELECT id, actor_key, name_en, name_ar, kind, country, wikidata, sector "
                                 "FROM document_actors WHERE doc_id = ? ORDER BY rowid", by_doc)
    doc["mentions"] = _rows(store, 'SELECT id, "start", "end", text, type, actor_key, value, precision, '
                                   "place_name, place_country, lat, lon FROM mentions WHERE doc_id = ? "
                                   'ORDER BY "start"', by_doc)
    doc["events"] = _rows(store, f"SELECT {_EVENT_COLUMNS} {_EVENT_JOINS} WHERE e.doc_id = ? "
                                 "ORDER BY e.trigger_start", by_doc)
    doc["claims"] = claims(store, doc_id=doc_id, limit=100000)
    doc["relations"] = _rows(store, "SELECT type, head_key, tail_key, evidence_start, evidence_end "
                                    "FROM relations WHERE doc_id = ? ORDER BY idx", by_doc)
    doc["contradictions"] = contradictions(store, doc_id=doc_id, limit=100000)
    doc["story_documents"] = _rows(store, "SELECT id, title, source AS outlet, published FROM documents "
                                          "WHERE story = ? AND id != ?", (doc["story"], doc_id))
    return doc
