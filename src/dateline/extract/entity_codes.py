"""State codes of the mentions the gazetteer and the patterns found: a capital standing for its
government (a metonym), a generic body ("Defense Ministry") taking the state of a possessive or
adjective before it or of an "of X" after it, else the article's focus; a person found by pattern
taking the state of their role's context ("Japan's X", "X, a British diplomat", "Senator X of Ohio").
"""
from __future__ import annotations

import datetime as _dt
import functools
import itertools
import re
from typing import TYPE_CHECKING

from ..resources import read_tsv
from .entity_index import by_start
from .entity_words import _next_words, _prev_word, context_words, stance_before
from .gazetteer import Gazetteer
from .regexes import regex

if TYPE_CHECKING:
    from .entities import _Raw

_PLACE_PREPS = set(context_words("place_prepositions"))
_PLACE_NOUNS = set(context_words("place_nouns"))
_PLACE_EVENTS = frozenset(context_words("place_event_nouns"))
_OF_PLACE = regex("entities", "of_place")
_OWN_GAP = regex("entities", "own_body_gap")
_GENERIC_ADJECTIVE = regex("entities", "generic_as_adjective")
_INTERNATIONAL = frozenset(context_words("international_words"))
_PEOPLES = frozenset(context_words("ethnic_demonyms"))
# categories of organizations.tsv whose bodies every state has: a named one ("Congress") with another
# state's possessive or demonym before it is that state's
_STATE_BODIES = frozenset(context_words("state_body_categories"))


def country_before(text: str, pos: int, raws: list[_Raw], upto: int | None = None) -> str | None:
    """Code of a state named just before pos: "Japan's X", "the South Korean X", "North Korea's top X",
    "the Taliban X" (among ``raws[:upto]``)."""
    for k in range((len(raws) if upto is None else upto) - 1, -1, -1):
        r = raws[k]
        if r.end > pos:
            continue
        gap = text[r.end:pos]
        if len(gap) > 40 or re.search(r"[.;:\"“”]", gap):
            return None
        if (r.kind == "country" or (r.kind == "place" and r.form == "capital") or
                (r.kind == "organization" and r.code)) and not stance_before(text, r.start):
            gw = gap.strip()
            # a possessive, a demonym, or "its" pointing back to it ("the US is bolstering its military");
            # a coded body's name right before ("the Taliban government") owns it as its modifier
            owner = gw.startswith(("'", "’")) or r.form in ("adjective",) or gw.endswith(" its") \
                or (r.kind == "organization" and gap == " ")
            if regex("entities", "state_gap").fullmatch(gw) and (owner or r.kind == "country") \
                    and (owner or not regex("entities", "state_gap_break").search(gw)):
                return r.code
        return None
    return None


def international_name(name: str) -> bool:
    """Does the name say the body is international ("World Court", "International Court")?"""
    return any(w in _INTERNATIONAL for w in name.split())


def owner_before(text: str, pos: int, raws: list[_Raw]) -> str | None:
    """Code of a state that owns what starts at pos: its possessive or its demonym right before
    ("Russia's Security Council", "the Russian Security Council"), not a state with other words
    between ("Iraq complies with the Security Council", "an Indian envoy to the United Nations")."""
    code = country_before(text, pos, raws)
    if code is None:
        return None
    prev = next(r for r in reversed(raws) if r.end <= pos)
    gap = text[prev.end:pos]
    possessive = gap.lstrip().startswith(("'", "’"))
    return code if _OWN_GAP.fullmatch(gap) and (possessive or prev.form == "adjective") else None


def country_after(text: str, pos: int, starting: dict[int, list[_Raw]]) -> str | None:
    """Code of a state in "of X" / "for X" right after pos (``starting``: the mentions by start)."""
    m = regex("entities", "state_after").match(text[pos:pos + 30])
    if not m:
        return None
    for r in starting.get(pos + m.end(), ()):
        if r.kind in ("country", "place") and r.code:
            return r.code
    return None


