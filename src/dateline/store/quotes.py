"""Quotations as data: the store's ``quotes`` table, its speakers and the ``quotes`` query.

Every quotation of a stored article (``record["quotes"]``) becomes a row with its text, its span,
its cue, the article and the article's publication date, and its speaker: the article-local entity
id, the name and state code the record gives, and a store-wide speaker key.

Speakers. A speaker's key is its normalised name (case, accents kept; punctuation and spacing
folded: "Kim Jong-un" = "kim jong un"). Its other names go to ``speaker_names``: every mention of
its entity in the article ("Mr. Kim", "Kim") and, for a person of two words, the second one (the
surname: "Laura Example" -> "example"; longer names rely on the article's mentions, since the
family name comes first in many of them). A speaker the article names by one word only ("Kim")
joins the one known speaker that has that word as a name and a compatible state code; when a
person is stored later under a full name whose names include such a one-word speaker (and no other
full-named speaker has that name), the one-word speaker's quotes are moved to it. A name shared by
two full-named speakers stays its own speaker: it is never guessed.

    from dateline.store import open_store
    open_store("dateline.db").quotes(speaker="Kim Jong Un", state="PRK", since="2019-05", text="talks")
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from .sqltext import LIKE_ESCAPE, contains, insert_rows

_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)

QUOTE_COLUMNS = ["quote", "date", "speaker", "speaker_code", "speaker_key", "speaker_entity", "text", "cue",
                 "article", "article_key", "outlet", "title", "url", "start", "end"]


def name_key(name: str | None) -> str:
    """A name as an identity: NFKC, case-folded, punctuation and spacing folded to single spaces."""
    if not name:
        return ""
    t = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(_PUNCT.sub(" ", t).split())


def _entity(record: dict, eid: str | None) -> dict:
    if not eid:
        return {}
    return next((e for e in record.get("entities") or [] if e.get("id") == eid), {})


def speaker_names(name: str, entity: dict) -> set[str]:
    """The names a speaker goes by in one article (keys): its name, its mentions, its surname."""
    key = name_key(name)
    names = {key} if key else set()
    for m in entity.get("mentions") or []:
        k = name_key(m.get("text"))
        if k:
            names.add(k)
    words = key.split()
    if entity.get("kind") == "person" and len(words) == 2:
        names.add(words[1])
    return names


def _compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a == b


def _owners(store, name: str, code: str | None, *, exclude: str = "") -> list[str]:
    """Full-named speakers (keys of two or more words) that go by ``name``, with a compatible code."""
    rows = store.rows("SELECT s.key, s.code FROM speaker_names n JOIN speakers s ON s.key = n.speaker "
                      "WHERE n.name = ? AND s.key <> ? AND s.key LIKE ?", (name, exclude, "% %"))
    return sorted({r["key"] for r in rows if _compatible(r["code"], code)})


def _speaker_key(store, name: str, code: str | None) -> str:
    key = name_key(name)
    if " " not in key:
        owners = _owners(store, key, code, exclude=key)
        if len(owners) == 1:
            return owners[0]
    return key


def _save_speaker(store, key: str, name: str, code: str | None, kind: str | None, names: set[str],
                  pending: list[tuple]) -> None:
    store._exec("INSERT INTO speakers (key, name, code, kind) VALUES (?,?,?,?) ON CONFLICT (key) DO UPDATE SET "
                "code = coalesce(speakers.code, excluded.code), kind = coalesce(speakers.kind, excluded.kind)",
                (key, name, code, kind))
    for n in sorted(names | {key}):
        store._exec("INSERT INTO speaker_names (name, speaker) VALUES (?, ?) ON CONFLICT (name, speaker) DO NOTHING",
                    (n, key))
    if " " not in key:
        return
    # one-word speakers stored earlier that are this person, unambiguously: their quotes move here
    for n in sorted(x for x in names if " " not in x):
        if _owners(store, n, code) != [key]:
            continue
        old = store.rows("SELECT key, code FROM speakers WHERE key = ?", (n,))
        if old and _compatible(old[0]["code"], code):
            _insert_quotes(store, pending)      # this article's quotes so far move too
            store._exec("UPDATE quotes SET speaker_key = ? WHERE speaker_key = ?", (key, n))
            store._exec("DELETE FROM speaker_names WHERE speaker = ?", (n,))
            store._exec("DELETE FROM speakers WHERE key = ?", (n,))


def add_quotes(store, akey: str, record: dict) -> int:
    """Store the quotations of one article (inside the caller's transaction); returns how many."""
    art = record.get("article") or {}
    pending: list[tuple] = []
    n = 0
    for q in record.get("quotes") or []:
        sp = q.get("speaker") or {}
        ent = _entity(record, sp.get("entity"))
        name = sp.get("name") or ent.get("name")
        code = sp.get("code") or ent.get("code")
        key = None
        if name_key(name):
            key = _speaker_key(store, name, code)
            _save_speaker(store, key, name, code, ent.get("kind"), speaker_names(name, ent), pending)
        pending.append((f"{akey}:{q.get('id')}", akey, q.get("id"), q.get("text") or "", sp.get("entity"), name, code,
                        key, q.get("cue"), q.get("start"), q.get("end"), _day(art.get("published")),
                        q.get("attribution")))
        n += 1
    _insert_quotes(store, pending)
    return n


# the columns of a stored quotation, in the order of add_quotes' rows
_QUOTE_ROW = ("key", "article_key", "quote_id", "text", "speaker_entity", "speaker_name", "speaker_code",
              "speaker_key", "cue", "start_char", "end_char", "date", "attribution")


def _insert_quotes(store, pending: list[tuple]) -> None:
    """Insert the quotations waiting in ``pending`` (emptied) in as few statements as the placeholders allow
    (sqltext.insert_rows: the full-text index of quotations writes a segment per statement)."""
    insert_rows(store, "quotes", _QUOTE_ROW, pending, " ON CONFLICT (key) DO NOTHING")
    pending.clear()


def _day(published: str | None) -> str | None:
    return published[:10] if published and len(published) >= 10 else published or None


def backfill(store) -> None:
    """Fill the quotes of the articles stored before the quotes table existed (a migration step)."""
    import json

    for a in store.rows("SELECT key, record FROM articles ORDER BY n"):
        try:
            rec = json.loads(a["record"] or "{}")
        except ValueError:
            continue
        add_quotes(store, a["key"], rec)


# ------------------------------------------------------------------------------------------- query
def resolve_speaker(store, speaker: str) -> list[str]:
    """The speaker keys a user's name stands for: every speaker that goes by that name; when no one
    does, every speaker whose name has all of its words ("Yo Jong" -> Kim Yo Jong)."""
    k = name_key(speaker)
    if not k:
        return []
    rows = store.rows("SELECT DISTINCT speaker FROM speaker_names WHERE name = ? ORDER BY speaker", (k,))
    if rows:
        return [r["speaker"] for r in rows]
    conds = " AND ".join([f"(' ' || key || ' ') LIKE ? {LIKE_ESCAPE}"] * len(k.split()))
    rows = store.rows(f"SELECT key FROM speakers WHERE {conds} ORDER BY key", [contains(f" {w} ") for w in k.split()])
    return [r["key"] for r in rows]


def speakers_named(store, speaker: str) -> list[dict]:
    """The speakers a user's name stands for, with their names and codes (to say who was found)."""
    keys = resolve_speaker(store, speaker)
    if not keys:
        return []
    return store.rows(f"SELECT key, name, code FROM speakers WHERE key IN ({','.join('?' * len(keys))}) ORDER BY key",
                      keys)


def query(store, *, speaker: str | None = None, state: str | None = None, since: str | None = None,
          until: str | None = None, text: str | None = None, limit: int | None = None,
          after: tuple | None = None) -> list[dict]:
    """Quotations that match, by date: ``speaker`` a name (any of the speaker's names), ``state`` the
    speaker's state code, ``since``/``until`` bounds on the article's publication date (YYYY, YYYY-MM
    or YYYY-MM-DD), ``text`` words that must all occur in the quotation. ``after``: only those after
    the quotation with this (date, article_key, start) in the order (a page's keyset)."""
    from ..timeline.queries import QueryError, period_conds

    conds: list[str] = []
    params: list[Any] = []
    if speaker is not None:
        keys = resolve_speaker(store, speaker)
        if not keys:
            return []
        conds.append(f"q.speaker_key IN ({','.join('?' * len(keys))})")
        params += keys
    if state:
        if not re.fullmatch(r"[A-Za-z]{3}", state.strip()):
            raise QueryError(f"--state {state!r}: a state is a three-letter code (PRK, USA, IGO)")
        conds.append("q.speaker_code = ?")
        params.append(state.strip().upper())
    period, period_params = period_conds(since, until, "q.date", "q.date")
    conds += period
    params += period_params
    if text:
        conds.append(store.quote_text_match())
        params.append(store.text_param(text))
    if after is not None:
        date, akey, start = after
        rest = "(q.article_key > ? OR (q.article_key = ? AND q.start_char > ?))"
        conds.append(f"(q.date IS NULL AND {rest})" if date is None else
                     f"(q.date IS NULL OR q.date > ? OR (q.date = ? AND {rest}))")
        params += ([] if date is None else [date, date]) + [akey, akey, start]
    sql = ("SELECT q.*, s.name AS s_name, a.record_id, a.outlet, a.title, a.url FROM quotes q "
           "JOIN articles a ON a.key = q.article_key LEFT JOIN speakers s ON s.key = q.speaker_key "
           f"WHERE {' AND '.join(conds) or '1 = 1'} ORDER BY q.date IS NULL, q.date, q.article_key, q.start_char")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_row(r) for r in store.rows(sql, params)]


def _row(r: dict) -> dict:
    return {"quote": r["quote_id"], "date": r["date"], "speaker": r["s_name"] or r["speaker_name"],
            "speaker_code": r["speaker_code"], "speaker_key": r["speaker_key"], "speaker_entity": r["speaker_entity"],
            "text": r["text"], "cue": r["cue"], "article": r["record_id"], "article_key": r["article_key"],
            "outlet": r["outlet"], "title": r["title"], "url": r["url"], "start": r["start_char"],
            "end": r["end_char"]}
