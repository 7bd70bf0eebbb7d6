"""A publication date from page or feed metadata, checked against the dates in the title, the URL
and the text.

Metadata dates are often wrong: a page's date may come from a photo caption, a "last updated"
stamp or a related-stories box. Each source votes for the date it shows: the title and the URL
(a date the publisher wrote into them) weigh 2, the metadata and the text's own evidence (a
date line, a dateline, a weekday with its date: ``article.infer_published``) weigh 1; dates a
day apart agree (time zones). The date with the most weight wins, the metadata's on a tie, and
the evidence names every source and every conflict:

    check_metadata_date("2019-08-01", title="Talks resume (10.06.2013)", text=..., url=None)
    -> ("2013-06-10", "page metadata says 1 Aug 2019; the title says 10 Jun 2013 ...; conflict: chose 10 Jun 2013 (title)")

Numeric dates: ISO (2013-06-10, 2013/06/10), day.month.year (10.06.2013, as written with dots),
and URL paths (/2013/06/10/, /20130610/); month-name dates as ``article.FULL_DATE`` reads them.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

WEIGHTS = {"title": 2, "url": 2, "metadata": 1, "text": 1, "text's latest date": 0.5}
_WEAK_TEXT = "the latest full date in the text"     # article.infer_published's last resort
AGREE_DAYS = 1

_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/]([01]?\d)[-/]([0-3]?\d)(?!\d)")
_DOTTED = re.compile(r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?![\d.])")
_URL = re.compile(r"/((?:19|20)\d\d)[/-]?([01]\d)[/-]?([0-3]\d)(?=[/_.-]|$)")


@dataclass
class Vote:
    source: str          # a key of WEIGHTS
    day: _dt.date
    what: str            # what it showed


def _mk(y: str, m: str, d: str) -> _dt.date | None:
    try:
        return _dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def dates_in(s: str | None) -> list[tuple[_dt.date, str]]:
    """Dates written in a title or a text: month names, ISO and day.month.year, with what was read."""
    if not s:
        return []
    from .article import FULL_DATE, _full_date

    out = [(d, m.group(0)) for m in FULL_DATE.finditer(s) if (d := _full_date(m))]
    out += [(d, m.group(0)) for m in _ISO.finditer(s) if (d := _mk(m[1], m[2], m[3]))]
    out += [(d, m.group(0)) for m in _DOTTED.finditer(s) if (d := _mk(m[3], m[2], m[1]))]
    seen: dict[_dt.date, str] = {}
    for d, what in out:
        seen.setdefault(d, what)
    return sorted(seen.items())


def url_date(url: str | None) -> tuple[_dt.date, str] | None:
    """A date in a URL's path (/2019/10/31/, /2019-10-31-, /20191031/)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    for m in _URL.finditer(path):
        if d := _mk(m[1], m[2], m[3]):
            return d, m.group(0).strip("/")
    return None


def votes_for(published: str, *, title: str | None, text: str, url: str | None,
              today: _dt.date | None = None) -> list[Vote]:
    from .article import infer_published

    votes = [Vote("metadata", _dt.date.fromisoformat(published[:10]), published[:10])]
    titled = dates_in(title)
    if len(titled) == 1:                   # one date in the title; several say nothing certain
        votes.append(Vote("title", titled[0][0], f"'{titled[0][1]}'"))
    if u := url_date(url):
        votes.append(Vote("url", u[0], f"'{u[1]}'"))
    inferred, why = infer_published(text, today=today)
    if inferred:
        source = "text's latest date" if (why or "").startswith(_WEAK_TEXT) else "text"
        votes.append(Vote(source, _dt.date.fromisoformat(inferred), why or inferred))
    return votes


def _h(day: _dt.date) -> str:
    """A day in the evidence, which people read: "10 Jun 2013"."""
    from .humandate import render
    return render(day.isoformat())


def decide(votes: list[Vote]) -> tuple[_dt.date, str]:
    """The best-supported day among the votes (the first vote's on a tie) and the evidence."""
    def support(day: _dt.date) -> float:
        return sum(WEIGHTS[v.source] for v in votes if abs((v.day - day).days) <= AGREE_DAYS)

    best = max(votes, key=lambda v: (support(v.day), v is votes[0], WEIGHTS[v.source]))
    said = [f"page metadata says {_h(votes[0].day)}"]
    said += [f"the {v.source} says {_h(v.day)} ({v.what})" for v in votes[1:]]
    if len(votes) == 1:
        return best.day, "page metadata; no date in the title, URL or text to check it against"
    apart = [v for v in votes if abs((v.day - best.day).days) > AGREE_DAYS]
    if not apart:
        return best.day, "; ".join(said) + "; all agree"
    return best.day, ("; ".join(said) + f"; conflict: chose {_h(best.day)} "
                      f"({', '.join(v.source for v in votes if abs((v.day - best.day).days) <= AGREE_DAYS)})")


def check_metadata_date(published: str, *, title: str | None, text: str, url: str | None = None,
                        today: _dt.date | None = None) -> tuple[str, str]:
    """(the publication day to use, YYYY-MM-DD; its evidence) for a date from page or feed metadata."""
    try:
        votes = votes_for(published, title=title, text=text, url=url, today=today)
    except ValueError:
        return published[:10], "page metadata"
    day, evidence = decide(votes)
    return day.isoformat(), evidence
