"""Trigger senses: whether a dictionary word that matched is the event verb or noun of its sentence.

A word of the dictionary may stand in its sentence as another part of speech ("alleged camps", "any
shot", "the glass shell"), inside a name ("Judge Lynch"), or as a noun in a sense that names no
happening ("talk on the streets", "a verbal assault"). The tests and their words are data
(``resources/cameo/trigger_filters.tsv``); the parse of the default profile decides the part of
speech (the rules-only profile keeps the dictionary's reading there); the tests of names, noun
senses and speech contexts read mentions, words and attributions, in both profiles.
"""
from __future__ import annotations

import functools

from ..resources import multi, read_tsv
from ..text import tokenize
from .event_lexicon import grammar_words


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    return read_tsv("cameo", "trigger_filters.tsv")


@functools.lru_cache(maxsize=None)
def words(test: str) -> frozenset[str]:
    """The words of every row of ``test``."""
    return frozenset(w.lower() for r in _rows() if r["test"] == test for w in multi(r["words"]))


@functools.lru_cache(maxsize=1)
def _tag_pos() -> dict[str, str]:
    """Penn tag -> "noun" | "adjective": the tags under which a verb row's word is no verb."""
    return {t: r["arg"] for r in _rows() if r["test"] == "parse_tags" for t in multi(r["words"])}


@functools.lru_cache(maxsize=1)
def _needs_prep() -> dict[str, frozenset[str]]:
    return {w.lower(): frozenset(multi(r["arg"])) for r in _rows() if r["test"] == "noun_needs_prep"
            for w in multi(r["words"])}


def token_starting_at(parse, start: int):
    """The parse's token that begins at character ``start``, or None (found by the Doc's own search
    over character offsets, not by a walk over the parse's tokens). Not dating_parse.token_at, which
    gives the head token of the tokens within a span, whatever character they begin at."""
    if parse is None or start < 0:
        return None
    hit = parse.doc.char_span(start, start + 1, alignment_mode="expand")     # the token holding it (None
    #                                                                         past the text's end)
    if hit is None or not len(hit) or not parse.start <= hit.start < parse.end:
        return None
    tok = hit[0]
    return tok if tok.idx == start else None


def parsed_pos(c, parse) -> str | None:
    """"noun" or "adjective" where the parse reads the head word of a verb trigger as that part of
    speech (resources/cameo/trigger_filters.tsv parse_tags), "adjective" where it reads a one-word noun
    trigger as an adjective on the noun after it, else None (a verb or a noun, or no parse)."""
    if c.tok < 0:
        return None
    tok = token_starting_at(parse, c.start)
    if tok is None:
        return None
    if c.pattern.pos != "verb":
        # a noun row on a word the parse reads as an adjective before the noun it modifies ("offensive
        # rhetoric", not "the spring offensive"): a quality, no act
        return "adjective" if _tag_pos().get(tok.tag_) == "adjective" and len(c.pattern.words) == 1 \
            and tok.dep_ in words("parse_deps") and _modifies_noun(tok) else None
    pos = _tag_pos().get(tok.tag_)
    if pos is None and tok.dep_ in words("parse_deps"):
        pos = "adjective"
    if pos is None and _participle_after_preposition(tok):
        return "adjective"
    if pos is None or not (_in_phrase(tok) or _premodified(tok) or (pos == "adjective" and tok.i == tok.sent.start)):
        return None         # (an adjective opening its sentence: "Alleged smugglers were held")
    if pos == "noun":
        # a verb row of more than one word ("shot down") or an object after the word ("shot a man"):
        # the verb the dictionary read, whatever the tagger says
        after = tok.doc[c.end_tok - c.tok + tok.i] if c.end_tok - c.tok + tok.i < len(tok.doc) else None
        verb = len(c.pattern.words) > 1 or (after is not None and after.tag_ in _object_tags())
        return None if verb else pos
    return pos if _modifies_noun(tok) else None


def _participle_after_preposition(tok) -> bool:
    """"among pledged delegates": a past participle right after a preposition (none that may open a
    reduced clause: trigger_filters participle_clause_openers, "if elected", "once freed") and before a
    common noun modifies that noun, however the parse hangs it: a verb of a clause stands in none."""
    if tok.tag_ != "VBN" or not tok.lower_.endswith("ed") or tok.i <= tok.sent.start or tok.i + 1 >= tok.sent.end:
        return False
    prev, nxt = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    return prev.tag_ == "IN" and prev.lower_ not in words("participle_clause_openers") and nxt.tag_ in ("NN", "NNS")


