"""The state a person's role gives them: a title, a role phrase in apposition, a body or state named
with the role ("X, Burma's de facto leader", "Hamas spokesman X", "U.N. mediator X": IGO), a U.S. party
label ("X (D-Ohio)"), and an organisation's acronym in parentheses; with the title chain test
(_title_chain) that the role readers share.
"""
from __future__ import annotations

import functools
import re

from ..record import Mention
from ..resources import read_tsv
from .entities import EntityResult
from .entity_codes import us_states
from .entity_groups import code_people_by_group
from .entity_ties import title_named_with_state, title_of_body
from .entity_words import context_words, stance_before
from .name_variants import code_name_variants
from .regexes import regex

_WORD = re.compile(r"[A-Za-z]+")

_OWNER_AFTER = regex("entities", "owner_after")
_OWNER_BEFORE = regex("entities", "owner_before")


_APPOSED = regex("entities", "apposed")
_APPOSITION_END = re.compile(r"([^,.;:()\n]{1,80})(?=[,.;:()\n]|$)")


@functools.lru_cache(maxsize=1)
def _title_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words of the person roles in the gazetteer ("prime", "minister"), and the connectors of a title."""
    roles = frozenset(w for r in read_tsv("gazetteer", "roles.tsv") if r.get("person") == "1"
                      for w in r["word"].lower().replace("-", " ").split()) | frozenset(context_words("person_descriptors"))
    return roles, frozenset(context_words("title_connectors"))


def _title_chain(gap: str) -> bool:
    """Whether the words between a state and a person are only a title: "British *Defence Secretary*
    Tom King", "the Iraqi *deputy prime minister*, X". Every word is a role word, a capitalised word or
    a connector, and the last is a role word ("British people like X" is no title)."""
    words = gap.replace("-", " ").split()
    roles, connectors = _title_words()
    last = words[-1].strip(".") if words else ""
    # ("the Ethiopian *marathoner* X": a noun of a person's occupation, context.json person_noun_endings)
    noun = len(last) >= 6 and last.isalpha() and last.islower() and last.endswith(tuple(context_words("person_noun_endings")))
    if not words or len(words) > 6 or (last.lower() not in roles and not noun):
        return False
    return all(w.lower() in roles or w.lower() in connectors or (w[:1].isupper() and w.strip(".").isalpha())
               for w in words[:-1])


_ROLE_AS = regex("entities", "role_as")
_PARTY_LABEL = regex("entities", "party_label")


def _role_as(text: str, m: Mention, after: list[Mention]) -> str | None:
    """The state of a role the person's clause gives with "as" before any other person: "X visited
    Washington as Burma's de facto leader", "X, who served as U.S. ambassador to Burma"."""
    nxt = next((x for x in after if x.kind == "person" or (x.kind == "country" and not x.metonym)), None)
    if nxt is None or nxt.kind != "country" or not nxt.code or not _ROLE_AS.fullmatch(text, m.end, nxt.start):
        return None       # (a capital standing for a government is where the person went: "visited the White House")
    if regex("entities", "possessive_next").match(text[nxt.end:nxt.end + 3]):
        return nxt.code
    tail = _APPOSITION_END.match(text, nxt.end)
    return nxt.code if tail and _title_chain(tail.group(1).split(" to ")[0]) else None


def _igo_title(text: str, body: Mention, m: Mention) -> bool:
    """Is the person ``m`` titled as an official of the international body named right before ("U.N.
    spokesman X", "UN mediator X"), not as a past one ("former U.N. secretary general X")?"""
    if body.kind != "organization" or body.code != "IGO" or body.end >= m.start \
            or not _title_chain(text[body.end:m.start]):
        return False
    before = _WORD.findall(text[max(0, body.start - 12):body.start])
    return not (before and before[-1].lower() in context_words("former_words"))


def code_people_from_context(text: str, res: EntityResult) -> None:
    """A person with no state whose role the text gives as a state's: "X, Burma's de facto leader",
    "Burma's opposition leader X"; any person titled as an international body's official ("U.N.
    mediator X": IGO). The state goes to every mention of that person. First, an organisation takes
    the code of its acronym in parentheses (_code_from_acronym), and a name one letter off a gazetteer
    person's or state's takes theirs (name_variants); last, a person still with no state takes their
    group's ("X led his team" beside "a U.N. inspection team": entity_groups)."""
    _code_from_acronym(text, res)
    code_name_variants(res)
    by_id = res.by_id()
    ms = res.mentions
    for k, m in enumerate(ms):
        ent = by_id.get(m.entity)
        if m.kind == "person" and ent is not None and k and _igo_title(text, ms[k - 1], m):
            ent.code = "IGO"      # "U.N. mediator X": the stated role over a nationality from the gazetteer
            for x in ms:
                if x.entity == ent.id:
                    x.code = "IGO"
            continue
        if m.kind != "person" or ent is None or ent.code:
            continue
        code = _context_code(text, ms, k)
        if code:
            res.give_code(ent, code)
    code_people_by_group(text, res)