def resolve_gazetteer(gaz: Gazetteer, text: str, raws: list[_Raw], dateline_end: int) -> list[_Raw]:
    codes_named = {r.code for r in raws if r.kind == "country" and r.form != "contextual"}
    out: list[_Raw] = []
    seen_generic: dict[str, str] = {}
    starting = by_start(raws)
    for r in raws:
        if r.form == "contextual" and r.code not in codes_named:
            continue
        if r.form == "capital":
            r.metonym = is_metonym(text, r, dateline_end)
            if r.metonym:
                cname = gaz.countries.get(r.code, {}).get("name", r.name)
                r.kind, r.name = "country", cname
        if r.code == "IGO" and r.kind == "organization" and r.text != r.name and not r.text.isupper() \
                and not international_name(r.text) and (own := owner_before(text, r.start, out)) and own != "IGO":
            # "Russia's Security Council": a state's own body, not the international one an alias names
            r.code, r.name, r.source = own, r.text, "gazetteer+context"
        if r.kind == "organization" and r.code not in (None, "IGO") and r.role in _STATE_BODIES \
                and (own := owner_before(text, r.start, out)) and own not in ("IGO", r.code):
            # "Peru's Congress": a body many states have, of the state named before it
            r.code, r.name, r.source = own, r.text, "gazetteer+context"
        if r.kind == "organization" and r.code is None and r.role == "armed_group" \
                and (own := owner_before(text, r.start, out)) and own != "IGO":
            r.code, r.source = own, "gazetteer+context"      # "Iraq's al-Qaeda": the branch of that state
        if r.kind == "organization" and r.code is None and r.form == "org" and (own := _named_state(gaz, r.name)):
            r.code, r.source = own, "gazetteer+name"      # "Egyptian Islamic Jihad": the state its name opens with
        if r.form == "generic" and _GENERIC_ADJECTIVE.match(text, r.end):
            continue      # "the western military alliance": no state's armed forces
        if r.form == "generic":
            code = country_before(text, r.start, out) or country_after(text, r.end, starting)
            if code:
                r.source = "gazetteer+context"
            else:
                # the same organisation named with its state earlier in the article
                code = seen_generic.get(r.name)
            r.code = code
            if code:
                seen_generic.setdefault(r.name, code)
        out.append(r)
    communities(text, out)
    default_generic_codes(text, raws, out, dateline_end)
    return out


def _named_state(gaz: Gazetteer, name: str) -> str | None:
    """The state whose name or demonym opens an organisation's name ("Kosovo Liberation Army",
    "Egyptian Islamic Jihad"; the gazetteer gives the body itself no state), if any."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n:
            st = [e.code for e in gaz.surface.get(" ".join(words[:n]), ())
                  if e.kind == "country" and e.form in ("adjective", "name") and e.code]
            if st:
                return st[0]
    return None


def communities(text: str, raws: list[_Raw]) -> None:
    """"Bosnian Serbs", "Kosovo Albanian leaders": a people living in several states (context.json
    ethnic_demonyms) right after a state's name or demonym is that state's community and acts for it."""
    for a, b in zip(raws, raws[1:]):
        if a.kind == "country" and a.form in ("adjective", "name") and a.code and b.kind == "country" \
                and b.form == "adjective" and b.text in _PEOPLES and text[a.end:b.start] == " ":
            b.code, b.name, b.source = a.code, a.name, "gazetteer+context"


def default_generic_codes(text: str, raws: list[_Raw], out: list[_Raw], dateline_end: int) -> None:
    """A generic organisation never tied to a state: state media belong to the state the article
    is most about; ministries and armed forces to the state of the dateline, else the same."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for r in out:
        if r.code and r.code != "IGO" and r.form != "generic":
            counts[r.code] = counts.get(r.code, 0) + (2 if r.kind == "country" else 1)
        if r.code:
            first[r.code] = min(first.get(r.code, r.start), r.start)
    focus = max(counts, key=lambda c: (counts[c], -first[c])) if counts else None
    home = dateline_state(text, raws, dateline_end, igo=True)
    for r in out:
        if r.form == "generic" and not r.code:
            r.code = (focus if r.role == "news" else home or focus)
            r.source = "gazetteer+article-focus" if r.code else r.source


