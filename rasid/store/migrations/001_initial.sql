-- rasid store, schema version 1. Every table that holds a fact keeps the document it came from
-- and the character offsets of its evidence in that document's text.

CREATE TABLE sources (
    name        TEXT PRIMARY KEY,            -- the outlet, as the input names it
    first_seen  TEXT NOT NULL                -- when the store first ingested it (UTC, ISO 8601)
);

CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    text_hash     TEXT NOT NULL UNIQUE,      -- sha1 of the folded, whitespace-collapsed text
    title         TEXT,
    published     TEXT,                      -- YYYY-MM-DD
    source        TEXT REFERENCES sources(name),
    url           TEXT UNIQUE,
    lang          TEXT,
    focus_country TEXT,
    text          TEXT NOT NULL,
    warnings      TEXT NOT NULL DEFAULT '[]',
    story         TEXT NOT NULL,             -- id of the first document of its story cluster
    minhash       BLOB,                      -- MinHash signature of the text, for story clusters
    ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_story ON documents(story);

CREATE TABLE sentences (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,                   -- the sentence as written
    norm    TEXT NOT NULL,                   -- folded: no diacritics or tatweel, one alef, ى→ي
    stems   TEXT NOT NULL,                   -- folded tokens without their clitics (وبالمدينة → مدينة)
    PRIMARY KEY (doc_id, idx)
);

-- Full-text index over the folded sentence and its stems; queries are folded the same way.
CREATE VIRTUAL TABLE sentences_fts USING fts5(norm, stems, content='sentences', content_rowid='rowid');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, norm, stems) VALUES (new.rowid, new.norm, new.stems);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, norm, stems) VALUES ('delete', old.rowid, old.norm, old.stems);
END;

-- Canonical actors: the dictionary's, and new ones met in articles (key 'new:…').
CREATE TABLE actors (
    key         TEXT PRIMARY KEY,
    name_en     TEXT,
    name_ar     TEXT,
    kind        TEXT,
    country     TEXT,
    wikidata    TEXT,
    sector      TEXT,
    is_new      INTEGER NOT NULL DEFAULT 0,  -- 1: not in the dictionary, first met in an article
    first_seen  TEXT                         -- publication date of the first article naming it
);
CREATE INDEX actors_kind ON actors(kind, country);

-- Each document's own actor list (its local ids a1, a2 … and the canonical actor they are).
CREATE TABLE document_actors (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    actor_key TEXT NOT NULL REFERENCES actors(key),
    name_en   TEXT,
    name_ar   TEXT,
    kind      TEXT,
    country   TEXT,
    wikidata  TEXT,
    sector    TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX document_actors_key ON document_actors(actor_key);

CREATE TABLE mentions (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    "start"       INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,
    type          TEXT NOT NULL,
    actor_key     TEXT REFERENCES actors(key),
    value         TEXT,
    precision     TEXT,
    place_name    TEXT,
    place_country TEXT,
    geonames      INTEGER,
    lat           REAL,
    lon           REAL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX mentions_actor ON mentions(actor_key);

CREATE TABLE events (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    type          TEXT NOT NULL,
    mode          TEXT,
    source_key    TEXT REFERENCES actors(key),
    target_key    TEXT REFERENCES actors(key),
    sentence      INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    trigger_text  TEXT,
    polarity      TEXT NOT NULL,
    modality      TEXT NOT NULL,
    date          TEXT,                      -- the date value as the article gives it (day, week, month …)
    date_start    TEXT,                      -- the first day of that period, for sorting
    date_mention  TEXT,
    place_name    TEXT,
    place_country TEXT,
    geonames      INTEGER,
    lat           REAL,
    lon           REAL,
    geo_precision TEXT,
    quantity      REAL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_source ON events(source_key);
CREATE INDEX events_target ON events(target_key);

CREATE TABLE claims (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    speaker_key   TEXT REFERENCES actors(key),
    stance        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    cue_start     INTEGER NOT NULL,
    cue_end       INTEGER NOT NULL,
    cue_text      TEXT,
    content_start INTEGER NOT NULL,
    content_end   INTEGER NOT NULL,
    content_text  TEXT,
    events        TEXT NOT NULL DEFAULT '[]', -- JSON list of the document's event ids inside the claim
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX claims_speaker ON claims(speaker_key);

CREATE TABLE relations (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    type           TEXT NOT NULL,
    head_key       TEXT NOT NULL REFERENCES actors(key),
    tail_key       TEXT NOT NULL REFERENCES actors(key),
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

-- Two claims that cannot both be true: within one article, or across articles and outlets.
CREATE TABLE contradictions (
    id       INTEGER PRIMARY KEY,
    doc_a    TEXT NOT NULL,
    claim_a  TEXT NOT NULL,
    doc_b    TEXT NOT NULL,
    claim_b  TEXT NOT NULL,
    reason   TEXT NOT NULL,
    scope    TEXT NOT NULL CHECK (scope IN ('document', 'corpus')),
    found_at TEXT NOT NULL,
    UNIQUE (doc_a, claim_a, doc_b, claim_b),
    FOREIGN KEY (doc_a, claim_a) REFERENCES claims(doc_id, id) ON DELETE CASCADE,
    FOREIGN KEY (doc_b, claim_b) REFERENCES claims(doc_id, id) ON DELETE CASCADE
);
