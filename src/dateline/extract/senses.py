"""Senses decided by a trigger's arguments (resources/cameo/senses.tsv).

A wording of the dictionary may name an event in one reading and none in another, and what tells
them apart is what the verb takes: "offered aid" is an offer, "offered caveats" is not; "blamed Iran
for the attack" accuses a party, "blame trade deals for the decline" accuses none; "troops fought the
rebels" is armed force, "the uncle is fighting in the courts" is not. PETRARCH2's dictionaries tie a
verb's codes to its noun phrases; here each row of senses.tsv names a trigger, the codes it applies to,
a test on the trigger's arguments and what a match does (no event, or another code). The tests read
the dependency parse where the default profile gives one; the token tests read the words around the
trigger, so the rules-only profile applies those too.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from .. import lang
from ..resources import multi, read_tsv
from .event_lexicon import NO_EVENT, _BE, _CLAUSE_BREAK, _DAY_WORDS, _IMPLICATIVE, _QUOTE_MARKS, _agent_nouns, _people_words, _title_words, grammar_words
from .lexicon import singular, verb_forms
from .entity_words import context_words
from .trigger_senses import noun_in, token_starting_at, words as sense_words

_PARTY_KINDS = ("country", "person", "organization")
_PARTY_ENTS = ("PERSON", "ORG", "NORP", "GPE")
_OBJ = lang.dep_labels("object")
_PREP_OBJ = lang.dep_labels("prepositional_object")
_PASSIVE_SUBJ = lang.dep_labels("nominal_passive_subject")
_SKIP = lang.dep_labels("sense_skip")
_DETERMINERS = frozenset(multi("det|poss|nmod:poss|nummod"))


@dataclass(frozen=True)
class Sense:
    row: int
    trigger: str
    codes: tuple[str, ...]
    test: str
    words: frozenset[str]
    preps: frozenset[str]
    action: str


# the grammar.json lists that a row of senses.tsv may name ("@offer_goods")
TABLE_LISTS = ("offer_goods", "armed_nouns", "obstruct_verbs", "norm_nouns", "force_words", "forum_words",
               "persist_verbs", "mishap_nouns")


def _expand(spec: str) -> frozenset[str]:
    out: set[str] = set()
    for w in multi(spec):
        if w.startswith("@") and w[1:] not in TABLE_LISTS:
            raise ValueError(f"senses.tsv: {w} is not a list the table may name ({', '.join(TABLE_LISTS)})")
        out |= grammar_words(w[1:]) if w.startswith("@") else {w.lower()}
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def senses() -> dict[str, list[Sense]]:
    """Every inflected form of a row's trigger -> its rows, in file order."""
    out: dict[str, list[Sense]] = {}
    for n, r in enumerate(read_tsv("cameo", "senses.tsv")):
        spec, preps = r.get("words") or "", frozenset()
        if r["test"] in ("prep_object_in", "discourse", "gathering", "unarmed"):
            # (discourse: "blocking words:forum words", unarmed: "blocking words:unarmed parties";
            # the first list kept in ``preps``)
            head, _, spec = spec.partition(":")
            preps = frozenset(multi(head)) if r["test"] == "prep_object_in" else _expand(head)
        s = Sense(n + 1, r["trigger"].lower(), tuple(multi(r.get("codes"))), r["test"], _expand(spec), preps,
                  r["action"].strip())
        for form in verb_forms(s.trigger):
            out.setdefault(form, []).append(s)
    return out


@functools.lru_cache(maxsize=1)
def _party_words() -> frozenset[str]:
    """People nouns, agent nouns, titles, grammar.json party_nouns and the nouns of a person that
    context.json ties to a state (kin, age, standing: "mother", "teenager", "suspect"): words that name
    a party, in both numbers (the lists give some nouns in one number only: "members", "pirate")."""
    words = _people_words() | _agent_nouns() | _title_words() | grammar_words("party_nouns") \
        | frozenset(w.lower() for w in context_words("tie_person_nouns"))
    return words | frozenset(singular(w) for w in words) | frozenset(w + "s" for w in words if not w.endswith("s"))