def _premodified(tok) -> bool:
    """"more pledged delegates", "many pledged delegates": the parse hangs the participle on the noun
    after it and a quantifier (trigger_filters premodifier_words) right before it on the participle or
    on that noun."""
    if tok.dep_ not in words("parse_deps") or tok.head.i <= tok.i or tok.i <= tok.sent.start:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.lower_ in words("premodifier_words") and prev.head.i in (tok.i, tok.head.i)


def _in_phrase(tok) -> bool:
    """The word before ``tok`` (adverbs passed over) opens or continues a noun phrase (phrase_tags:
    "any shot", "against alleged camps", "the emotionally charged vote"; adverbs and adjectives on the word passed over), or is a compound noun on it
    ("a head wound"; a name only after such a word: "in the Kabul blast", not "Iran test-fired")."""
    doc, first = tok.doc, tok.sent.start
    k = tok.i - 1
    heads = _heads_phrase(tok)
    while k > first and (doc[k].tag_.startswith("RB") or (heads and _adjective_on(doc[k], tok))):
        k -= 1
    if k < first:
        return False
    prev = doc[k]
    if k == first and prev.head.i == tok.i and (
            (prev.dep_ in words("parse_deps") and tok.lower_ in words("device_nouns")) or (
            prev.dep_ == "compound" and tok.dep_ == "compound" and tok.head.i > tok.i
            and tok.head.lower_ in grammar_words("noun_modifier_heads"))):
        return True         # "Suspected bombs exploded", "Radio talk host X": a modifier opening the sentence
        #                     before a weapon or a noun on a noun_modifier_heads noun ("Extensive clashes took
        #                     place" keeps the verb's reading: its noun alone would be a bare mention)
    if prev.lower_ == "to":
        # "set to veto": an infinitive, however "to" is tagged; "inferior to telephone surveys": the
        # word is a compound on a noun of grammar.json noun_modifier_heads that the preposition's phrase heads
        return prev.dep_ == "case" and tok.dep_ == "compound" and prev.head.i == tok.head.i > tok.i \
            and tok.head.lower_ in grammar_words("noun_modifier_heads")
    if prev.tag_ in _phrase_tags() or (prev.tag_ in _phrase_tags("participle_phrase_tags") and tok.lower_.endswith("ed")):
        return True
    if _object_participle(prev, tok):
        return True
    if prev.dep_ != "compound" or prev.head.i != tok.i or not prev.tag_.startswith("NN"):
        return False
    if prev.text.islower():
        return True
    while k > first and doc[k - 1].tag_.startswith("NNP"):
        k -= 1
    return k > first and doc[k - 1].tag_ in _phrase_tags() and doc[k - 1].tag_ != "IN"


def _object_participle(prev, tok) -> bool:
    """A past participle that the parse hangs on a following noun (amod) right after a verb that is
    no auxiliary ("promotes alleged conspiracies", "put alleged militants on trial"): two verbs do not
    stand side by side, so the participle opens the verb's object ("has alleged fraud": an auxiliary)."""
    return prev.tag_ in _phrase_tags("verb_phrase_tags") and tok.lower_.endswith("ed") \
        and (tok.tag_.startswith("JJ") or (tok.tag_ == "VBN" and tok.dep_ in words("parse_deps"))) \
        and prev.lower_ not in grammar_words("participle_auxiliaries") and prev.lower_ not in grammar_words("be_forms")


