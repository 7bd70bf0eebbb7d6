"""People's states: the office a gazetteer person held on the article's day, honorific surnames
("Mr. Blair") joined to the person named in full, and the states whose office a titled stranger
cannot hold ("President X" where that state's president was someone else)."""
from __future__ import annotations

import datetime as _dt
import re

from .entity_words import context_words


def leader_codes_on(raws: list, published: _dt.date) -> None:
    """A gazetteer person's state on the publication day: the office held then; out of office,
    the last national office held; before any office, the one state of the offices to come; no state
    when only an international office is known (Donald Tusk in October 2023 is no longer the European
    Council's, and the gazetteer does not know him as Polish: the context may say so)."""
    for r in raws:
        terms = [t for t in r.leaders if t.code] if r.kind == "person" else []
        if not terms:
            continue
        now = [t for t in terms if t.in_office(published)]
        if now:
            r.code = now[0].code
            continue
        past = sorted((t for t in terms if t.start is None or t.start <= published),
                      key=lambda t: t.start or _dt.date.min)
        national = [t for t in past if t.code != "IGO"]
        later = {t.code for t in terms if t.code != "IGO" and t.start is not None and t.start > published}
        if national:
            r.code = national[-1].code
        elif past:
            r.code = None
        elif len(later) == 1:
            r.code = later.pop()      # before any office: a future president acts for the same state


def link_honorific_surnames(raws: list, known: dict[str, list]) -> None:
    """"Mr. Blair" after "Tony Blair": a one-word name after an honorific is the person named in
    full with that surname (the nearest before, else the first after), not a new person."""
    for r in raws:
        if r.source != "pattern:honorific" or " " in r.name:
            continue
        cands = [p for p in known.get(r.name, []) if p is not r and " " in p.name]
        if not cands:
            continue
        before = [p for p in cands if p.start < r.start]
        target = before[-1] if before else cands[0]
        r.name, r.code, r.leaders = target.name, target.code, target.leaders
        r.entity_key, r.source = ("person", target.name), "coref:honorific+surname"


def phoenix_official(by_surname: dict, surname: str, published: _dt.date | None):
    """"President Yeltsin", "Minister X": the one Phoenix person with this surname who held a
    government role (a CAMEO code of a state with the GOV sector) on the article's day, with all
    their rows; None where there is no date, nobody, or several such people."""
    if published is None:
        return None
    rows = by_surname.get(surname, ())
    names = {r.name for r in rows if r.cameo[3:6] == "GOV" and r.in_office(published)}
    if len(names) != 1:
        return None
    name = names.pop()
    return tuple(r for r in rows if r.name == name)


def shared_state(gaz, sur: str, title: str) -> str | None:
    """The one state of every gazetteer person with this surname and title, if they share one."""
    codes = {x.code for x in gaz.by_surname.get(sur, []) if title in x.titles and x.code}
    return next(iter(codes)) if len(codes) == 1 and "IGO" not in codes else None


def leader_for(gaz, surname: str, title: str | None, published) -> list:
    """The gazetteer leaders a surname (with a title) names on the article's day."""
    lds = gaz.by_surname.get(surname, [])
    if title:
        lds = [x for x in lds if title in x.titles] or []
    if published:
        inoff = [x for x in lds if x.in_office(published)]
        if inoff:
            return inoff
        if title:
            return []
    return lds if len({x.name for x in lds}) == 1 else []


# Phoenix dates a government role by the post it names, often later than the first office that news
# titles the person by (a vice president before the presidency): a role that began within this long after
# the article's day still counts
_ROLE_DATE_SLACK = _dt.timedelta(days=730)


def phoenix_state(by_surname: dict, surname: str, published: _dt.date | None = None) -> tuple[str | None, str] | None:
    """"President Reagan" on a day none of them is in office: the state every Phoenix person with this
    surname who held a government role by the article's day (give or take Phoenix's dating) shares (with that person's name where
    there is one), so a title and a surname still say whose official is meant; not one whose first
    government role began after that day (a 1998 story's "President X" is no one's who governed only
    from 2004); None where there is none or several states."""
    rows = [r for r in by_surname.get(surname, ()) if r.cameo[3:6] == "GOV"
            and (published is None or r.start is None or r.start <= published + _ROLE_DATE_SLACK)]
    codes = {r.code for r in rows}
    if len(codes) != 1:
        return None
    names = {r.name for r in rows}
    return (names.pop() if len(names) == 1 else None), codes.pop()


_TITLE_WORDS = re.compile(r"[A-Za-z][\w'’.-]*|[^\w\s]")


def office_held_by_others(gaz, text: str, start: int, name: str, published: _dt.date | None) -> frozenset[str]:
    """The states whose holder of the office a title before a person names ("advises President X") was
    someone else on the article's day, from the gazetteer's leaders with dated terms: the person is
    not that state's official, so the article's home state is no guess for them. Only offices one
    person holds at a time (context.json unique_offices), and only a title standing alone (not after
    another capitalised word: "Acme President X" is a company's)."""
    if published is None:
        return frozenset()
    words = _TITLE_WORDS.findall(text[max(0, start - 60):start])
    unique = frozenset(context_words("unique_offices"))
    for n in (2, 1):
        if len(words) < n:
            continue
        title = " ".join(words[-n:])
        before = words[-n - 1] if len(words) > n else ""
        if title not in gaz.titles or (before[:1].isupper() and before.isalpha()):
            continue
        return frozenset(ld.code for ld in gaz.leaders if title in ld.titles and ld.role in unique
                         and ld.code and ld.name != name and ld.in_office(published))
    return frozenset()