def _party(tok, mentions) -> bool:
    """The noun (or a word joined to it: "police shootings", "Iran and Syria") names a party: a state,
    an organisation, a person, a people noun, a personal pronoun."""
    people = _party_words()
    pron = grammar_words("person_pronouns") | grammar_words("plural_pronouns")
    for t in [tok] + [c for c in tok.children if c.dep_ in ("compound", "conj", "nmod:poss", "poss", "amod")]:
        if t.lower_ in people or t.lower_ in pron or t.ent_type_ in _PARTY_ENTS or t.tag_ in ("WP", "WDT") \
                or t.lower_.endswith(("ist", "ists")) \
                or (t.tag_ == "PRP" and t.lower_.endswith(("self", "selves"))):
            # (a relative pronoun stands for a noun the test does not see: "refugees, whom they blame")
            return True
        if any(m.start <= t.idx < m.end and m.kind in _PARTY_KINDS for m in mentions):
            return True
    return False


def _prep_objects(tok, preps=None):
    """(preposition, noun) of the prepositional phrases the verb takes."""
    for ch in tok.children:
        if ch.dep_ == "prep" and (preps is None or ch.lower_ in preps):
            yield ch.lower_, next((g for g in ch.children if g.dep_ == "pobj"), None)
        elif ch.dep_ in _PREP_OBJ:
            case = next((g.lower_ for g in ch.children if g.dep_ == "case"), None)
            if case is not None and (preps is None or case in preps):
                yield case, ch


def _object(tok):
    """The direct object; or the word right after the verb that the parse hangs on it as another
    dependant, which is not a particle or an adverb in -ly (an unknown noun: "offers reasonableness")."""
    obj = next((ch for ch in tok.children if ch.dep_ in _OBJ), None)
    if obj is None and tok.i + 1 < len(tok.doc):
        nxt = tok.doc[tok.i + 1]
        if nxt.head.i == tok.i and nxt.dep_ in ("advmod", "npadvmod", "obl:npmod", "dep") and nxt.is_alpha \
                and nxt.is_lower and not nxt.lower_.endswith("ly") and nxt.tag_ not in ("RP", "IN", "TO"):
            obj = nxt
    return obj


def _parse_test(s: Sense, tok, mentions) -> bool:
    if s.test == "object_not_in":
        obj = _object(tok) or next((ch for ch in tok.children if ch.dep_ in _PASSIVE_SUBJ), None)
        if obj is None and tok.head.i < tok.i and (tok.dep_ in ("acl:relcl", "relcl") or (tok.dep_ == "acl" and tok.tag_ == "VBN")):
            obj = tok.head      # "the reward it offered", "a reward offered by X": the noun the clause describes
        return obj is not None and obj.lower_ not in s.words and obj.tag_ not in ("PRP", "DT", "WP", "WDT") \
            and not obj.tag_.startswith("NNP") and not _party(obj, mentions)
        # (a pronoun's referent is not known here, a name may be a party the mentions missed: no reading)
    if s.test == "object_in":
        # (a passive's subject is the object: "the commitments were met")
        obj = _object(tok) or next((ch for ch in tok.children if ch.dep_ in _PASSIVE_SUBJ), None) \
            or next((n for _, n in _prep_objects(tok) if n is not None), None)
        return obj is not None and noun_in(obj.lower_, s.words)
    if s.test == "no_party":
        args = [a for a in [_object(tok)] + [n for _, n in _prep_objects(tok, s.words)]
                + [ch for ch in tok.children if ch.dep_ in _PASSIVE_SUBJ] if a is not None]
        return bool(args) and not any(_party(a, mentions) for a in args)
    if s.test in ("subject_not_party", "agent_not_party"):
        # ("hundreds of letters arrived"; "hundreds of supporters arrived" have a party)
        # ("the boy's father, X, would travel": a person noun of ``words`` or a name in apposition)
        subj = _acting_subject(tok, s.test == "agent_not_party")
        if subj is None or subj.tag_ not in ("NN", "NNS") or noun_in(subj.lower_, s.words):
            return False
        near = [n for _, n in _prep_objects(subj, {"of"})] + [ch for ch in subj.children if ch.dep_ == "appos"]
        return not any(n is not None and _party(n, mentions) for n in [subj] + near)
    if s.test == "subject_in":
        # ("a bus crash killed six", "a storm that killed six", "six were killed by a flood")
        subj = _acting_subject(tok, True)
        return subj is not None and subj.tag_.startswith("NN") and noun_in(subj.lower_, s.words)
    if s.test == "bare_plural":
        # ("trips to the zoo", "visits by officials to the island": no determiner, possessive or number;
        # "hundreds of trips", "several trips" count happenings)
        return tok.tag_ == "NNS" and not any(ch.dep_ in _DETERMINERS for ch in tok.children) \
            and not any(ch.dep_ == "amod" and ch.lower_ in sense_words("premodifier_words") for ch in tok.children) \
            and not (tok.head.i < tok.i and (tok.head.tag_ in ("NNS", "CD") or tok.head.lower_ in grammar_words("object_fillers"))
                     and any(ch.lower_ == "of" for ch in tok.children))
    if s.test == "audience":
        return _courts_audience(s, tok)
    if s.test == "unarmed":
        return not _sentence_has(tok, s.preps) \
            and not any(_armed(a, mentions) and not noun_in(a.lower_, s.words) for a in _arguments(tok))
    if s.test in ("discourse", "gathering"):
        return _discourse(s, tok, mentions)
    if s.test == "prep_object_in":
        # (on the verb, or on its object where the parse hangs it there: "attacked X from the floor")
        heads = [tok] + [o for o in [_object(tok)] if o is not None]
        return any(n is not None and ("*" in s.words or n.lower_ in s.words)
                   for h in heads for _, n in _prep_objects(h, s.preps))
    return False


