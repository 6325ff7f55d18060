-- rasid event store, schema version 1 (PostgreSQL).
-- Keep this file and ../duckdb/0001_init.sql column-for-column identical; only types differ.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,      -- first 32 hex chars of content_hash
    doc          TEXT,
    url          TEXT,
    content_hash TEXT NOT NULL,         -- sha256 of the NFC, whitespace-trimmed text
    title        TEXT,
    published    DATE,
    source       TEXT,                  -- outlet (reader's source, else URL host)
    path         TEXT,
    text         TEXT,
    n_events     INTEGER,
    ingested_at  TIMESTAMPTZ
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_hash ON articles (content_hash);

CREATE TABLE events (
    id             TEXT PRIMARY KEY,    -- <article id[:16]>-<index>: stable across runs
    article_id     TEXT NOT NULL,
    seq            INTEGER,
    plover_id      TEXT,
    doc            TEXT,
    event_type     TEXT,
    event_types    TEXT,                -- JSON list
    mode           TEXT,                -- JSON list
    context        TEXT,                -- JSON list
    date           DATE,
    enddate        DATE,
    date_precision TEXT,
    date_text      TEXT,
    event_text     TEXT,
    sentence       INTEGER,
    start_char     INTEGER,
    end_char       INTEGER,
    trigger_text   TEXT,
    modality       TEXT,                -- JSON list
    reported_by    TEXT,
    confidence     DOUBLE PRECISION,
    rule           TEXT,
    published      DATE,
    title          TEXT,
    url            TEXT,
    source         TEXT,
    coder          TEXT,
    place_text     TEXT,
    place_name     TEXT,
    geonameid      BIGINT,
    lat            DOUBLE PRECISION,
    lon            DOUBLE PRECISION,
    loc_country    TEXT,
    feature_code   TEXT,
    resolution     TEXT,
    actor_code     TEXT,                -- first actor's code
    recipient_code TEXT,                -- first recipient's code
    actor_text     TEXT,
    recipient_text TEXT,
    actor_search   TEXT,                -- folded entity texts and codes (query --actor)
    search_text    TEXT,                -- folded event text and evidence (query --text)
    plover         TEXT NOT NULL        -- the full PLOVER JSON record, as extracted
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_type_date ON events (event_type, date);

CREATE TABLE entities (
    event_id        TEXT NOT NULL,
    role            TEXT NOT NULL,      -- actor | recipient
    idx             INTEGER NOT NULL,
    code            TEXT,
    sector          TEXT,
    entity_text     TEXT,
    office          TEXT,
    identifier_text TEXT,
    start_char      INTEGER,
    end_char        INTEGER,
    PRIMARY KEY (event_id, role, idx)
);

CREATE TABLE evidence (
    event_id   TEXT NOT NULL,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL,           -- trigger | evidence
    start_char INTEGER,
    end_char   INTEGER,
    text       TEXT,
    PRIMARY KEY (event_id, idx)
);

-- Fusion output. Rebuilt wholesale by Store.fuse() in one transaction, so no key
-- constraints here (DuckDB checks keys eagerly on delete+reinsert in one transaction).
CREATE TABLE fused_events (
    id             TEXT NOT NULL,
    event_type     TEXT,
    date           DATE,
    enddate        DATE,
    actor_code     TEXT,
    recipient_code TEXT,
    place_name     TEXT,
    lat            DOUBLE PRECISION,
    lon            DOUBLE PRECISION,
    loc_country    TEXT,
    n_events       INTEGER,
    n_articles     INTEGER,
    n_sources      INTEGER,             -- distinct outlets
    sources        TEXT,                -- JSON list of outlets
    rep_event_id   TEXT,
    event_text     TEXT
);
CREATE TABLE fused_members (
    fused_id TEXT NOT NULL,
    event_id TEXT NOT NULL
);
CREATE INDEX fused_members_event ON fused_members (event_id);
CREATE INDEX fused_events_id ON fused_events (id);
