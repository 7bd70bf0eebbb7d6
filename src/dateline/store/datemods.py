"""The TimeML mod of event dates in the store ("before 31 Oct 2019", "early Oct 2019").

An event's date comes from a timex; the timex's mod (START, END, APPROX, BEFORE, AFTER ...) is kept
in ``events.date_mod``, and a cluster takes the mod of a report that has the cluster's own date.
Queries show it in words and treat a date bounded on one side only (BEFORE, AFTER) as no day.
"""
from __future__ import annotations

import json


def date_mods(record: dict) -> dict[str, str]:
    """Event id -> the TimeML mod of the timex its date came from ("BEFORE", "START" ...)."""
    mods = {t.get("id"): t.get("mod") for t in record.get("timexes") or [] if t.get("mod")}
    return {e["id"]: mods[e["date_timex"]] for e in record.get("events") or []
            if e.get("date_timex") in mods and e.get("date")}


def set_date_mods(store, akey: str, record: dict, clusters) -> None:
    """Store the mods of one article's event dates, and refresh the mods of the clusters it touched
    (a cluster takes the mod of the reports that have the cluster's own date; none when one of them
    gives that date without a mod)."""
    for eid, mod in sorted(date_mods(record).items()):
        store._exec("UPDATE events SET date_mod = ? WHERE key = ?", (mod, f"{akey}:{eid}"))
    for cid in sorted(clusters):
        store._exec("UPDATE clusters SET date_mod = (SELECT CASE WHEN count(*) = count(e.date_mod) THEN min(e.date_mod) "
                    "END FROM events e WHERE e.cluster = clusters.id AND e.date = clusters.date) WHERE id = ?", (cid,))


def backfill_date_mods(store) -> None:
    """The date mods of the events stored before migration 4."""
    for a in store.rows("SELECT key, record FROM articles ORDER BY n"):
        try:
            rec = json.loads(a["record"] or "{}")
        except ValueError:
            continue
        touched = {r["cluster"] for r in store.rows("SELECT DISTINCT cluster FROM events WHERE article_key = ?",
                                                   (a["key"],)) if r["cluster"]}
        set_date_mods(store, a["key"], rec, touched)