def dateline_state(text: str, raws: list[_Raw], dateline_end: int, igo: bool = False) -> str | None:
    """The dateline's state: the last coded place or state named in the dateline itself (between the
    start of its line and its end), not one a headline or a subtitle above it names ("Trump loses
    Georgia" over "CASPER, Wyo. -"); ``igo`` lets an international body's code stand. A place
    followed by a U.S. state's abbreviation ("PARIS, Tenn. -") is that state's town, whatever state
    the gazetteer's namesake belongs to."""
    end = len(text[:dateline_end].rstrip())         # (the dateline's end takes the blank lines after it)
    line_start = text.rfind("\n", 0, end) + 1
    last = next((r for r in reversed(raws) if line_start <= r.start and r.end <= dateline_end and r.code
                 and r.kind in ("place", "country") and (igo or r.code != "IGO")), None)
    if last is not None and last.kind == "place" and us_state_after(text, last.end):
        return context_words("party_label_state")[0]
    return last.code if last is not None else None


_US_STATE_AFTER = regex("entities", "us_state_after")


@functools.lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """The AP abbreviations of the U.S. states (resources/geo/us_state_abbreviations.tsv)."""
    return frozenset(a for r in read_tsv("geo", "us_state_abbreviations.tsv") for a in r["ap"].split("|") if a)


def us_state_after(text: str, end: int) -> bool:
    """Does a comma and a U.S. state's AP abbreviation follow a place ending at ``end`` ("Tulsa, Okla.")?"""
    ab = _US_STATE_AFTER.match(text, end)
    return ab is not None and ab.group(1) in us_states()


def is_metonym(text: str, r: _Raw, dateline_end: int) -> bool:
    if r.start < dateline_end or (r.text.isupper() and len(r.text) > 3):
        return False      # a dateline ("TOKYO —") names the place of reporting
    prev = [w.lower() for w in _prev_word(text, r.start, 3)]
    nxt = _next_words(text, r.end, 2)
    if prev and prev[-1] == "the":
        return False      # "the Stockholm talks": the place names the event
    if nxt and nxt[0].lower() in _PLACE_EVENTS:
        return False      # "last year's Madrid summit", "a Nairobi bombing": where it happened
    if nxt and nxt[0] in ("'s", "’s", "'", "’"):
        return True
    if text[r.end:r.end + 2] in ("'s", "’s"):
        return True
    if prev and prev[-1] == ",":
        # "the capital, Pyongyang" / "the city, Seoul": an apposition to a place noun
        if len(prev) >= 2 and prev[-2] in _PLACE_NOUNS:
            return False
    if prev and (prev[-1] in _PLACE_PREPS or prev[-1] in _PLACE_NOUNS):
        # "from Pyongyang" stays a place, except "coming from Pyongyang" statements: keep it simple
        return prev[-1] in ("from",) and bool(regex("entities", "copula_after").match(text[r.end:r.end + 10]))
    if nxt and nxt[0] and nxt[0][0].isupper():
        return False      # part of a longer name ("Seoul National University")
    if nxt and nxt[0] == "-":
        return False      # "Seoul-based"
    return True

# ---------------------------------------------------------------- patterns


@functools.lru_cache(maxsize=1)
def _title_gap_words() -> frozenset[str]:
    """Lower-case words that may stand in a title between a state and a person: the words of the person
    roles (gazetteer/roles.tsv), their connectors and modifiers (context.json title_connectors,
    title_modifiers)."""
    roles = {w for r in read_tsv("gazetteer", "roles.tsv") if r.get("person") == "1"
             for w in r["word"].lower().replace("-", " ").split()}
    return frozenset(roles) | frozenset(context_words("title_connectors")) | frozenset(context_words("title_modifiers"))


