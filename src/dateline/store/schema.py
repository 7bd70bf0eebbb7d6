"""The store's schema, as numbered migrations per dialect (sqlite, postgres).

A migration is a list of statements; `schema_version` holds the versions applied. To change the
schema, append a migration (never edit an applied one): a store opened by a newer dateline is
brought up to date in one transaction per migration.

Tables
  articles   one row per stored article: its dedup key (url or content hash), the record's id,
             metadata, text, the whole dateline/article@1 record (JSON) and provenance
             (source path, component, dateline version, time of ingest)
  events     one row per reported event (a "report"): the event as the record gives it, with its
             character spans (trigger, sentence), the rule that coded it, and its cluster
  clusters   one row per real-world happening: best date/actor/target/place/code by the evidence
             of its reports (dateline.timeline.merge.summarize), counts, sources, urls, conflicts
  failures   inputs that could not be read or analysed, with their error (one row per input)
  quotes     one row per quotation: text, span (start_char, end_char), cue, article, the article's
             publication date, speaker (entity id, name, state code and the store-wide speaker key)
  speakers   one row per speaker key (its normalised name; dateline.store.quotes): name, code, kind
  speaker_names  every name a speaker goes by (its name, its mentions, a surname), normalised
  places     one row per GeoNames record an event took place at (dateline.store.places): name, ISO
             alpha-2 country, first-level region, coordinates, feature class and code
  cluster_aliases  the id of a cluster that merging emptied (a later report came first in canonical
             order) and the cluster its first report went to: a link to the old id still finds it
  schema_version  the migrations applied, with their time
  (articles.story_names: the names merging compares, so that merge candidates need no record; the
  same on each of the article's events, events.story_names, read with the report)

A migration step is an SQL statement or a function of the store (filling a new table from the
records already stored).
"""
from __future__ import annotations

_ARTICLE_COLS = """
    key TEXT NOT NULL UNIQUE,
    dedup TEXT NOT NULL UNIQUE,
    record_id TEXT,
    url TEXT,
    content_hash TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    published_from TEXT,
    dateline TEXT,
    authors TEXT,
    source TEXT,
    text TEXT,
    record TEXT,
    n_events INTEGER NOT NULL DEFAULT 0,
    component TEXT,
    version TEXT,
    ingested_at TEXT
"""

_EVENT_COLS = """
    key TEXT NOT NULL UNIQUE,
    article_key TEXT NOT NULL,
    event_id TEXT NOT NULL,
    cluster TEXT,
    cameo TEXT NOT NULL,
    root TEXT,
    family TEXT,
    plover TEXT,
    goldstein REAL,
    quad_class INTEGER,
    actor_code TEXT,
    actor_name TEXT,
    actor_entity TEXT,
    target_code TEXT,
    target_name TEXT,
    target_entity TEXT,
    date TEXT,
    date_from TEXT,
    day_first TEXT,
    day_last TEXT,
    precision INTEGER,
    published TEXT,
    location_code TEXT,
    location_name TEXT,
    negated INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    series_ordinal INTEGER,
    series_noun TEXT,
    series_since TEXT,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text TEXT,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sentence_text TEXT,
    sources TEXT,
    url TEXT,
    rule TEXT,
    component TEXT,
    version TEXT
"""

_CLUSTER_COLS = """
    id TEXT PRIMARY KEY,
    family TEXT,
    cameo TEXT,
    root TEXT,
    plover TEXT,
    goldstein REAL,
    quad_class INTEGER,
    date TEXT,
    day TEXT,
    day_first TEXT,
    day_last TEXT,
    precision INTEGER,
    actor TEXT,
    actor_name TEXT,
    target TEXT,
    target_name TEXT,
    location TEXT,
    location_name TEXT,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_reports INTEGER NOT NULL DEFAULT 0,
    n_sources INTEGER NOT NULL DEFAULT 0,
    sources TEXT,
    urls TEXT,
    conflicts TEXT,
    negated INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    created_at TEXT,
    updated_at TEXT
"""

_FAILURE_COLS = """
    key TEXT NOT NULL UNIQUE,
    source TEXT,
    item_id TEXT,
    code TEXT,
    message TEXT,
    version TEXT,
    at TEXT
"""

_INDEXES = [
    "CREATE INDEX IF NOT EXISTS events_family_day ON events(family, day_first, day_last)",
    "CREATE INDEX IF NOT EXISTS events_family_pub ON events(family, published)",
    "CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster)",
    "CREATE INDEX IF NOT EXISTS events_article ON events(article_key)",
    "CREATE INDEX IF NOT EXISTS events_series ON events(series_ordinal)",
    "CREATE INDEX IF NOT EXISTS clusters_actor_day ON clusters(actor, day_first)",
    "CREATE INDEX IF NOT EXISTS clusters_actor_root_day ON clusters(actor, root, day_first)",
    "CREATE INDEX IF NOT EXISTS clusters_target_day ON clusters(target, day_first)",
    "CREATE INDEX IF NOT EXISTS clusters_actor_cameo_day ON clusters(actor, cameo, day_first)",
    "CREATE INDEX IF NOT EXISTS clusters_cameo ON clusters(cameo)",
    "CREATE INDEX IF NOT EXISTS clusters_day ON clusters(day_first)",
    "CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash)",
    "CREATE INDEX IF NOT EXISTS articles_url ON articles(url)",
]

