"""Article metadata: dateline, bylines, outlet, and the publication date with its evidence.

The publication date is taken, in order of trust, from the caller ("given"), from page or feed
metadata ("metadata"), or inferred from the text ("inferred"): a full date in the lede, or a
weekday with a month and day ("Thursday, Oct. 31") whose candidate years are narrowed by the
officials the article names with their titles (a president named as president must be in
office on that day, by the terms in the gazetteer).
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field

from . import lang
from .extract.entities import NAME_RE
from .extract.gazetteer import Gazetteer, Leader, load
from .extract.regex_literals import absent
from .extract.regexes import regex
from .extract.timex_values import safe_date

# the project's one list of months and weekdays (dateline.lang, resources/lang/en)
_MONTHS = {f.lower().rstrip("."): n for f, n in lang.months().items()}
_WEEKDAYS = {d.lower(): n - 1 for d, n in lang.full_weekdays().items()}      # Monday = 0, as date.weekday()
_MON = "(?P<mon>" + "|".join(sorted({f.rstrip(".") for f in lang.months()}, key=lambda f: (-len(f), f))) + r")\.?"
_WD = "(?P<wd>" + "|".join(lang.full_weekdays()) + ")"
WEEKDAY_DATE = re.compile(rf"\b{_WD}(?:['’]s)?,?\s+\(?{_MON}\s+(?P<day>\d{{1,2}})(?!\d)(?:,?\s+(?P<year>(?:19|20)\d\d))?")
DATE_WEEKDAY = re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?!\d),?\s+(?:\(?){_WD}")
FULL_DATE = re.compile(
    rf"\b(?:{_MON}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<mon2>{'|'.join(lang.full_months())})\s+(?P<year2>(?:19|20)\d\d)"
    rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))\b")
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<outlet>[^)]{2,40})\))?\s*(?:—|–|--|-|:|_)\s*")
# credits (bylines, contributor lines, sign-offs) are language data: resources/article/regexes.json
BYLINE_TOP = regex("article", "byline_top")
WRITTEN_BY = regex("article", "written_by")
CONTRIBUTED = regex("article", "contributed")
FOLLOW = regex("article", "follow")
REPORTING_BY = regex("article", "reporting_by")


DATELINE_DATE = re.compile(rf"^\s*[A-Z][A-Z.'’\- ]+,\s*(?:[A-Z][a-z.]+,\s*)?{_MON}\s+(?P<day>\d{{1,2}})\b")
DATELINE_DATE_DM = re.compile(rf"^\s*[A-Z][A-Z.'’\- ]+,\s*(?:[A-Z][a-z.]+,\s*)?(?P<day>\d{{1,2}})\s+{_MON}(?![a-z])")


class _Found:
    """A match-like pair of a dateline's month-day and the lede's weekday."""

    def __init__(self, text: str, mon: str, day: str, wd: str):
        self._g = {"mon": mon, "day": day, "wd": wd, "year": None, 0: text}

    def group(self, k=0):
        return self._g[k]

    def groupdict(self):
        return self._g


@dataclass
class Meta:
    title: str | None = None
    dateline: str | None = None
    dateline_end: int = 0
    authors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    published_from: str = "none"
    published_evidence: str | None = None


def _split_names(s: str) -> list[str]:
    s = re.sub(r"\s+in\s+[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?(?=\s*(?:,|and\b|$))", "", s.strip())
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", s)
    out = []
    for p in parts:
        p = re.sub(r"^.*?['’]s\s+(?=[A-Z])", "", p.strip())      # "The Washington Post's Min Joo Kim"
        m = NAME_RE.fullmatch(p.strip())
        if m and len(p.split()) >= 2:
            out.append(p.strip())
    return out


def find_dateline(text: str) -> tuple[str | None, str | None, int]:
    """("TOKYO", outlet or None, offset where the story begins). The dateline opens the text or the
    first paragraph after a headline, a byline or a date line."""
    story = _story_start(text)
    offset = text.find(story) if story is not text else 0
    m = DATELINE.match(story)
    if not m or len(m.group("place")) < 3:
        return None, None, 0
    place = m.group("place")
    if m.group("region"):
        place = f"{place}, {m.group('region')}"
    end = offset + m.end()
    while end < len(text) and text[end].isspace():
        end += 1
    return place, (m.group("outlet") or None), end


@functools.lru_cache(maxsize=1)
def _outlet_re() -> str:
    """News organisations of the gazetteer (category news), longest first, as one alternation."""
    from .resources import multi, read_tsv
    names = {n for r in read_tsv("gazetteer", "organizations.tsv") if r.get("category") == "news"
             for n in [r["name"], *multi(r.get("aliases"))] if len(n) > 3}
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def find_bylines(text: str) -> tuple[list[str], list[str], str | None]:
    authors: list[str] = []
    contributors: list[str] = []
    outlet = None
    head = text[:400]
    m = BYLINE_TOP.search(head)
    if m:
        names = m.group("names")
        names, _, org = names.partition(" | ")
        # "By REGINA GARCIA CANO and MATTHEW LEE Associated Press": a wire's name ends the line
        om = re.match(rf"(?P<n>.*?)[\s,|–—-]+(?P<o>{_outlet_re()})\s*$", names)
        if om:
            names, outlet = om.group("n"), om.group("o")
        words = [w for w in names.split() if w.lower() not in ("and", "&")]
        if words and all(w.isupper() for w in words):    # "REGINA GARCIA CANO and MATTHEW LEE"
            names = " ".join(w.lower() if w.lower() == "and" else w.capitalize() for w in names.split())
        parts = re.split(r",\s*(?=[A-Z][a-z]+(?:\s|$))", names)
        authors += _split_names(names)
        if not authors and parts:
            authors += _split_names(parts[0])
    for m in () if absent(WRITTEN_BY, text) else WRITTEN_BY.finditer(text):
        authors += [n for n in _split_names(m.group("names")) if n not in authors]
        if m.group("outlet"):
            outlet = m.group("outlet").strip()
    for m in () if absent(CONTRIBUTED, text) else CONTRIBUTED.finditer(text):
        line_start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start()) + 1, 0)
        who = text[line_start:m.start()].strip()
        who = re.split(r"[.;:]\s+", who)[-1]
        om = re.match(r"\s*((?:The\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)['’]s\s+", who)
        if om and not outlet:
            outlet = om.group(1)
        contributors += [n for n in _split_names(who) if n not in contributors]
    for m in () if absent(FOLLOW, text) else FOLLOW.finditer(text):
        authors += [n for n in _split_names(m.group("names")) if n not in authors]
    for m in () if absent(REPORTING_BY, text) else REPORTING_BY.finditer(text):
        names = _split_names(m.group("names"))
        if m.group("what").lower().startswith("additional"):
            contributors += [n for n in names if n not in contributors]
        else:
            authors += [n for n in names if n not in authors]
    return authors, contributors, outlet


def find_title(text: str) -> str | None:
    """A headline as the first line of a plain text: short, set apart by a blank line, and either
    without a closing full stop or in title case."""
    m = re.match(r"\s*([^\n]{3,200})\n\s*\n", text)
    if not m:
        return None
    line = m.group(1).strip()
    words = line.split()
    if not (1 < len(words) <= 25) or DATELINE.match(line) or BYLINE_TOP.match(line):
        return None
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha()) / len(words)
    if not line.endswith((".", "?", "!", ".”", ".’", '."')) or caps >= 0.6:
        return line
    return None


_mk = safe_date


@functools.lru_cache(maxsize=4)
def _title_pattern(gaz: Gazetteer) -> re.Pattern | None:
    titles = sorted(gaz.titles | {r for r in gaz.roles if gaz.roles[r].get("category") == "government"},
                    key=len, reverse=True)
    if not titles:
        return None
    return re.compile(r"\b((?i:" + "|".join(map(re.escape, titles)) + r"))\s+(" + NAME_RE.pattern + r")")


def _titled_leaders(text: str, gaz: Gazetteer) -> list[tuple[str, list[Leader]]]:
    """People named with a title ("President Moon", "North Korean leader Kim Jong Un"): each with
    the gazetteer rows (office terms) that title fits."""
    out: list[tuple[str, list[Leader]]] = []
    pat = _title_pattern(gaz)
    if pat is None:
        return out
    for m in pat.finditer(text):
        title, name = m.group(1), m.group(2)
        toks = name.split()
        rows: list[Leader] = []
        for n in range(len(toks), 0, -1):       # the longest known name at the start of the match
            head = toks[:n]
            rows = [ld for ld in gaz.leaders if ld.name.split() == head]
            if not rows and n == 1:
                rows = gaz.by_surname.get(head[0], [])
            if not rows and n >= 2:
                # a full name whose surname is known ("President Donald Trump")
                rows = [ld for ld in gaz.leaders if ld.surname == head[-1] and head[0] in ld.name.split()]
            if rows:
                break
        t = title.lower()
        fit = [ld for ld in rows if any(t == x.lower() for x in ld.titles) or t == ld.role.lower()
               or t in ld.role.lower().split()]
        if fit:
            out.append((m.group(0), fit))
    return out


def _date_line(text: str) -> tuple[str, str] | None:
    """A line of its own near the top that is a full date ("May 9, 2019", "Updated 9 May 2019")."""
    for line in text[:600].split("\n")[:6]:
        line = line.strip()
        if not line or len(line) > 60:
            continue
        fm = FULL_DATE.search(line)
        if fm and len(line) - len(fm.group(0)) <= 25 and not re.search(r"[.!?]\s*$", line.replace(fm.group(0), "")):
            d = _full_date(fm)
            if d:
                return d.isoformat(), f"the date line '{line}'"
    return None


def _full_date(fm) -> _dt.date | None:
    if fm.group("iso"):
        return _mk(*map(int, fm.group("iso").split("-")))
    if fm.group("year"):
        return _mk(int(fm.group("year")), _MONTHS[fm.group("mon").lower().rstrip(".")], int(fm.group("day")))
    return _mk(int(fm.group("year2")), _MONTHS[fm.group("mon2").lower()], int(fm.group("day2")))


@functools.lru_cache(maxsize=2)
def _story_start(text: str) -> str:
    """The text from where the story begins: after a headline and byline lines, if any (cached: the
    dateline and the publication date both start from it)."""
    paras = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    for p in paras[:4]:
        if DATELINE.match(p) or len(p) > 200:
            return p
    return text


def infer_published(text: str, *, today: _dt.date | None = None, gaz: Gazetteer | None = None
                    ) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, evidence)."""
    gaz = gaz or load()
    today = today or _dt.date.today()
    lede = text[:1500]
    head = _date_line(text)
    if head:
        return head
    story = _story_start(text)
    dl = DATELINE.match(story)
    fm = FULL_DATE.search(story, 0, dl.end()) if dl else None
    if fm and (d := _full_date(fm)):
        return d.isoformat(), f"the dateline '{story[:dl.end()].strip()}'"
    m = WEEKDAY_DATE.search(lede) or DATE_WEEKDAY.search(lede)
    dm = DATELINE_DATE.match(story) or DATELINE_DATE_DM.match(story)
    if not m and dm:
        # "SEOUL, Oct 31 (Reuters) - ... on Thursday": the dateline's day is the lede's weekday
        # (not "Sunday's election", "last Sunday", "since Friday": those name another day)
        lede_part = text[dm.end():dm.end() + 400]
        wm = next((x for x in re.finditer(_WD, lede_part)
                   if not re.match(r"['’]s\b", lede_part[x.end():x.end() + 3])
                   and not re.search(r"\b(?:last|next|since|until|till|before|after|previous|following)\s+$",
                                     lede_part[max(0, x.start() - 12):x.start()], re.I)), None)
        if wm:
            m = _Found(f"{dm.group(0).strip()} ... {wm.group(0)}", dm.group("mon"), dm.group("day"), wm.group("wd"))
    if m:
        mon = _MONTHS[m.group("mon").lower().rstrip(".")]
        day = int(m.group("day"))
        wd = _WEEKDAYS[m.group("wd").lower()]
        if m.groupdict().get("year"):
            d = _mk(int(m.group("year")), mon, day)
            if d:
                return d.isoformat(), f"full date in the text: '{m.group(0)}'"
        cands = [d for y in range(1950, today.year + 2) if (d := _mk(y, mon, day)) and d.weekday() == wd
                 and d <= today + _dt.timedelta(days=2)]
        if not cands:
            return None, f"'{m.group(0)}': no year has that weekday on that date"
        ev = [f"'{m.group(0)}' fits {', '.join(str(d.year) for d in cands[-6:])}"]
        titled = _titled_leaders(text, gaz)
        kept = cands
        for phrase, rows in titled:
            k2 = [d for d in kept if any(r.in_office(d) for r in rows)]
            if k2 and len(k2) < len(kept):
                ev.append(f"'{phrase}' in office only in {', '.join(str(d.year) for d in k2[-6:])}")
                kept = k2
        years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)}
        if years and len(kept) > 1:
            # a year the text names is the likeliest; else none before the latest year it names
            k2 = [d for d in kept if d.year in years] or [d for d in kept if d.year >= max(years)]
            if k2 and len(k2) < len(kept):
                ev.append(f"the text mentions {', '.join(str(y) for y in sorted(years)[-4:])}")
                kept = k2
        if len(kept) == 1:
            return kept[0].isoformat(), "; ".join(ev)
        ev.append(f"undecided between {', '.join(str(d.year) for d in kept[-6:])}: chose the latest")
        return kept[-1].isoformat(), "; ".join(ev)
    fulls = []
    for fm in FULL_DATE.finditer(text):
        d = _full_date(fm)
        if d and d <= today:
            fulls.append((d, fm.group(0)))
    if fulls:
        d, s = max(fulls)
        return d.isoformat(), f"the latest full date in the text: '{s}'"
    return None, None


def extract_meta(text: str, *, title: str | None = None, published: str | None = None,
                 published_from: str | None = None, outlet: str | None = None,
                 authors: list[str] | None = None, today: _dt.date | None = None, url: str | None = None) -> Meta:
    meta = Meta(title=title or find_title(text))
    meta.dateline, dl_outlet, meta.dateline_end = find_dateline(text)
    a, c, o = find_bylines(text)
    meta.authors = list(authors or []) or a
    meta.contributors = c
    meta.outlet = outlet or dl_outlet or o
    if published:
        meta.published = published[:10]
        meta.published_from = published_from or "given"
        if meta.published_from == "metadata":    # checked against the title, URL and text
            from .published_check import check_metadata_date
            meta.published, meta.published_evidence = check_metadata_date(published, title=title, text=text,
                                                                          url=url, today=today)
    else:
        p, ev = infer_published(text, today=today)
        if p:
            meta.published, meta.published_from, meta.published_evidence = p, "inferred", ev
        else:
            meta.published_from = "none"
            meta.published_evidence = ev
    return meta