def _context_code(text: str, ms: list[Mention], k: int) -> str | None:
    """The state the context gives the person of mention ``ms[k]`` (code_people_from_context)."""
    m = ms[k]
    code = None
    own = _OWNER_AFTER.match(text, m.end)
    nxt = ms[k + 1] if k + 1 < len(ms) else None
    if own and nxt is not None and nxt.start == own.end() and nxt.kind == "country" \
            and regex("entities", "possessive_next").match(text[nxt.end:nxt.end + 3]):
        code = nxt.code
    prev = ms[k - 1] if k else None
    if code is None and prev is not None and prev.kind == "organization" and prev.code not in (None, "IGO", "NGO") \
            and prev.end < m.start and _title_chain(text[prev.end:m.start]):
        code = prev.code        # "Senate Republican leader X", "Hamas spokesman X": the body's state
    code = code or title_of_body(text, ms, k, _title_chain)    # "Deputy Foreign Minister of Iran X"
    if code is None and prev is not None and prev.kind == "country" and prev.end < m.start \
            and (_OWNER_BEFORE.fullmatch(text[prev.end:m.start]) or _title_chain(text[prev.end:m.start])):
        code = prev.code
    if code is None and nxt is not None and nxt.kind == "country" and _APPOSED.fullmatch(text, m.end, nxt.start):
        tail = _APPOSITION_END.match(text, nxt.end)
        if tail and _title_chain(tail.group(1).split(" to ")[0]):
            code = nxt.code        # "X, the British defence secretary,", "X, a Czech envoy to Chile,"
    if code is None:
        code = _role_as(text, m, ms[k + 1:])
    if code is None and _us_label(text, m.end):
        code = context_words("party_label_state")[0]       # "X (D-Ohio)", "X (Ky.)": a U.S. legislator
    if code is None:
        code = _role_named_before(text, ms, k)
    if code is None and (of := _MEMBER_OF.match(text, m.end)) and nxt is not None and nxt.code \
            and nxt.kind in ("country", "organization") and nxt.start in (of.end(), of.end() - 4):
        code = nxt.code            # "X of the State Department", "X from the United Nations", "X of Peru"
    if code is None:
        code = _apposition_code(text, ms, k)
    if code is None:
        code = _phrase_before_code(text, ms, k)
    if code is None:
        code = _place_office_code(text, ms, k)
    return code or title_named_with_state(text, ms, k)     # "Trade Minister X" beside "Kenya's trade minister"


@functools.lru_cache(maxsize=1)
def _place_offices() -> frozenset[str]:
    return frozenset(context_words("place_offices"))


def _office_words(gap: str, tail: bool) -> bool:
    """Whether ``gap`` is a title of a place's office: up to three words, the last an office of a
    city or region (context.json place_offices), the others capitalised ("Deputy Mayor"); ``tail``:
    the gap ends with of/for (the) before the place ("mayor of")."""
    if tail:
        prep = _OWNER_PREP.search(gap)
        if prep is None or prep.group().split()[0] == "at":
            return False
        gap = gap[:prep.start()]
    words = _WORD.findall(gap)
    return 0 < len(words) <= 3 and words[-1].lower() in _place_offices() \
        and all(w[:1].isupper() for w in words[:-1]) and gap.strip(" ,").split()[-1:] == words[-1:]


def _place_office_code(text: str, ms: list[Mention], k: int) -> str | None:
    """The state of the city or region whose office the person holds: "London Mayor X", "London's
    mayor X", "X was elected as mayor of London", "X served as governor of Texas" (a place's code is
    its state's)."""
    m = ms[k]
    prev = ms[k - 1] if k else None
    if prev is not None and prev.kind == "place" and prev.code and prev.end < m.start:
        own = regex("entities", "possessive_next").match(text, prev.end)       # "London's mayor X"
        if _office_words(text[own.end() if own else prev.end:m.start], tail=False):
            return prev.code
    role = _ROLE_AS.match(text, m.end)
    if role is None:
        return None
    place = next((x for x in ms[k + 1:] if x.kind in ("person", "country", "place")), None)
    if place is None or place.kind != "place" or not place.code or place.start < role.end():
        return None
    return place.code if _office_words(text[role.end():place.start], tail=True) else None


_APPOSITION_ANY = regex("entities", "apposition_any")
_SERVING = regex("entities", "serving_before")
_MEMBER_OF = regex("entities", "member_of_after")
_ROLE_PHRASE = regex("entities", "role_phrase_start")
_DESTINATION = regex("entities", "destination_before")
_OWNER_PREP = regex("entities", "owner_preposition_before")
# the most words of a role phrase in apposition ("the head of Peru's electoral court")
_PHRASE_WORDS = 12