SQLITE = [
    # 1: the tables, their indexes and full-text search (FTS5 external-content tables, porter stemming)
    [
        f"CREATE TABLE articles (n INTEGER PRIMARY KEY, {_ARTICLE_COLS})",
        f"CREATE TABLE events (n INTEGER PRIMARY KEY, {_EVENT_COLS})",
        f"CREATE TABLE clusters ({_CLUSTER_COLS})",
        f"CREATE TABLE failures (n INTEGER PRIMARY KEY, {_FAILURE_COLS})",
        *_INDEXES,
        "CREATE VIRTUAL TABLE events_fts USING fts5(sentence_text, trigger_text, content='events', content_rowid='n', tokenize='porter unicode61')",
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='n', tokenize='porter unicode61')",
        "CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN "
        "INSERT INTO events_fts(rowid, sentence_text, trigger_text) VALUES (new.n, new.sentence_text, new.trigger_text); END",
        "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.n, new.title, new.text); END",
    ],
]

POSTGRES = [
    [
        f"CREATE TABLE articles (n BIGSERIAL PRIMARY KEY, {_ARTICLE_COLS})",
        f"CREATE TABLE events (n BIGSERIAL PRIMARY KEY, {_EVENT_COLS})",
        f"CREATE TABLE clusters ({_CLUSTER_COLS})",
        f"CREATE TABLE failures (n BIGSERIAL PRIMARY KEY, {_FAILURE_COLS})",
        *_INDEXES,
        "CREATE INDEX events_fts ON events USING GIN "
        "(to_tsvector('english', coalesce(sentence_text, '') || ' ' || coalesce(trigger_text, '')))",
        "CREATE INDEX articles_fts ON articles USING GIN "
        "(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, '')))",
    ],
]

# 2: the mod of a series claim's duration ("its third launch in just over a week": MORE_THAN)
for _m in (SQLITE, POSTGRES):
    _m.append(["ALTER TABLE events ADD COLUMN series_mod TEXT"])

# 3: quotations as data (dateline.store.quotes): one row per quotation with its speaker, span, cue,
# article and the article's publication date; speakers (one per store-wide speaker key) and every
# name a speaker goes by; full text over the quotations; the quotes of stored articles filled in
_QUOTE_COLS = """
    key TEXT NOT NULL UNIQUE,
    article_key TEXT NOT NULL,
    quote_id TEXT,
    text TEXT NOT NULL,
    speaker_entity TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    speaker_key TEXT,
    cue TEXT,
    start_char INTEGER,
    end_char INTEGER,
    date TEXT,
    attribution TEXT
"""
_SPEAKER_TABLES = [
    "CREATE TABLE speakers (key TEXT PRIMARY KEY, name TEXT, code TEXT, kind TEXT)",
    "CREATE TABLE speaker_names (name TEXT NOT NULL, speaker TEXT NOT NULL, PRIMARY KEY (name, speaker))",
    "CREATE INDEX quotes_speaker_date ON quotes(speaker_key, date)",
    "CREATE INDEX quotes_code_date ON quotes(speaker_code, date)",
    "CREATE INDEX quotes_date ON quotes(date)",
    "CREATE INDEX quotes_article ON quotes(article_key)",
]


def _backfill_quotes(store) -> None:
    from .quotes import backfill
    backfill(store)


SQLITE.append([
    f"CREATE TABLE quotes (n INTEGER PRIMARY KEY, {_QUOTE_COLS})",
    *_SPEAKER_TABLES,
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='n', tokenize='porter unicode61')",
    "CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN INSERT INTO quotes_fts(rowid, text) VALUES (new.n, new.text); END",
    _backfill_quotes,
])
POSTGRES.append([
    f"CREATE TABLE quotes (n BIGSERIAL PRIMARY KEY, {_QUOTE_COLS})",
    *_SPEAKER_TABLES,
    "CREATE INDEX quotes_fts ON quotes USING GIN (to_tsvector('english', text))",
    _backfill_quotes,
])

# 4: the TimeML mod of an event's date ("before 31 Oct 2019", "early Oct 2019"), from the timex the
# date came from; a cluster keeps the mod of a report with its date (dateline.store.datemods)
def _backfill_date_mods(store) -> None:
    from .datemods import backfill_date_mods
    backfill_date_mods(store)


for _m in (SQLITE, POSTGRES):
    _m.append(["ALTER TABLE events ADD COLUMN date_mod TEXT", "ALTER TABLE clusters ADD COLUMN date_mod TEXT",
               _backfill_date_mods])


# 5: places as data (dateline.store.places): the GeoNames record of each event's location, one row
# per record in places, its id on the event; filled from the records already stored
def _backfill_places(store) -> None:
    from .places import backfill
    backfill(store)


