"""Entity steps over the whole article, after the gazetteer, the patterns and the recogniser.

Definite descriptions ("the court") join the organisation named before with that head noun; the
article's home state goes to the people and bodies that have no state of their own.
"""
from __future__ import annotations

import functools
import re

from ..record import Mention, Span
from ..resources import read_tsv
from .entities import EntityResult, capital_led
from .entity_groups import add_community_mentions, code_people_by_group
from .entity_codes import us_state_after, us_states
from .entity_index import Cover, letter_runs
from .entity_local import (add_body_members, add_member_state_groups, add_place_groups, code_acronyms_of_named,
                           code_local_bodies, code_people_by_foreign_dateline, code_titled_by_dateline,
                           group_noun_after, places_named_as_bodies)
from .entity_ties import may_take_home, tie_people, title_named_with_state, title_of_body
from .entity_words import _lex, _time_names, context_words, stance_before
from .geocode import code_places_from_geonames, code_state_namesakes
from .name_variants import code_name_variants
from .regexes import regex, source


# A state that most of an article's coded mentions belong to is the article's home state: the
# people and organisations it names without any other state act there (domestic politics).
HOME_STATE_SHARE = 0.5
HOME_STATE_MIN_MENTIONS = 3


def home_state(res: EntityResult) -> str | None:
    """The state (not IGO) of at least half of the article's coded mentions, if any."""
    counts: dict[str, int] = {}
    # places coded from GeoNames follow the states the article names, people from a variant of a
    # gazetteer name may be foreign to it (name_variants): they do not make its home; a person tied by
    # origin or kin (entity_ties) counts once, however often named (a foreigner the story is about)
    looked_up = {e.id for e in res.entities if (e.source or "").endswith(("+geonames", "+variant"))}
    tied, seen = {e.id for e in res.entities if (e.source or "").endswith(("+origin", "+kin"))}, set()
    for m in res.mentions:
        if m.code and m.code not in ("IGO", "NGO") and m.entity not in looked_up \
                and m.kind in ("country", "person", "organization", "place"):
            counts[m.code] = counts.get(m.code, 0) + (m.entity not in tied or m.entity not in seen)
            seen.add(m.entity)
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    total = sum(counts.values())
    return code if n >= HOME_STATE_MIN_MENTIONS and n >= HOME_STATE_SHARE * total else None


def assign_home_state(res: EntityResult) -> str | None:
    """People and organisations found by pattern or recogniser with no state of their own take the
    article's home state (a gazetteer organisation with no state is transnational and keeps none; a
    person titled with an office that the home state's gazetteer holder held that day, or one the
    text ties to another state, keeps none: entity_ties; in an article datelined in another state,
    only those tied to the home state take it, and those tied to no state take the dateline's:
    code_people_by_foreign_dateline);
    with no home state, an official titled with no state is the dateline state's
    (code_titled_by_dateline), a body whose name says it spans states is international
    (code_international_bodies). Returns the home state (assigning it only strengthens it, so it
    stays the article's)."""
    places_named_as_bodies(res)
    code_acronyms_of_named(res)
    home = home_state(res)
    code_state_namesakes(res.entities, res.mentions, home)
    if home is None:
        code_titled_by_dateline(res)
        code_international_bodies(res)
        return None
    for ent in res.entities:
        if ent.code is None and ent.kind in ("person", "organization") and may_take_home(res, ent.id, home) \
                and not (ent.source or "").startswith("gazetteer") and home not in res.not_home.get(ent.id, ()):
            res.give_code(ent, home, "+home-state")
    code_people_by_foreign_dateline(res, home)
    return home


@functools.lru_cache(maxsize=1)
def _international() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(context_words("international_words") + context_words("regional_words")),
            frozenset(context_words("intergovernmental_heads")))