def _role_phrase_code(text: str, a: int, b: int, inside: list[Mention], held: bool = False) -> str | None:
    """The state a role phrase ``text[a:b]`` ties its holder to: a phrase with a role word and a coded
    body, or a state named by its possessive, its demonym or after of/for/at ("spokesman for Poland's
    Defence Ministry", "head of the Peruvian court"); not a state the role is held towards ("envoy to
    Peru"). ``held``: a verb of office before the phrase ("who heads") stands for the role word. A body
    the phrase says the person works for wins over their nationality ("an American working for the
    United Nations")."""
    words = _WORD.findall(text[a:b])
    for o in inside:
        if o.kind == "organization" and o.code and len(words) <= _PHRASE_WORDS \
                and _SERVING.search(text, max(a, o.start - 40), o.start):
            return o.code          # "an American working for the United Nations": the body served
    if len(words) > _PHRASE_WORDS or not (held or any(w.lower() in _title_words()[0] for w in words)):
        return None
    for o in inside:
        if not o.code or o.kind not in ("country", "organization") \
                or _DESTINATION.search(text, min(a, o.start), o.start) or stance_before(text, o.start):
            continue
        after = _WORD.search(text, o.end, b)
        if o.kind == "organization" or o.form == "adjective" or _OWNER_PREP.search(text, min(a, o.start), o.start) \
                or regex("entities", "possessive_next").match(text, o.end) \
                or (after is not None and after.group().lower() in _title_words()[0]):
            return o.code          # a body, a state's demonym or possessive, or a state before a role ("U.S. envoy")
    return None


def _apposition_code(text: str, ms: list[Mention], k: int) -> str | None:
    """"X, a spokesman for Poland's Defence Ministry,", "X, who heads Peru's electoral court": the state of
    the role phrase in apposition after the person."""
    ap = _APPOSITION_ANY.match(text, ms[k].end)
    if ap is None:
        return None
    a, b = ap.span(1)
    first = _WORD.match(text, a)
    if a == ms[k].end + 2 and not (first and (first.group()[0].isupper() or first.group() in _title_words()[0])):
        return None       # no article and no role or name first: a clause ("X, leaving the town")
    inside = [o for o in ms[k + 1:k + 8] if o.end <= b]      # ("the Pentagon's": from its article)
    return _role_phrase_code(text, a, b, inside, held="who" in text[ms[k].end:a].split())


def _phrase_before_code(text: str, ms: list[Mention], k: int) -> str | None:
    """"The head of Peru's electoral court, X", "Poland's foreign minister, X": the state of the role
    phrase that opens the clause and stands in apposition before the person."""
    m = ms[k]
    before = text[max(0, m.start - 110):m.start]
    if not (before[-1:].isspace() and before.rstrip().endswith(",")):
        return None       # (every match of _ROLE_PHRASE ends in a comma and white space: no search)
    rp = _ROLE_PHRASE.search(text, max(0, m.start - 110), m.start)
    if rp is None:
        return None
    a, b = rp.span(1)
    inside = [o for o in ms[max(0, k - 8):k] if a <= o.start and o.end <= b]
    first = _WORD.match(text, a)
    opens = (first is not None and first.group() in context_words("phrase_openers")) \
        or any(o.start == a for o in inside)
    return _role_phrase_code(text, a, b, inside) if opens else None


_BARE_ROLE = regex("entities", "bare_role_before")
# how far before a person introduced by a bare role ("said spokesman X") that role may have been named
# with its owner ("A Pentagon spokesman said ...")
_ROLE_REACH = 600


def _role_named_before(text: str, ms: list[Mention], k: int) -> str | None:
    """"... said spokesman X" after "A Pentagon spokesman said ...": a person introduced by a bare
    role word takes the state of the nearest earlier coded body or state named with that role."""
    m = ms[k]
    bare = _BARE_ROLE.search(text, max(0, m.start - 40), m.start)
    if bare is None or bare.group(1) not in _title_words()[0]:
        return None
    role = bare.group(1)
    for j in range(k - 1, -1, -1):
        o = ms[j]
        if m.start - o.end > _ROLE_REACH:
            break
        if not o.code or o.kind not in ("country", "organization") or o.end >= bare.start():
            continue
        at = text.find(role, o.end, min(o.end + 60, bare.start()))
        if at > o.end and _title_chain(text[o.end:at + len(role)]):
            return o.code
    return None



_ACRONYM_OPEN = regex("entities", "acronym_open")


def _code_from_acronym(text: str, res: EntityResult) -> None:
    """An organisation with no state named with its acronym in parentheses ("the International Labor
    Office (ILO)"), where the acronym names a coded body, takes that body's code, every mention."""
    by_id = res.by_id()
    ms = res.mentions
    for m, nxt in zip(ms, ms[1:]):
        ent, acr = by_id.get(m.entity), by_id.get(nxt.entity)
        if ent is None or acr is None or ent.kind != "organization" or ent.code or not nxt.code \
                or acr.kind != "organization" or not nxt.text.isupper() or text[nxt.end:nxt.end + 1] != ")" \
                or not _ACRONYM_OPEN.fullmatch(text, m.end, nxt.start):
            continue
        ent.code = nxt.code
        for x in ms:
            if x.entity == ent.id:
                x.code = nxt.code


_STATE_LABEL = regex("entities", "state_label")


def _us_label(text: str, end: int) -> bool:
    """A U.S. party label ("(D-Ohio)", ", R-Ky.,") or a U.S. state's abbreviation in parentheses
    ("(Ky.)") right after a name."""
    if _PARTY_LABEL.match(text, end):
        return True
    m = _STATE_LABEL.match(text, end)
    return bool(m) and m.group(1) in us_states()