def _acting_subject(tok, passive: bool = False):
    """The verb's subject; for a relative clause whose subject is the relative pronoun ("which", "much
    of which") the noun the clause describes ("prices, which shot up"). ``passive``: a passive's agent
    ("felt threatened by rapid change"; a passive with no agent has none)."""
    agent = next((ch for ch in tok.children if ch.dep_ in ("obl:agent", "agent")), None)
    if passive and agent is not None:
        return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent.dep_ == "agent" else agent
    subj = next((ch for ch in tok.children if ch.dep_ in ("nsubj", "csubj")), None)
    if subj is not None and tok.dep_ in ("acl:relcl", "relcl") and tok.head.i < tok.i and (
            subj.tag_ in ("WDT", "WP") or any(g is not None and g.tag_ in ("WDT", "WP") for _, g in _prep_objects(subj, {"of"}))):
        return tok.head
    return subj


def _courts_audience(s: Sense, tok) -> bool:
    """"appeal to voters", "his broad appeal": the trigger asks nothing (no "for" phrase, no clause or
    infinitive it governs or that follows its "to" phrase) and either its "to" phrase names an audience
    (a noun of ``words`` or a people's name: "appeal to younger Latinos") or, a noun, it is
    someone's ("Smith's appeal") with no "to" phrase: an attraction, no request."""
    if any(p == "for" for p, _ in _prep_objects(tok)) or any(ch.dep_ in _REQUEST_DEPS for ch in tok.children):
        return False
    to = [n for _, n in _prep_objects(tok, {"to"}) if n is not None]
    if any(t.tag_ == "VB" and t.i > tok.i and t.i - 1 >= 0 and t.doc[t.i - 1].lower_ == "to"
           for t in (to[0].subtree if to else ()) ):
        return False        # ("appealed to voters to back him")
    nxt = to[0].right_edge.i + 1 if to else tok.i + 1
    if nxt + 1 < tok.sent.end and tok.doc[nxt].lower_ == "to" and tok.doc[nxt + 1].tag_ == "VB":
        return False
    if to:
        # (a people's name: a nationality's entity or a plural demonym, "younger African Americans")
        return noun_in(to[0].lower_, s.words) or to[0].ent_type_ == "NORP" \
            or (to[0].tag_ == "NNPS" and to[0].lower_ in _people_words())
    return tok.tag_.startswith("NN") and any(ch.dep_ in ("poss", "nmod:poss") for ch in tok.children)