def _titled_by_state(text: str, pos: int, raws: list[_Raw], upto: int) -> bool:
    """Whether the words between the mention before ``raws[upto]`` and the person at pos are a title
    ("Japan's top negotiator X", "the Peruvian foreign minister X"), not a clause ("Chilean officials
    met X"): every lower-case word a role word, a connector or a title modifier."""
    prev = next((r for r in reversed(raws[:upto]) if r.end <= pos), None)
    if prev is None:
        return False
    gap = text[prev.end:pos].lstrip("'’s")      # (a possessive: "Japan's X")
    # (the words read one at a time: the first lower-case word of no title decides, the rest are not read)
    return all(w in _title_gap_words() for w in map(_GROUP0, _GAP_WORD.finditer(gap)) if w.islower())


_GAP_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_GROUP0 = re.Match.group
_SERVING = regex("entities", "serving_before")


def person_codes(text: str, raws: list[_Raw]) -> None:
    """A person found by pattern takes a state from its role context: a state before the name with only a
    title between, an apposition naming a state's role, a place after "of"."""
    for i, r in enumerate(raws):
        if r.kind != "person" or r.code:
            continue
        code = country_before(text, r.start, raws, i) if _titled_by_state(text, r.start, raws, i) else None
        if not code:
            m = regex("entities", "apposition_np").match(text, r.end)
            if m:
                seg_end = m.end()
                # a body the apposition says the person works for wins ("an American working for the U.N.")
                code = next((o.code for o in itertools.takewhile(lambda o: o.start < seg_end, raws[i + 1:i + 9])
                             if o.kind == "organization" and o.code and o.start > r.end
                             and _SERVING.search(text, max(r.end, o.start - 40), o.start)), None)
                for k in range(i + 1, len(raws) if code is None else 0):
                    o = raws[k]
                    if o.start >= seg_end:
                        break
                    # a state qualifies the role ("a British diplomat", "an aide to Japan's premier", "the
                    # Kenya Red Cross"), not where the apposition's verb goes ("who went with her to Peru")
                    owner = o.form == "adjective" or text[o.end:o.end + 2] in ("'s", "’s")
                    if (o.kind == "country" or o.form == "capital") and owner or (o.kind == "organization" and o.code):
                        code = o.code
                        break
        if not code and (of := _OF_PLACE.match(text, r.end)):
            # "Senator Jane Doe of Ohio", "Mayor X of Lyon": the place after "of" gives the state
            code = next((o.code for o in raws[i + 1:i + 3] if o.start == of.end()
                         and o.kind in ("country", "place") and o.code), None)
        r.code = code


def leader_bodies(text: str, raws: list[_Raw]) -> None:
    """"The Castro government", "Assad's regime": a generic body named right after a person of a
    state (their name, or its possessive, as its modifier) is that person's state's body, whatever
    state the article's default gave it."""
    for a, b in zip(raws, raws[1:]):
        if a.kind == "person" and a.code and a.code != "IGO" and b.kind == "organization" and b.form == "generic" \
                and _OWN_GAP.fullmatch(text, a.end, b.start) and b.code != a.code:
            b.code, b.source = a.code, "gazetteer+context"


@functools.lru_cache(maxsize=1)
def _state_changes() -> dict[str, tuple[_dt.date, str]]:
    """New state -> (its first day, the state its places lay in before) (gazetteer/state_changes.tsv)."""
    return {r["code"]: (_dt.date.fromisoformat(r["since"]), r["before"])
            for r in read_tsv("gazetteer", "state_changes.tsv")}


def place_codes_on(raws: list[_Raw], published: _dt.date) -> None:
    """A place of a state that did not exist yet on the article's day lay in the state it later left
    ("Juba" in a 1995 story is Sudan's)."""
    changes = _state_changes()
    for r in raws:
        if r.kind == "place" and r.code in changes and published < changes[r.code][0]:
            r.code = changes[r.code][1]