def code_international_bodies(res: EntityResult) -> None:
    """A body the gazetteer does not know, that no state claims (no state of its own nor the article's),
    and whose name says it spans states ("Third World Water Forum", "Association of African Jurists"):
    IGO where its head word is a body of states' (context.json intergovernmental_heads), else NGO."""
    words, heads = _international()
    changed = {}
    for ent in res.entities:
        if ent.kind != "organization" or ent.code is not None or (ent.source or "").startswith("gazetteer"):
            continue
        name = ent.name.split()
        if any(w in words for w in name):
            ent.code = "IGO" if any(w in heads for w in name) else "NGO"
            changed[ent.id] = ent.code
    for m in res.mentions:
        if m.entity in changed and m.code is None:
            m.code = changed[m.entity]


_DEFINITE = regex("entities", "definite")


@functools.lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(_lex("org_heads.tsv"))


def add_definite_descriptions(text: str, res: EntityResult) -> None:
    """"the court", "the council", "the agency": a definite description by an organisation's head
    noun refers to the organisation of that head named most recently before it."""
    heads = _org_heads()
    by_id = res.by_id()
    named: list[tuple[int, str, Mention]] = []      # (position, head noun, the mention that named it)
    for m in res.mentions:
        ent = by_id.get(m.entity)
        if ent is None or ent.kind != "organization" or m.form == "definite":
            continue
        words = [w for w in ent.name.split() + m.text.split() if w in heads]
        if words:
            named.append((m.start, words[-1].lower(), m))
    if not named:
        return
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    added = []
    named_heads = {head for _, head, _ in named}
    for d in _DEFINITE.finditer(text):
        s, e, head_at = d.start(), d.end(), d.group(1)
        prior = [m for pos, head, m in named if head == head_at and pos < s] if head_at in named_heads else []
        if not prior or not busy.free(s, e):
            continue
        m = prior[-1]
        added.append(Mention(s, e, text[s:e], entity=m.entity, name=m.name, kind="organization", code=m.code,
                             form="definite"))
        by_id[m.entity].mentions.append(Span(s, e, text[s:e]))
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)


_WORD = re.compile(r"[A-Za-z]+")
_OUTSIDER = regex("entities", "outsider_before")
_OF_AFTER = regex("entities", "member_of_body")


@functools.lru_cache(maxsize=1)
def _agent_words() -> frozenset[str]:
    return frozenset(context_words("home_groups"))


@functools.lru_cache(maxsize=1)
def _of_groups() -> frozenset[str]:
    return frozenset(context_words("of_groups"))


def add_agent_mentions(text: str, res: EntityResult, home: str | None) -> None:
    """"Prosecutors charged ...", "police detained ...", "lawmakers voted ...": a domestic group named
    by its noun alone (context.json home_groups) acts for the state of the place it is said to be in
    ("demonstrators in Baghdad", "rebels based in Congo"), else for the article's home state ``home``
    (agent nouns take the state of their context; a state's name before the noun is read by the event
    rules). Never over another mention, and nothing where neither gives a state. Communities acting
    as groups ("militant Protestants") and officials of member states first; local bodies last take
    the state of the town they act in (entity_groups, entity_local)."""
    add_community_mentions(text, res, home)
    add_place_groups(text, res)
    add_member_state_groups(text, res)
    add_body_members(text, res)
    words = _agent_words()
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    ends = {m.end for m in res.mentions}
    people = {m.start for m in res.mentions if m.kind == "person"}
    coded_at = {m.start: m.code for m in res.mentions if m.code and m.kind in ("place", "country")}
    added = []
    for w in letter_runs(words).finditer(text):     # (the _WORD runs an agent word may be)
        low = w.group().lower()
        if low not in words or not busy.free(w.start(), w.end()):
            continue
        before = text[max(0, w.start() - 4):w.start()]
        owner = regex("entities", "owner_before_gap").search(before)
        if w.start() - 1 in ends or w.start() in ends or before.endswith("-") or (
                owner and w.start() - len(owner.group()) in ends):
            continue      # "Russian forces", "Japan's military", "pro-government forces": the name says whose
        if w.end() + 1 in people and text[w.end()] == " ":
            continue      # "lawmaker Jane Roe": a title, the person acts
        of = _OF_AFTER.match(text, w.end())
        if low != "ministers" and _OUTSIDER.search(text, max(0, w.start() - 20), w.start()) or (
                of and (low in _of_groups() or coded_at.get(of.end(), home) != home)):
            continue      # "foreign investors", "families of the victims", "ministers of <state>": not home
        where = regex("entities", "group_place").match(text, w.end())
        code = coded_at.get(where.end()) if where else None
        if code or home:
            added.append(Mention(w.start(), w.end(), w.group(), entity=None, name=low, kind="organization",
                                 code=code or home, form="agent"))
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)
    code_local_bodies(text, res, home)


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
    return code or title_named_with_state(text, ms, k)     # "Trade Minister X" beside "Kenya's trade minister"


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


