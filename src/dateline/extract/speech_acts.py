"""Speech acts: what a source's words do to a named party is an event of its own.

"'X is a disgusting fraud,' said Y" and "Y called X a disgrace" criticise X (CAMEO 111); "Y called X
a great leader" praises X (051). An attribution becomes such an event when its content judges a
named state, organisation or person other than its source: the party is the subject of a copula
whose predicate carries evaluative words ("X is ...", "X was ..."), or the object of a cue that
takes an object and its description ("called X ...", "described X as ..."). How strongly a word
judges is its valence in ``resources/attribution/evaluative.tsv`` (converted from VADER); a
negation right before a word turns it round. A cue that is itself an event trigger ("accused",
"praised") is left to the trigger dictionary: one code per trigger.

Content that holds a named party responsible for a wrong accuses it (CAMEO 112, or the 112x leaf that
the dictionary's "blame" rows give for the wrong named): "they believe X was behind the killings", "the
hacking can be traced to X", "X would break international law". The phrases are grammar.json's
accusation, responsibility, blame and violation lists; a wrong is a word of the dictionary's harm roots
or an object of its "blame" rows. A negation between the party and the predicate ("X was not behind")
is a denial on X's behalf, no accusation.

Content that says how a dispute or a negotiation is going is an optimistic (013) or pessimistic (012)
comment: "a breakthrough is near", "gaps remain between A and B" (grammar.json outlook lists); content
that puts an act out of the question rejects it (120: "lifting the sanctions is out of the question").
"""
from __future__ import annotations

import bisect
import functools
import re
from operator import itemgetter

from ..resources import read_tsv
from ..text import tokenize_lower
from .attribution_lexicon import cue_forms
from .event_lexicon import grammar_words
from .lexicon import is_participle

_KINDS = ("country", "person", "organization")
# the strength a judgement needs (the sum of the valences of its evaluative words)
CRITICISM_AT, PRAISE_AT = -1.5, 1.5
CODES = {"criticise": "111", "praise": "051", "accuse": "112", "deny": "016",
         "optimistic": "013", "pessimistic": "012", "reject": "120"}


@functools.lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    return {r["word"]: float(r["valence"]) for r in read_tsv("attribution", "evaluative.tsv")}


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    keys = ("be_forms", "negation", "clause_breaks", "subordinators", "conditions", "experiencer_words",
            "non_judging_words", "prepositions")
    return {k: grammar_words(k) for k in keys}


def judgement(words: list[str]) -> float:
    """The summed valence of the evaluative words up to the first clause break."""
    w, val, total = _words(), valences(), 0.0
    for k, x in enumerate(words):
        if x in w["conditions"]:
            return 0.0      # "X is mistaken if it thinks ...": a conditional judgement asserts nothing
        if x in (",", ";", ".", "!", "?", "and", "but") or x in w["clause_breaks"] or (x in w["subordinators"] and k):
            break       # the predicate ends: "was born there and was qualified" judges nothing
        v = val.get(x) if x not in w["experiencer_words"] and x not in w["non_judging_words"] else None
        if v is not None:
            flip = any(y in w["negation"] for y in words[max(0, k - 2):k])
            total += -v if flip else v
    return total


@functools.lru_cache(maxsize=64)
def _columns(text: str, a: int, b: int) -> tuple[list, list[int], list[str]]:
    """The words of text[a:b], their starts and their lower-case forms (``tokenize_lower``; each rule
    reads an attribution's content: made once, shared, so no rule may change them)."""
    toks, low = tokenize_lower(text, a, b)
    return toks, list(map(itemgetter(0), toks)), low


def objas_cue(cue_text: str) -> bool:
    form = cue_forms().get(tuple(cue_text.lower().split()))
    return form is not None and "objas" in form.cue.frames


def _parties(inside: list, att) -> list:
    """The mentions of an attribution's content that may be the party it judges or blames: a coded
    state, organisation or person (``_KINDS``) other than the source, in text order."""
    source = att.source.entity
    return [m for m in inside if m.kind in _KINDS and m.code and m.entity != source]