for _m in (SQLITE, POSTGRES):
    _m.append(["ALTER TABLE events ADD COLUMN location_geonameid INTEGER",
               "CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, "
               "lat DOUBLE PRECISION, lon DOUBLE PRECISION, feature_class TEXT, feature_code TEXT)",
               "CREATE INDEX events_location_geonameid ON events(location_geonameid)",
               _backfill_places])


# 6: what merging compares as an article's story (merge.story_names: the people, organisations and
# places it names, a JSON list) in a column of its own, so that finding merge candidates reads no
# whole record; filled from the records already stored
def _backfill_story_names(store) -> None:
    import json

    from ..timeline.merge import story_names
    for a in store.rows("SELECT key, record FROM articles"):
        try:
            names = story_names(json.loads(a["record"] or "{}"))
        except ValueError:
            continue
        store._exec("UPDATE articles SET story_names = ? WHERE key = ?", (json.dumps(sorted(names)), a["key"]))


for _m in (SQLITE, POSTGRES):
    _m.append(["ALTER TABLE articles ADD COLUMN story_names TEXT", _backfill_story_names])

# 7: the ids of clusters that merging emptied, kept as aliases of the cluster their first report went
# to (a link to an old id still finds the happening)
for _m in (SQLITE, POSTGRES):
    _m.append(["CREATE TABLE cluster_aliases (old TEXT PRIMARY KEY, id TEXT NOT NULL)"])

# 8: merge candidates dated by a quarter or a year found through their own index, so that finding
# those of a day does not scan the year of reports before it (Store._near)
for _m in (SQLITE, POSTGRES):
    _m.append(["CREATE INDEX IF NOT EXISTS events_family_precision_day ON events(family, precision, day_first)"])

# 9: undated merge candidates found through an index of their own (partial: only the undated), so that
# finding those published near a dated report does not read every report published those days (Store._near)
for _m in (SQLITE, POSTGRES):
    _m.append(["CREATE INDEX IF NOT EXISTS events_family_undated_pub ON events(family, published) "
               "WHERE day_first IS NULL"])

# 10: the aliases of a cluster found by the cluster they point to, so that merging, which points the
# aliases of an emptied cluster to where its reports went (Store._alias_clusters), reads those only and
# not every alias of the store (a scan that grew with the store)
for _m in (SQLITE, POSTGRES):
    _m.append(["CREATE INDEX IF NOT EXISTS cluster_aliases_id ON cluster_aliases(id)"])

# 11: merge candidates read from the index alone: the index of a family's reports by date precision and
# first day also holds what the candidate query tests and returns (last day, negated, hypothetical,
# actor, target and place codes, key, cluster), so that it reads no table row per candidate (Store._near)
for _m in (SQLITE, POSTGRES):
    _m.append(["DROP INDEX IF EXISTS events_family_precision_day",
               "CREATE INDEX IF NOT EXISTS events_family_precision_day_covering ON events(family, precision, day_first, "
               "day_last, negated, hypothetical, actor_code, target_code, location_code, key, cluster)"])

# 12: fewer index writes per stored article (each index a stored article touches is a page written
# per transaction, a page of its own once the index outgrows a page: the measured growth of store time
# with the store's size). Dropped: indexes no statement reads (events by family and day, superseded by
# 11's covering index; articles by content hash; quotes by article; events by place id) and two that
# an index with the same leading column serves (clusters by actor and day, and by actor, root and day:
# clusters_actor_cameo_day, a root being a range of codes); the index of series claims holds only the
# events that make one (partial: the claims query reads only those)
for _m in (SQLITE, POSTGRES):
    _m.append(["DROP INDEX IF EXISTS events_family_day", "DROP INDEX IF EXISTS articles_content_hash",
               "DROP INDEX IF EXISTS quotes_article", "DROP INDEX IF EXISTS events_location_geonameid",
               "DROP INDEX IF EXISTS clusters_actor_day", "DROP INDEX IF EXISTS clusters_actor_root_day",
               "DROP INDEX IF EXISTS events_series",
               "CREATE INDEX IF NOT EXISTS events_series ON events(series_ordinal) WHERE series_ordinal IS NOT NULL"])


# 13: an article's story names (merge.story_names) on each of its events too, so that merging reads a stored
# report's names with its row and not from its article's row, where they come after the text and the record:
# pages that reading them walks through (a look-back report reads a month of old reports' articles); filled
# from the articles. A step of its own (not ADD COLUMN) so that a store whose version was rolled back with
# the column kept is migrated again
def _event_story_names(store) -> None:
    if store.dialect == "postgres":
        store._exec("ALTER TABLE events ADD COLUMN IF NOT EXISTS story_names TEXT")
    elif not any(r["name"] == "story_names" for r in store.rows("PRAGMA table_info(events)")):
        store._exec("ALTER TABLE events ADD COLUMN story_names TEXT")
    store._exec("UPDATE events SET story_names = (SELECT a.story_names FROM articles a WHERE a.key = events.article_key)")


for _m in (SQLITE, POSTGRES):
    _m.append([_event_story_names])

MIGRATIONS = {"sqlite": SQLITE, "postgres": POSTGRES}


def latest(dialect: str) -> int:
    return len(MIGRATIONS[dialect])