# how far after a person's name the first personal pronoun is taken to be theirs ("X said she ...")
_GENDER_REACH = 80


@functools.lru_cache(maxsize=1)
def _gender_words() -> dict[str, str]:
    out = {w: "m" for w in context_words("masculine_words")}
    out.update({w: "f" for w in context_words("feminine_words")})
    return out


def infer_genders(text: str, res: EntityResult) -> None:
    """A person the article calls he or she: an honorific before a mention ("Ms. X"), or the first
    personal pronoun after a mention in its sentence, before any other person ("X said she would").
    The majority of those cues goes to every mention of the person (none where they tie)."""
    words = _gender_words()
    votes: dict[str, list[str]] = {}
    people = [m for m in res.mentions if m.kind == "person" and m.entity]
    for k, m in enumerate(people):
        before = _WORD.findall(text[max(0, m.start - 6):m.start])
        if before and before[-1][:1].isupper() and before[-1] in words:
            votes.setdefault(m.entity, []).append(words[before[-1]])
        stop = min(m.end + _GENDER_REACH, people[k + 1].start if k + 1 < len(people) else len(text))
        full_stop = text.find(". ", m.end, stop)
        for w in _WORD.finditer(text, m.end, stop if full_stop == -1 else full_stop):
            if w.group() in words and w.group().islower():    # pronouns ("Mr" there is someone else's)
                votes.setdefault(m.entity, []).append(words[w.group()])
                break
    for m in res.mentions:
        got = votes.get(m.entity or "")
        if got and got.count("m") != got.count("f"):
            m.gender = "m" if got.count("m") > got.count("f") else "f"


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


def join_surnames(res: EntityResult) -> None:
    """A person named by one word ("Axelrod", the headline's or a quotation's) or by the last words of
    a longer name ("Suu Kyi") is the one person the article names in full with those words as a name
    part ("David Axelrod", "Aung San Suu Kyi"): one entity, the full name's, with its state,
    whichever came first and whichever stage found it."""
    people = [e for e in res.entities if e.kind == "person"]
    full: dict[str, list] = {}
    for e in people:
        parts = e.name.split()
        if len(parts) > 1:
            for w in {parts[0], parts[-1]}:
                full.setdefault(w, []).append(e)
        for n in range(2, len(parts)):      # "Suu Kyi" of "Aung San Suu Kyi"
            full.setdefault(" ".join(parts[-n:]), []).append(e)
    gone = {}
    for e in people:
        # ("Bin Laden" opening a sentence is the "bin Laden" of "Osama bin Laden")
        owners = full.get(e.name) or (full.get(e.name[0].lower() + e.name[1:], []) if " " in e.name else [])
        guessed = e.source == "gazetteer:surname" and not owners
        if guessed:
            # a gazetteer official guessed from a bare surname ("Cooper") yields to the person the
            # article names in full with it ("Jane Cooper"), whichever stage found them, and the
            # guess's state goes with the guess
            owners = [o for o in full.get(e.mentions[0].text if e.mentions else "", []) if o is not e]
        if len(owners) != 1:
            continue
        into = owners[0]
        into.mentions.extend(e.mentions)
        into.mentions.sort(key=lambda s: s.start)
        into.code = into.code if guessed else into.code or e.code
        gone[e.id] = into
    if not gone:
        return
    res.entities = [e for e in res.entities if e.id not in gone]
    for m in res.mentions:
        into = gone.get(m.entity or "")
        if into is not None:
            m.entity, m.name, m.code = into.id, into.name, into.code