def judged(text: str, att, mentions, starts: list[int]) -> tuple[object, float] | None:
    """(the party the attribution's content judges, how strongly) or None."""
    a, b = att.content.start, att.content.end
    inside = mentions[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
    parties = _parties(inside, att)
    if not parties:
        return None
    # a word inside a name judges nothing: "the United States", "the Fair Trade Commission"
    named = bytearray(max(0, b - a))
    for m in inside:
        if m.end > m.start:
            named[m.start - a:m.end - a] = b"\x01" * (min(m.end, b) - m.start)
    words, pos, low = _columns(text, a, b)
    toks = [(s, e, "" if named[s - a] else w) for (s, e, _), w in zip(words, low)]
    objas = objas_cue(att.cue.text) and att.cue.end <= a
    be = _words()["be_forms"]
    for m in parties:
        k = bisect.bisect_left(pos, m.end)
        if objas and not any(t[2] not in grammar_words("articles") for t in toks[:bisect.bisect_left(pos, m.start)]):
            score = judgement([t[2] for t in toks[k:k + 8]])     # "called X a disgrace"
        else:
            # the copula right after the party, at most an adverb between ("X is", "X really is")
            cop = next((n for n in range(k, min(k + 2, len(toks))) if toks[n][2] in be), None)
            if cop is None or any(not toks[n][2].isalpha() for n in range(k, cop)):
                continue
            pred = [t[2] for t in toks[cop + 1:cop + 6]]
            if _auxiliary(pred):
                continue     # "X is offering a reward", "X could be charged": an act reported, no judgement
            if _passive_by(pred):
                continue     # "X was loved by his parents": the agent's attitude, not the source's judgement
            felt = _feeling_towards(att, m, toks, cop, inside)
            if felt is not None:
                return felt
            score = judgement(pred)   # "X is a disgusting fraud"
            if score > 0 and pred and pred[0] in _words()["prepositions"]:
                continue     # "X is in a strong position", "X is on the record": a standing, no praise
        if score <= CRITICISM_AT or score >= PRAISE_AT:
            return m, score
        if objas:
            break
    return None


def _feeling_towards(att, m, toks, cop: int, inside) -> tuple[object, float] | None:
    """"(our) authorities are frustrated by X's failure", "we are grateful to X": the source's own side
    says how it feels about another named party; that party is judged (experiencer_words, their
    valence) when the feeling word opens the predicate and a preposition introduces the party."""
    if m.code != att.source.code or cop + 1 >= len(toks) or toks[cop + 1][2] not in _words()["experiencer_words"]:
        return None
    v = valences().get(toks[cop + 1][2])
    if v is None or CRITICISM_AT < v < PRAISE_AT:
        return None
    window = toks[cop + 2:cop + 7]
    if not window or window[0][2] not in grammar_words("feeling_prepositions"):
        return None
    end = next((t[0] for t in window if t[2] in (",", ";", ".", "and", "but")), window[-1][1])
    party = next((p for p in inside if window[0][1] <= p.start < end and p.kind in _KINDS and p.code
                  and p.entity != att.source.entity and p.entity != m.entity), None)
    return (party, v) if party is not None else None


def _auxiliary(pred: list[str]) -> bool:
    """The copula is an auxiliary: the word after it (an adverb in -ly passed over) is a gerund or a
    past participle that judges nothing itself and is no verb of grammar.json judging_verb_forms
    ("is doing a great job", "is seen as corrupt")."""
    k = 0
    while k < len(pred) - 1 and pred[k].endswith("ly") and pred[k].isalpha():
        k += 1
    w = pred[k] if pred else ""
    verb = (w.endswith("ing") and len(w) > 4) or (is_participle(w) and w.isalpha())
    return verb and w not in valences() and w not in grammar_words("judging_verb_forms")


def _passive_by(pred: list[str]) -> bool:
    """The predicate is a participle with its agent ("especially loved by", "praised by")."""
    k = next((n for n, w in enumerate(pred) if not (w.endswith("ly") and w.isalpha())), len(pred))
    return k + 1 < len(pred) and is_participle(pred[k]) and pred[k + 1] == "by"


@functools.lru_cache(maxsize=1)
def _blame() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """The dictionary's "blame" rows (code -> the wrongs they name) and every word that names a wrong:
    those objects and the trigger words of the harm roots."""
    from .event_lexicon import bare_trigger_words, dictionary
    rows = {p.code: p.objects for p in dictionary().get("blame", ())
            if p.words == ("blame",) and p.pos == "verb" and p.objects}
    wrongs = set(bare_trigger_words(grammar_words("harm_roots")))
    for objs in rows.values():
        wrongs |= objs
    return rows, frozenset(wrongs)


@functools.lru_cache(maxsize=None)
def _phrases(key: str, last: bool = False) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of grammar list ``key`` as word tuples, by their first (``last``: last) word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in grammar_words(key):
        p = tuple(ph.split())
        if p:
            out.setdefault(p[-1] if last else p[0], []).append(p)
    return {w: tuple(ps) for w, ps in out.items()}


def _phrase_at(words: list[str], k: int, key: str) -> int:
    """The length of the phrase of grammar list ``key`` that starts at words[k] (0: none)."""
    if k >= len(words):
        return 0
    for p in _phrases(key).get(words[k], ()):
        if tuple(words[k:k + len(p)]) == p:
            return len(p)
    return 0


def _phrase_before(words: list[str], k: int, key: str) -> bool:
    """A phrase of grammar list ``key`` ends right before words[k]."""
    if k < 1 or k > len(words):
        return False
    return any(k >= len(p) and tuple(words[k - len(p):k]) == p for p in _phrases(key, True).get(words[k - 1], ()))


def accusation_code(words: list[str]) -> str | None:
    """112 (or the leaf of the "blame" row whose wrong is named) when ``words`` name a wrong, else None."""
    rows, wrongs = _blame()
    if not any(w in wrongs for w in words):
        return None
    return next((code for code, objs in rows.items() if any(w in objs for w in words)), CODES["accuse"])


def _accusation_after(words: list[str], k: int) -> str | None:
    """The code of an accusation in the predicate that starts at words[k], right after the party."""
    aux, neg = grammar_words("predicate_auxiliaries"), _words()["negation"]
    n = k
    while n < len(words) and n < k + 4 and (words[n] in aux or words[n] in neg):
        if words[n] in neg:
            return None     # "X was not behind it": a denial
        n += 1
    rest = words[n:n + 10]
    end = next((x for x, w in enumerate(rest) if w in (",", ";", ".", "but") or w in _words()["clause_breaks"]), len(rest))
    rest = rest[:end]
    if not rest:
        return None
    if _phrase_at(rest, 0, "accusation_predicates"):
        return accusation_code(rest) or CODES["accuse"]
    if (m := _phrase_at(rest, 0, "responsibility_predicates")) and n > k:
        return accusation_code(rest[m:])
    if rest[0] in grammar_words("violation_verbs") and any(w in grammar_words("norm_nouns") for w in rest[1:5]):
        return CODES["accuse"]
    return None


def accused(text: str, att, mentions, starts: list[int]) -> tuple[object, str] | None:
    """(the party the attribution's content holds responsible for a wrong, the accusation's code) or None."""
    a, b = att.content.start, att.content.end
    inside = mentions[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
    parties = _parties(inside, att)
    if not parties:
        return None
    _, pos, words = _columns(text, a, b)
    for m in parties:
        j, k = bisect.bisect_left(pos, m.start), bisect.bisect_left(pos, m.end)
        while j > 0 and words[j - 1] in grammar_words("articles"):
            j -= 1      # "traced to the Russian government": the mention may begin after the article
        code = _accusation_after(words, k)
        if code is None and _phrase_before(words, j, "blame_passive_phrases"):
            code = accusation_code(words[:j])
        if code is not None:
            return m, code
    return None


def _denial_after(words: list[str], k: int) -> bool:
    """The predicate from words[k] on denies responsibility for a wrong: "was not behind the attack",
    "had nothing to do with the bombing", "played no role in the killings"."""
    aux, neg = grammar_words("predicate_auxiliaries"), _words()["negation"]
    n, negated = k, False
    while n < len(words) and n < k + 4 and (words[n] in aux or words[n] in neg):
        negated = negated or words[n] in neg
        n += 1
    rest = words[n:n + 10]
    rest = rest[:next((x for x, w in enumerate(rest) if w in (",", ";", ".", "but")), len(rest))]
    if negated and (m := _phrase_at(rest, 0, "responsibility_predicates") or _phrase_at(rest, 0, "accusation_predicates")):
        return accusation_code(rest[m:]) is not None or bool(_phrase_at(rest, 0, "accusation_predicates"))
    m = _phrase_at(rest, 0, "denial_predicates")
    return bool(m) and accusation_code(rest[m:]) is not None


def denied(text: str, att, mentions, starts: list[int]) -> bool:
    """The source's content denies the source's own responsibility for a wrong ("the group said it
    had nothing to do with the bombing", "X said X was not behind the attacks")."""
    a, b = att.content.start, att.content.end
    _, pos, words = _columns(text, a, b)
    if words and words[0] in grammar_words("self_pronouns") and _denial_after(words, 1):
        return True
    inside = mentions[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
    return any(m.entity is not None and m.entity == att.source.entity
               and _denial_after(words, bisect.bisect_left(pos, m.end)) for m in inside)


_OUTLOOKS = (("outlook_strong_positive", 1, 2), ("outlook_strong_negative", -1, 2),
             ("outlook_weak_positive", 1, 1), ("outlook_weak_negative", -1, 1))


@functools.lru_cache(maxsize=1)
def _outlook_firsts() -> frozenset[str]:
    """The words an outlook phrase may start with."""
    return frozenset(w for key, _, _ in _OUTLOOKS for w in _phrases(key))


def _outlook_at(words: list[str], k: int) -> tuple[int, int]:
    """(+1 optimistic | -1 pessimistic | 0, strength 2 strong | 1 weak) of an outlook phrase at words[k]."""
    if k >= len(words) or words[k] not in _outlook_firsts():
        return 0, 0
    for key, sign, strength in _OUTLOOKS:
        if _phrase_at(words, k, key):
            return sign, strength
    return 0, 0


def outlook(text: str, att, mentions, starts: list[int], taken: set[int]) -> tuple[str, object] | None:
    """(013 | 012, the other party named) when the content says how a dispute or a negotiation is
    going: "a breakthrough is near", "gaps remain between A and B", "they resolved the problems"
    (grammar.json outlook lists). A weak word (progress, optimistic) needs a dispute noun in the
    content; a negator right before turns the outlook round ("no breakthrough"); a condition states
    no outlook; an outlook word that is itself an event trigger ("the talks stalled": 164) is that
    event's. The party is the first state, organisation or person named in the content whose code
    differs from the source's."""
    a, b = att.content.start, att.content.end
    _, pos, words = _columns(text, a, b)
    words = words[:next((x for x, w in enumerate(words) if w in (".", ";", "?")), len(words))]
    firsts = _outlook_firsts()
    if firsts.isdisjoint(words) or not _words()["conditions"].isdisjoint(words):
        return None         # (no outlook phrase can start anywhere; a condition)
    neg = _words()["negation"] | grammar_words("outlook_negators")
    disputes = not grammar_words("outlook_dispute_nouns").isdisjoint(words)
    for k in range(len(words)):
        sign, strength = _outlook_at(words, k) if words[k] in firsts else (0, 0)     # (none starts elsewhere)
        if not sign or (strength == 1 and not disputes):
            continue
        if pos[k] in taken:
            return None
        if any(w in neg for w in words[max(0, k - 3):k]):
            sign = -sign
        return CODES["optimistic" if sign > 0 else "pessimistic"], _other_party(att, mentions, starts)
    return None


def _other_party(att, mentions, starts: list[int]):
    """The first state, organisation or person named in the content whose code differs from the source's."""
    inside = mentions[bisect.bisect_left(starts, att.content.start):bisect.bisect_left(starts, att.content.end)]
    return next((m for m in inside if m.kind in _KINDS and m.code and m.code != att.source.code), None)


def rejection(text: str, att, mentions, starts: list[int]) -> tuple[str, object] | None:
    """(120, the other party named) when the content says that an act or a proposal is out of the
    question ("lifting the sanctions on X is out of the question", "talks are not an option":
    grammar.json rejection_predicates); a negation within two words before states a possibility
    ("is not out of the question"), no rejection; one that a verb of grammar.json rejection_act_verbs
    opens or an agent follows ("taken off the table by X") reports another party's act."""
    words = _columns(text, att.content.start, att.content.end)[2]
    neg, firsts = _words()["negation"], _phrases("rejection_predicates")
    if firsts.keys().isdisjoint(words) or not _words()["conditions"].isdisjoint(words):
        return None      # no phrase can start anywhere; "if X attacks, talks are off the table": a condition
    for k in range(len(words)):
        n = _phrase_at(words, k, "rejection_predicates") if words[k] in firsts else 0   # (none starts elsewhere)
        if n:
            if any(w in neg for w in words[max(0, k - 2):k]):
                return None
            if (k and words[k - 1] in grammar_words("rejection_act_verbs")) or words[k + n:k + n + 1] == ["by"]:
                return None     # "was taken off the table by most states": an act of others reported
            return CODES["reject"], _other_party(att, mentions, starts)
    return None


@functools.lru_cache(maxsize=1)
def _opinion_words() -> "re.Pattern[str]":
    """Any of grammar.json's opinion_sources anywhere in a lower-cased string (no word bounds)."""
    return re.compile("|".join(re.escape(w) for w in sorted(grammar_words("opinion_sources"), key=len, reverse=True)))


def _poll(text: str, att) -> bool:
    """The source reports a poll's opinion ("52 percent of voters", "a majority of respondents"):
    a word of grammar.json's opinion_sources in the source or in the words before it in its clause."""
    s = att.source
    a = max(0, s.start - 40)
    if not _opinion_words().search(text[a:s.end].lower()):
        return False    # (each word is a piece of the text: no opinion word in it, none among its words)
    words = tokenize_lower(text, a, s.end)[1]
    return not grammar_words("opinion_sources").isdisjoint(words[-8:])


def speech_acts(text: str, attributions, mentions, taken_cues: set[int]):
    """(attribution, code, party, rule) for every attribution whose content denies, accuses or judges
    someone; ``rule`` names the mechanism and its data for the event's provenance."""
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    out = []
    for att in attributions:
        if att.source is None or att.source.start is None or not att.source.code \
                or att.content.start is None or att.cue.start is None or att.cue.start in taken_cues:
            continue
        cue = " ".join(att.cue.text.lower().split())
        if cue in grammar_words("sourcing_cues"):
            continue      # "according to X": X is where the news comes from, not a judge of anyone
        if cue in grammar_words("question_cues"):
            continue      # "we asked readers what they thought of X": a question asserts nothing
        if _poll(text, att):
            continue      # "52 percent of voters agreed that X is fit": an opinion poll, no party's act
        if denied(text, att, mentions, starts):
            out.append((att, CODES["deny"], None, "speech_acts:denial(grammar.json)"))
            continue
        blamed = accused(text, att, mentions, starts)
        if blamed is not None:
            out.append((att, blamed[1], blamed[0], "speech_acts:accusation(grammar.json)"))
            continue
        found = judged(text, att, mentions, starts)
        if found is not None:
            party, score = found
            out.append((att, CODES["criticise" if score < 0 else "praise"], party, "speech_acts:evaluative.tsv"))
            continue
        view = rejection(text, att, mentions, starts)
        if view is not None:
            out.append((att, view[0], view[1], "speech_acts:rejection(grammar.json)"))
            continue
        view = outlook(text, att, mentions, starts, taken_cues)
        if view is not None:
            out.append((att, view[0], view[1], "speech_acts:outlook(grammar.json)"))
    return out
