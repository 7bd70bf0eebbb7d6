"""Speech acts: what a source's words do to a named party is an event of its own.

"'X is a disgusting fraud,' said Y" and "Y called X a disgrace" criticise X (CAMEO 111); "Y called X
a great leader" praises X (051). An attribution becomes such an event when its content judges a
named state, organisation or person other than its source: the party is the subject of a copula
whose predicate carries evaluative words ("X is ...", "X was ..."), or the object of a cue that
takes an object and its description ("called X ...", "described X as ..."). How strongly a word
judges is its valence in ``resources/attribution/evaluative.tsv`` (converted from VADER); a
negation right before a word turns it round. A cue that is itself an event trigger ("accused",
"praised") is left to the trigger dictionary: one code per trigger.
"""
from __future__ import annotations

import bisect
import functools

from ..resources import read_tsv
from ..text import tokenize
from .attribution_lexicon import cue_forms
from .event_lexicon import grammar_words

_KINDS = ("country", "person", "organization")
# the strength a judgement needs (the sum of the valences of its evaluative words)
CRITICISM_AT, PRAISE_AT = -1.5, 1.5
CODES = {"criticise": "111", "praise": "051"}


@functools.lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    return {r["word"]: float(r["valence"]) for r in read_tsv("attribution", "evaluative.tsv")}


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    keys = ("be_forms", "negation", "clause_breaks", "subordinators", "conditions")
    return {k: grammar_words(k) for k in keys}


def judgement(words: list[str]) -> float:
    """The summed valence of the evaluative words up to the first clause break."""
    w, val, total = _words(), valences(), 0.0
    for k, x in enumerate(words):
        if x in w["conditions"]:
            return 0.0      # "X is mistaken if it thinks ...": a conditional judgement asserts nothing
        if x in (",", ";", ".", "!", "?", "and", "but") or x in w["clause_breaks"] or (x in w["subordinators"] and k):
            break       # the predicate ends: "was born there and was qualified" judges nothing
        v = val.get(x)
        if v is not None:
            flip = any(y in w["negation"] for y in words[max(0, k - 2):k])
            total += -v if flip else v
    return total


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(s, e, w.lower()) for s, e, w in tokenize(text, a, b)]


def objas_cue(cue_text: str) -> bool:
    form = cue_forms().get(tuple(cue_text.lower().split()))
    return form is not None and "objas" in form.cue.frames


def judged(text: str, att, mentions, starts: list[int]) -> tuple[object, float] | None:
    """(the party the attribution's content judges, how strongly) or None."""
    a, b = att.content.start, att.content.end
    inside = mentions[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
    # a word inside a name judges nothing: "the United States", "the Fair Trade Commission"
    toks = [(s, e, "" if any(m.start <= s < m.end for m in inside) else w) for s, e, w in _tokens(text, a, b)]
    pos = [t[0] for t in toks]
    objas = objas_cue(att.cue.text) and att.cue.end <= a
    be = _words()["be_forms"]
    for m in inside:
        if m.kind not in _KINDS or not m.code or m.entity == att.source.entity:
            continue
        k = bisect.bisect_left(pos, m.end)
        if objas and not any(t[2] not in grammar_words("articles") for t in toks[:bisect.bisect_left(pos, m.start)]):
            score = judgement([t[2] for t in toks[k:k + 8]])     # "called X a disgrace"
        else:
            # the copula right after the party, at most an adverb between ("X is", "X really is")
            cop = next((n for n in range(k, min(k + 2, len(toks))) if toks[n][2] in be), None)
            if cop is None or any(not toks[n][2].isalpha() for n in range(k, cop)):
                continue
            score = judgement([t[2] for t in toks[cop + 1:cop + 6]])   # "X is a disgusting fraud"
        if score <= CRITICISM_AT or score >= PRAISE_AT:
            return m, score
        if objas:
            break
    return None


def speech_acts(text: str, attributions, mentions, taken_cues: set[int]):
    """(attribution, code, judged party) for every attribution whose content judges someone."""
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    out = []
    for att in attributions:
        if att.source is None or att.source.start is None or not att.source.code \
                or att.content.start is None or att.cue.start is None or att.cue.start in taken_cues:
            continue
        if " ".join(att.cue.text.lower().split()) in grammar_words("sourcing_cues"):
            continue      # "according to X": X is where the news comes from, not a judge of anyone
        found = judged(text, att, mentions, starts)
        if found is not None:
            party, score = found
            out.append((att, CODES["criticise" if score < 0 else "praise"], party))
    return out