_REQUEST_DEPS = lang.dep_labels("request")
_CAUSE_DEPS = lang.dep_labels("cause")
_SUBJ = lang.dep_labels("agentive_subject")
_STATE_ENTS = ("GPE", "ORG", "NORP")
_MODIFIERS = lang.dep_labels("modifier")
# (a place where the event happened is no party to it: "the attack in Nice")
_PLACE_PREPS = grammar_words("event_place_prepositions")
_ATTACK_WORD_PREPS = grammar_words("attack_word_target_prepositions")
_GATHERING_LOCATIVES = grammar_words("gathering_locatives")


def _arguments(tok):
    """The trigger's parties and things: subject, agent ("by" X), object, passive subject, the objects
    of its prepositions and, a noun, the words that modify it ("the Israeli attack", "Iran's strikes")."""
    out = [ch for ch in tok.children if ch.dep_ in _SUBJ | _OBJ]
    if not any(ch.dep_ in _SUBJ for ch in out):
        out += _implied_subject(tok)
    out += [g for ch in out if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"]
    out += [n for p, n in _prep_objects(tok) if n is not None and p not in _PLACE_PREPS]
    if tok.tag_.startswith("NN"):
        out += [ch for ch in tok.children if ch.dep_ in _MODIFIERS]
    return [a for a in out if a.dep_ != "agent"]


def _implied_subject(tok) -> list:
    """A verb with no subject of its own acts through the verb it hangs on ("Togo would break the treaty
    by attacking", "troops moved in to attack"): that verb's subject, up to three steps up."""
    h = tok
    for _ in range(3):
        if h.dep_ not in ("advcl", "xcomp", "pcomp", "conj", "prep", "acl") or h.head is h:
            return []
        h = h.head
        subj = [ch for ch in h.children if ch.dep_ in _SUBJ]
        if subj:
            return subj
    return []


def _armed(arg, mentions) -> bool:
    """The argument is a state or an organisation (its head or a name compounded with it): a party that
    fields armed forces; a person ("three Canadian doctors") is none, nor a place that names where a
    noun trigger happened ("the Paris attacks")."""
    kinds, ents = ("country", "organization"), _STATE_ENTS
    if arg.dep_ == "compound" and arg.head.tag_.startswith("NN"):
        kinds, ents = ("organization",), ("ORG", "NORP")
    for t in [arg] + [c for c in arg.children if c.dep_ in ("compound", "conj")]:
        if t.ent_type_ in ents or any(m.start <= t.idx < m.end and m.kind in kinds for m in mentions):
            return True
    return False


def _sentence_has(tok, words: frozenset[str]) -> bool:
    return any(noun_in(t.lower_, words) for t in tok.sent)


def _blocked(tok, words: frozenset[str]) -> bool:
    """A blocking word stands in the trigger's sentence; a preposition among them ("against") only
    where it is the trigger's own ("a rally against the war", not "a rally ... in the race against X")."""
    return any(noun_in(t.lower_, words) and (t.tag_ != "IN" or t.head.i == tok.i or t.head.head.i == tok.i)
               for t in tok.sent)


def _locative(tok) -> bool:
    """The trigger noun is where another act happened: the object of a preposition of grammar.json
    gathering_locatives ("at") on a verb ("insisted at a rally", "speaking at a rally")."""
    return tok.tag_.startswith("NN") and tok.head.i != tok.i and tok.head.tag_.startswith("VB") and any(
        ch.dep_ in ("case", "prep") and ch.lower_ in _GATHERING_LOCATIVES for ch in tok.children) \
        or (tok.dep_ == "pobj" and tok.head.lower_ in _GATHERING_LOCATIVES and tok.head.head.tag_.startswith("VB"))


def _discourse(s: Sense, tok, mentions) -> bool:
    """An attack in words: no word of the blocking list (arms, force, wounds: ``preps``) in the sentence,
    a word of the forum list (campaign, rivals, media: ``words``) in it, the trigger has a party among its
    arguments and every target it has (object, passive subject, "on"/"against" object) is a party."""
    if _blocked(tok, s.preps):
        return False
    # (a gathering that is only the place of another act needs no forum word: "spoke at a rally")
    place = s.test == "gathering" and _locative(tok)
    if not place and not _sentence_has(tok, s.words):
        return False
    args = [a for a in _arguments(tok) if a.ent_type_ not in ("DATE", "TIME") and a.lower_ not in _DAY_WORDS]
    targets = [ch for ch in tok.children if ch.dep_ in _OBJ | _PASSIVE_SUBJ] \
        + [n for _, n in _prep_objects(tok, _ATTACK_WORD_PREPS) if n is not None]
    # (an object that names the attack has its own target: "launched an attack on X")
    named = [n for t in targets if t.dep_ in _OBJ and not _party(t, mentions)
             for _, n in _prep_objects(t, _ATTACK_WORD_PREPS) if n is not None]
    targets = [t for t in targets if t in args and not (named and t.dep_ in _OBJ)] + named
    args += named
    holders = [tok] + ([tok.head] if tok.dep_ in _OBJ | {"obl", "pobj"} and not place else [])
    if s.test == "gathering" and any(ch.dep_ in _CAUSE_DEPS and ch.i > tok.i for h in holders for ch in h.children):
        return False    # (a rally "to urge him to run", "supporting his bid" states a cause: a rally of 14)
    # (a gathering needs no party named: "spoke at an Ohio rally")
    return (s.test == "gathering" or any(_party(a, mentions) for a in args)) \
        and all(_party(t, mentions) for t in targets)


def _token_test(s: Sense, c, toks, low: list[str], cues: frozenset[int]) -> bool | None:
    """The token tests; None when the test needs the parse."""
    i, j = c.tok, c.end_tok
    if s.test == "speech_cue":
        return c.start in cues or _after_quote(low, i, j)
    if s.test == "be_to":
        k = i - 1
        if k < 1 or low[k] != "to":
            return False
        k -= 1
        while k > 0 and low[k].endswith("ly") and low[k].isalpha():
            k -= 1          # "is partly to blame"
        return low[k] in _BE
    if s.test == "infinitive":
        subj = low[max(0, i - 6):i]
        return j + 1 < len(low) and low[j] == "to" and toks[j + 1][2].isalpha() and toks[j + 1][2].islower() \
            and low[j + 1] not in _DAY_WORDS and low[j + 1] not in ("the", "a", "an") \
            and not any(w in s.words for w in subj)
    if s.test == "particle":
        k = i - 1
        while k >= 0 and low[k].endswith("ly") and low[k].isalpha():
            k -= 1
        # (a form of "be" before it makes a passive; before a gerund, a progressive: "is talking up")
        if (k >= 0 and low[k] in _BE and not low[i].endswith("ing")) or j + 1 >= len(low) or low[j] not in s.words:
            return False
        nxt = low[j + 1]
        return not (nxt in _DAY_WORDS or nxt[:1].isdigit() or low[min(j + 2, len(low) - 1)] in _DAY_WORDS)
    if s.test == "words_after":
        # (up to "with": "charged with stealing a $500 guitar" names the charge, not a price)
        end = next((k for k in range(j, min(len(low), j + 7)) if low[k] in (",", ";", ".", "with")
                    or low[k] in _CLAUSE_BREAK), min(len(low), j + 7))
        return any(w in s.words or (w[:1] == "$" and "$" in s.words) for w in low[j:end])
    if s.test == "words_before":
        # ("a federal court appeal": a word of the noun's own phrase, up to three words before it)
        k = i - 1
        while k >= max(0, i - 3) and low[k].isalpha() and low[k] not in s.words:
            k -= 1
        return k >= max(0, i - 3) and low[k] in s.words
    if s.test == "next_word":
        k = j
        while k < len(low) and low[k].endswith("ly") and low[k].isalpha():
            k += 1          # "broadly agreed that"
        return k < len(low) and low[k] in s.words
    if s.test == "purpose":
        return _purpose_infinitive(low, i, j)
    if s.test == "complement_in":
        openers = ("to", "would", "will", "'d", "'ll", "could")
        end = next((k for k in range(j, min(len(low), j + 10)) if low[k] in (",", ";", ".", "but")), min(len(low), j + 10))
        # (a quotation mark may open the complement: 'vowed to "continue the fight"')
        nxt = [(k, k + 2 if low[k + 1] in _QUOTE_MARKS and k + 2 < len(low) else k + 1) for k in range(j, end - 1)]
        return any(low[k] in openers and low[v] in _obstruct_forms(s.words) for k, v in nxt)
    return None


def _purpose_infinitive(low: list[str], i: int, j: int) -> bool:
    """The trigger at ``i`` is the verb of an infinitive of purpose ("forces deployed to ensure
    security"): no verb of intention, appeal, demand or threat governs its "to" (modality.modality_of)
    and no implicative verb makes it a result ("managed to"); or a gerund that is no progressive
    ("focused on ensuring the security of posts", "by ensuring calm"; not "is ensuring")."""
    from .modality import infinitive_to, modality_of
    if low[i].endswith("ing") and i > 0 and low[i - 1] not in _BE and not low[i - 1].endswith("ly"):
        return True
    to = infinitive_to(low, i)
    return to is not None and to > 0 and low[to - 1] not in _IMPLICATIVE and modality_of(low, i, j) is None


def _after_quote(low: list[str], i: int, j: int) -> bool:
    """'"...," the host charged': the trigger follows a closing quotation (a comma or a question or
    exclamation mark, then the mark) with at most four words of its subject between, and no
    object or "with" after it."""
    k = next((k for k in range(i - 1, max(0, i - 6), -1) if low[k] in _QUOTE_MARKS), None)
    if k is None or k < 1 or low[k - 1] not in (",", "?", "!") or any(not w.isalpha() for w in low[k + 1:i]):
        return False
    return j >= len(low) or low[j] in (".", ",", ";", "in", "on", "at", "during", "after", "before")


@functools.lru_cache(maxsize=None)
def _obstruct_forms(words: frozenset[str]) -> frozenset[str]:
    return frozenset(f for w in words for f in verb_forms(w))


def _party_after(c, toks, low: list[str], mentions) -> bool:
    """A party is named in the words after the trigger, up to the clause's end or six words (the
    parse may have hung it elsewhere: "X blamed Y for ...")."""
    end = next((k for k in range(c.end_tok, min(len(low), c.end_tok + 6)) if low[k] in (",", ";", ".")),
               min(len(low), c.end_tok + 6))
    if end <= c.end_tok:
        return False
    a, b = toks[c.end_tok][0], toks[end - 1][1]
    people = _party_words()
    return any(a <= m.start < b and m.kind in _PARTY_KINDS for m in mentions) \
        or any(w in people for w in low[c.end_tok:end])


def _cues(attributions) -> frozenset[int]:
    return frozenset(a.cue.start for a in attributions if a.cue is not None and a.cue.start is not None)


def apply_senses(cands: list, toks, low: list[str], parse, mentions, attributions=()) -> list:
    """The sentence's trigger candidates, each read in the sense its arguments allow: a row of
    senses.tsv whose test holds drops it ("---") or recodes it."""
    table = senses()
    if not cands or not any(low[c.tok] in table for c in cands):
        return cands
    cues = _cues(attributions)
    out = []
    for c in cands:
        code = c.pattern.code
        for s in table.get(low[c.tok], ()):
            if s.codes and not code.startswith(s.codes):
                continue
            hit = _token_test(s, c, toks, low, cues)
            if hit is None:
                tok = token_starting_at(parse, c.start)
                hit = tok is not None and _parse_test(s, tok, mentions)
            if hit and s.test == "no_party":
                hit = not _party_after(c, toks, low, mentions)
            if not hit:
                continue
            if s.action == NO_EVENT:
                c = None
                break
            # a recoded trigger is read on by the later rows of its new code ("withering attack": 190 with
            # no armed party is 180, and an attack in words is 111)
            c.pattern = replace(c.pattern, code=s.action)
            c.rule = f"{c.pattern.file}:{c.pattern.row + 1}+senses.tsv:{s.row}"
            code = s.action
        if c is not None:
            out.append(c)
    return out