def _heads_phrase(tok) -> bool:
    """Nothing nominal follows ``tok``, so it can be the head noun its adjectives describe ("the
    Irish-American lobby is"); before a noun it is a verb with its object, whatever the tagger says
    of the word before it ("the military seized power", "the militia held residents")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    return nxt is None or not nxt.tag_.startswith(("NN", "PRP", "CD", "DT", "JJ"))


def _adjective_on(t, tok) -> bool:
    """``t`` is an adjective (or a hyphen inside one) that the parse hangs on ``tok`` or on a word
    between them ("the Cuban-American lobby", "a powerful lobby"): passed over like an adverb."""
    if not (t.tag_ in _modifier_tags() and t.tag_.startswith(("JJ", "HYPH"))):
        return False
    for _ in range(3):
        if t.head.i == tok.i:
            return True
        if not t.sent.start <= t.head.i < tok.i or t.head.i == t.i:
            return False
        t = t.head
    return False


@functools.lru_cache(maxsize=None)
def _phrase_tags(test: str = "phrase_tags") -> frozenset[str]:
    return frozenset(t for r in _rows() if r["test"] == test for t in multi(r["words"]))


@functools.lru_cache(maxsize=1)
def _object_tags() -> frozenset[str]:
    return frozenset(t for r in _rows() if r["test"] == "object_tags" for t in multi(r["words"]))


def _modifies_noun(tok) -> bool:
    """The word stands before the common noun it modifies, with only its fellow modifiers between
    ("alleged terrorist camps", "the seized ship"; not "has since rebuffed Seoul's attempt")."""
    head = tok.head
    if not (head.i > tok.i and head.tag_ in ("NN", "NNS") and head.text[:1].islower()):
        return False
    return all(t.tag_ in _modifier_tags() for t in tok.doc[tok.i + 1:head.i])


@functools.lru_cache(maxsize=1)
def _modifier_tags() -> frozenset[str]:
    return frozenset(t for r in _rows() if r["test"] == "modifier_tags" for t in multi(r["words"]))


def noun_modifier(c, parse, happening: frozenset[str]) -> bool:
    """The trigger word only modifies a later noun (resources/cameo/trigger_filters.tsv): a noun the parse
    hangs as a compound on a common noun that names no happening ("an arrest warrant", "protest
    organizers", "a long shot plan"; "a bomb attack", "shooting incidents" name one), or a participle the
    parse hangs (amod) on the noun of a clause's subject ("striking miners marched", "protesting delegates
    made their point"): it says what kind of thing or people, and no one does the act in it."""
    tok = token_starting_at(parse, c.start)
    if tok is None or tok.head.i <= tok.i or tok.head.idx < c.end or tok.head.i >= tok.sent.end:
        return False
    head = tok.head
    if tok.dep_ in words("modifier_compound_deps"):
        # (a singular noun: a verb in -s or a participle the parse hangs there is a misread headline verb,
        # "Campaign criticizes spy agencies", or a verb with its object, "after shooting skeet")
        return tok.tag_ in ("NN", "NNP") and not _third_person_form(tok.lower_) and _common_noun(head, tok) \
            and not _names_happening(head, happening) and not _participle_after_noun(tok) \
            and (c.pattern.pos == "noun" or _verb_elsewhere(tok))
    if tok.dep_ not in words("parse_deps") or c.pattern.pos != "verb" or tok.tag_ not in _phrase_tags("subject_participle_tags"):
        return False
    while head.dep_ in words("modifier_compound_deps") and head.head.i > head.i:
        head = head.head        # "striking coal miners": the phrase's head noun
    return head.tag_ in ("NN", "NNS") and head.dep_ in words("subject_deps")


def generic(c, parse) -> bool:
    """A present passive of a verb row, or an active present (trigger_filters generic_present_tags) with no
    auxiliary in a relative clause, whose subject (or the noun its relative clause describes) is a bare plural common noun, no
    determiner, possessive or number on it ("women who are detained", "refugees are vetted before they
    enter", "people who refuse to assimilate"): what is done to or by such people in general, no
    happening (a headline's present, the first sentence, is left alone). A present with an adverb of habit
    on it, of a verb row or of the verb whose object a noun row is ("police routinely arrest protesters",
    "the group regularly sends aid"), describes a practice, no happening; a perfect with an adverb of a
    standing position ("have long called for X") a position held, no happening (_standing)."""
    tok = token_starting_at(parse, c.start)
    if tok is None or c.sent == 0:
        return False
    verb = tok if c.pattern.pos == "verb" else tok.head if tok.dep_ in ("dobj", "obj") else None
    if _habitual(verb) or _standing(verb):
        return True
    if c.pattern.pos != "verb":
        return False
    if tok.tag_.lower() in words("generic_present_tags"):
        # an active present with no auxiliary of its own in a relative clause: "people who refuse to
        # assimilate" ("critics deride it", "authorities allege": a main clause's present reports)
        if tok.dep_ not in words("relative_deps") or any(ch.dep_ in ("aux", "aux:pass", "auxpass", "neg")
                                                         for ch in tok.children):
            return False
    elif tok.tag_ != "VBN" or not any(ch.dep_ in words("passive_aux_deps") and ch.lower_ in words("generic_auxiliaries")
                                      for ch in tok.children):
        return False
    if tok.dep_ in words("relative_deps"):
        subj = tok.head
    else:
        subj = next((ch for ch in tok.children if ch.dep_ in words("subject_deps")), None)
    return subj is not None and subj.tag_ == "NNS" and not subj.ent_type_ \
        and not any(ch.dep_ in words("determiner_deps") for ch in subj.children)


def _habitual(verb) -> bool:
    """A present of the verb itself (trigger_filters habitual_present_tags) with an adverb of habit on it."""
    return verb is not None and verb.tag_.lower() in words("habitual_present_tags") and any(
        ch.dep_ == "advmod" and ch.lower_ in words("habitual_adverbs") for ch in verb.children)


def _standing(verb) -> bool:
    """A perfect of the verb itself with an adverb of a standing position on it (trigger_filters
    standing_adverbs: "have long called for her ouster", "has always opposed the plan"): a position
    held over time, no discrete happening."""
    return verb is not None and verb.tag_ == "VBN" and any(
        ch.dep_ == "aux" and ch.lower_ in grammar_words("dating_perfect_auxiliaries") for ch in verb.children) and any(
        ch.dep_ == "advmod" and ch.lower_ in words("standing_adverbs") for ch in verb.children)


def _third_person_form(word: str) -> bool:
    """A word in -s that may be a verb's third person ("criticizes"); one in -ss is a base form
    ("press", "address"), no inflection."""
    return word.endswith("s") and not word.endswith("ss")


def _verb_elsewhere(tok) -> bool:
    """The parse finds a verb in the sentence: a verb row's word it reads as a noun is not the only
    verb the sentence could have ("the army hit rebel positions", read as one noun phrase, keeps it)."""
    return any(t.tag_.startswith(("VB", "MD")) for t in tok.sent if t.i != tok.i)


def _participle_after_noun(tok) -> bool:
    """A word in -ing right after a noun or a comma: a participle with its object, whatever the parse
    says ("demonstrators protesting election results"; "..., mocking fears of a blockade": an adjunct
    of the clause before the comma)."""
    if not tok.lower_.endswith("ing") or tok.i <= tok.sent.start:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.tag_.startswith("NN") or prev.text == ","


def _common_noun(head, tok) -> bool:
    """A common noun; in a headline written in capitals, a capitalised noun after a capitalised trigger."""
    if head.tag_ in ("NN", "NNS"):
        return head.text[:1].islower() or tok.text[:1].isupper()
    return head.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and head.text[:1].isupper() \
        and not head.ent_type_      # ("Rape Exception", "PLEDGED DELEGATES"; not a name)


def _names_happening(head, happening: frozenset[str]) -> bool:
    """The head noun names a happening: a noun of the dictionary, or one of happening_heads."""
    w = head.lower_
    return w in happening or noun_in(w, words("happening_heads"))


def noun_in(word: str, words: frozenset[str]) -> bool:
    """The noun, as written or in the singular of a plural in -s, is one of ``words``."""
    return word in words or (word.endswith("s") and word[:-1] in words)


def in_name(c, mentions) -> bool:
    """The trigger is the last word of a person's name ("Judge Lynch", "AG Lynch"): a mention of a
    person ends with it (one that joins words with a coordinator, "X Backs Y And Denounces", is
    a headline misread as a name)."""
    joins = grammar_words("coordinators")
    return any(m.kind == "person" and m.start <= c.start and c.end == m.end
               and joins.isdisjoint(m.text.lower().split()) for m in mentions)


def chatter(c, low: list[str]) -> bool:
    """A noun trigger of noun_needs_prep in that very form ("talk") with none of its prepositions
    right after it or after one word ("talk on the streets", "talk of a deal"): no participants,
    no consultation."""
    if c.pattern.pos != "noun":
        return False
    preps = _needs_prep().get(low[c.tok])
    if preps is None:
        return False
    return not any(w in preps for w in low[c.end_tok:c.end_tok + 2])


def verbal_attack(c, text: str, attributions) -> bool:
    """A force noun of verbal_nouns in the phrase of a speech cue ("X said in a scathing attack on Y")
    or right after a quotation and its speaker ('"...," X charged in her assault'): a verbal attack,
    no use of force. One of verbal_links opens the phrase: at most five words from the cue or the
    quotation to the link, at most three words from the link to the noun, no clause between."""
    if c.pattern.pos != "noun" or c.pattern.code[:2] not in grammar_words("force_roots"):
        return False
    if text[c.start:c.end].lower() not in words("verbal_nouns"):
        return False
    links = words("verbal_links")
    for a in attributions:
        for end in (a.cue.end, a.content.end):
            if end is None or end > c.start or c.start - end > 100:
                continue
            gap = [t[2].lower() for t in tokenize(text, end, c.start) if t[2][:1].isalpha() or t[2] in ".;:!?"]
            at = max((k for k, w in enumerate(gap) if w in links), default=None)
            if at is not None and at <= 5 and len(gap) - at <= 4 and not any(
                    w in ".;:!?" or w in grammar_words("subordinators") for w in gap):
                return True     # (the noun within three words of the link: "in her now-infamous assault")
    return False