def pronoun_gender(word: str) -> str | None:
    """"m" for he/him/his/himself, "f" for she/her/hers/herself, else None."""
    return _gender_words().get(word) if word.islower() else None


_REGION_AFTER = regex("entities", "region_after")


def code_places_from_region(text: str, res: EntityResult) -> None:
    """A place with no state followed by a coded place or state after a comma ("Springfield,
    Ill.", "Kismayo, Somalia") lies in that state, and so does a coded place followed by a region of
    another state ("Birmingham, Ala."): the code goes to every mention of the place; a
    place still with none takes the state of its GeoNames record, where one is clear (geocode); then
    people with no state are tied to the states named with them (entity_ties)."""
    by_id = res.by_id()
    ms = res.mentions
    for k, m in enumerate(ms):
        ent = by_id.get(m.entity)
        if ent is None or ent.kind != "place":
            continue
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        # a place the gazetteer codes, followed by a region of another state, is a town of the same
        # name there ("Birmingham, Ala.", "London, Ontario"); a state after it ("X, Georgia") may be a
        # region's namesake and does not move it
        kinds = ("place",) if ent.code else ("place", "country")
        code = nxt.code if nxt is not None and nxt.kind in kinds \
            and _REGION_AFTER.fullmatch(text, m.end, nxt.start) and not group_noun_after(text, nxt.end) else None
        if code is None and us_state_after(text, m.end):
            code = context_words("party_label_state")[0]      # "Tulsa, Okla.": a U.S. state's abbreviation
        if not code or code == ent.code:
            continue
        ent.code = code
        for x in ms:
            if x.entity == ent.id:
                x.code = code
    code_places_from_geonames(text, res.entities, res.mentions)
    tie_people(text, res)


_BARE = capital_led(source("entities", "bare_surname"))     # (its matches start with a capital)


def add_bare_surnames(text: str, res: EntityResult) -> None:
    """A surname alone ("Roe", "Roe's") that no stage marked is the one person the article names in
    full with that surname (whichever stage found them: the recogniser's people come after the
    gazetteer's surname step); not where two people share it, nor after another capitalised name
    word ("Jane Roe" beside "Peter Roe")."""
    owners: dict[str, list] = {}
    for e in res.entities:
        parts = e.name.split()
        if e.kind == "person" and len(parts) > 1 and parts[-1][:1].isupper() and len(parts[-1]) > 2:
            owners.setdefault(parts[-1], []).append(e)
    owners = {k: v[0] for k, v in owners.items() if len(v) == 1}
    if not owners:
        return
    busy = Cover(len(text), [(m.start, m.end) for m in res.mentions])
    added = []
    for w in _BARE.finditer(text):
        e = owners.get(w.group(1))
        s, end = w.span(1)
        if e is None or not busy.free(s, end):
            continue
        before = _BARE_AFTER_NAME.search(text, max(0, s - 40), s)
        if before and before.group().strip(" .") not in _not_given():
            continue
        added.append(Mention(s, end, w.group(1), entity=e.id, name=e.name, kind="person", code=e.code,
                             form="surname"))
        e.mentions.append(Span(s, end, w.group(1)))
    if added:
        res.mentions = sorted(res.mentions + added, key=lambda m: m.start)
        for e in res.entities:
            e.mentions.sort(key=lambda x: x.start)


_BARE_AFTER_NAME = regex("entities", "name_word_before")


@functools.lru_cache(maxsize=1)
def _not_given() -> frozenset[str]:
    """Capitalised words before a surname that are no one's first name: months, weekdays, non-names."""
    return frozenset(_time_names()) | frozenset(_lex("not_names.tsv"))


_STATE_LABEL = regex("entities", "state_label")


def _us_label(text: str, end: int) -> bool:
    """A U.S. party label ("(D-Ohio)", ", R-Ky.,") or a U.S. state's abbreviation in parentheses
    ("(Ky.)") right after a name."""
    if _PARTY_LABEL.match(text, end):
        return True
    m = _STATE_LABEL.match(text, end)
    return bool(m) and m.group(1) in us_states()
