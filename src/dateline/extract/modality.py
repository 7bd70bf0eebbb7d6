"""Modality as CAMEO codes it: stated intentions and threats are events of their own.

"X will send aid" reports that X stated an intention (CAMEO 033), not that aid was sent; "X will
strike unless ..." and "X threatened to expel ..." are threats (13x). The act's code is mapped
through ``resources/cameo/modality.tsv``; the function words that mark an intention, a threat, a
condition or a mere possibility are lists in ``resources/cameo/grammar.json``. Such an event
happened (the statement was made), so it is not hypothetical; a hedged act ("could strike") and a
negated one keep their flags.
"""
from __future__ import annotations

import functools
from dataclasses import replace

from ..resources import read_tsv
from .dating import unbound_unreal
from .event_lexicon import _BE, _DENY, _IMPLICATIVE, _MODAL, _NEG, _NEG_VERBS, _NOUN_DETS, _SPEECH_VERBS, _agent_nouns, _base_verbs, \
    grammar_words
from .lexicon import is_participle, is_past_form
from .modality_refusals import Modality, fold_refusals, infinitive_to, refusal
from .modality_scope import (
    future_time_clause, means_of_modal, negative_subject, outside_other_scope, scope_words, unasserted_clause,
    unstated_intent, upcoming_gathering
)
from .trigger_senses import words as sense_words


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    keys = ("intent_auxiliaries", "intent_verbs", "threat_verbs", "threat_conditions", "hedges",
            "clause_breaks", "subordinators", "appeal_verbs", "demand_verbs", "obligation_modals",
            "obligation_verbs", "that_demand_words", "that_appeal_words")
    return {k: grammar_words(k) for k in keys}


@functools.lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    return frozenset(r["code"] for r in read_tsv("cameo", "codes.tsv"))


@functools.lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, str, int]]:
    """act code prefix -> (intent code, threat code, row number in the file)."""
    return {r["act"]: (r["intent"], r["threat"], n) for n, r in enumerate(read_tsv("cameo", "modality.tsv"), start=1)}


def _window(low: list[str], i: int, size: int = 6) -> list[int]:
    """Token indices before ``i`` in the same clause, nearest first (at most ``size``)."""
    w = _words()
    out = []
    for k in range(i - 1, max(-1, i - 1 - size), -1):
        if low[k] in (",", ".") or low[k] in w["clause_breaks"] or (low[k] in w["subordinators"] and low[k] != "to"):
            break
        out.append(k)
    return out


# the lists of grammar.json that mark each kind of modality on a verb before "to" ("urged X to ...")
_GOVERNORS = (("threat", "threat_verbs"), ("intent", "intent_verbs"), ("appeal", "appeal_verbs"),
              ("demand", "demand_verbs"))


def _governor(low: list[str], before: list[int], n: int) -> tuple[str, int] | None:
    """The verb that governs "to" at ``before[n]``: right before it ("pledged to"), or before its
    addressee ("urged Israel to"); obligation ("has to", "needs to") is a demand."""
    w = _words()
    near = [x for x in before[n + 1:n + 6] if low[x] not in grammar_words("governor_skip_words")]
    if near and low[near[0]] in w["obligation_verbs"]:
        return None if narrated_obligation(low, near[0]) else ("demand", near[0])
    if near and (low[near[0]] in grammar_words("failure_verbs") or low[near[0]] in grammar_words("failure_nouns")):
        return "intent", near[0]     # negated ("failed"): the refusal of a cooperative act (apply_modality)
    raw = [low[x] for x in before[n + 1:n + 3]]
    if len(raw) == 2 and raw[0] in scope_words()["progressive_intent_verbs"] and raw[1] in _BE:
        return "intent", near[0]     # "is planning to boycott": as "plans to"
    for x in near:
        for kind, key in _GOVERNORS:
            if low[x] in w[key] and (kind in ("appeal", "demand") or x == near[0]):
                return kind, x
    return None


def _that_word(low: list[str], before: list[int]) -> int | None:
    """The word that governs the that-clause in which the window ``before`` stopped ("demanded
    [today] that ..."), or None when the window did not stop at "that"."""
    k = (before[-1] if before else 0) - 1
    if k < 1 or low[k] != "that":
        return None
    g = k - 1
    while g >= 1 and k - g <= 3 and (low[g].endswith("ly") or low[g] in grammar_words("that_gap_words")):
        g -= 1                                   # "demanded repeatedly that", "its demand today that"
    return g


def _that_governor(low: list[str], before: list[int]) -> tuple[str, int] | None:
    """"demanded that Israel ease ...", "urged that the talks resume": the act of a that-clause
    governed by a word of demand or appeal is that demand or appeal (the clause has no modal of its
    own: the window stopped at "that")."""
    w = _words()
    g = _that_word(low, before)
    if g is None:
        return None
    if low[g] in w["that_demand_words"]:
        return "demand", g
    if low[g] in w["that_appeal_words"]:
        return "appeal", g
    return None


def modality_of(low: list[str], i: int, end: int) -> tuple[str, int] | None:
    """("intent" | "threat" | "appeal" | "demand", the marker's token index) or None for the event
    verb at token ``i`` (its trigger ends at ``end``)."""
    w = _words()
    before = _window(low, i)
    if any(low[k] in w["hedges"] for k in before) or means_preposition(low, i) is not None:
        return None      # (a gerund of means serves the verb it follows: that verb carries the intent)
    if i > 0 and is_past_form(low[i]) and low[i] not in _base_verbs() \
            and low[i - 1] not in grammar_words("participle_auxiliaries") and not low[i - 1].endswith("ly"):
        return None      # "will not lift the sanctions imposed on X": a participle after its noun, past already
    if before and not any(low[k] in w["intent_auxiliaries"] or low[k] in w["obligation_modals"] or low[k] == "to"
                          for k in before):
        found = _that_governor(low, before)
        if found is not None:
            return found
    kind, marker = None, None
    for n, k in enumerate(before):
        if low[k] in w["intent_auxiliaries"]:
            kind, marker = "intent", k
            break
        if low[k] in w["obligation_modals"]:
            g = _that_word(low, before)
            if g is not None and low[g] in w["intent_verbs"]:
                return "intent", g   # "agreed that their states should cooperate": what they agreed to do
            return "demand", k   # "X must withdraw" (said by a source: its demand)
        if low[k] == "to":
            found = _governor(low, before, n)
            if found is None:
                break
            if found[0] != "intent":
                return found
            kind, marker = found
            break
    if kind is None or _counterfactual(low, marker, i):
        return None
    warn = next((k for k in range(marker - 1, max(-1, marker - 7), -1) if low[k] in w["threat_verbs"]), None)
    if warn is not None:
        return "threat", warn    # "warned that it would strike"
    if any(x in w["threat_conditions"] for x in low[end:]):
        return "threat", marker  # "will strike unless ..."
    return kind, marker


def noun_modality(low: list[str], i: int, end: int) -> tuple[str, int] | None:
    """("intent" | "threat", the governing verb's index) for a noun event at ``i`` that is the object
    of a verb stating an intention or a threat to do it ("pledged aid", "threatened sanctions",
    "committed to a possible strike"; role_words noun_intent_verbs, noun_threat_verbs,
    noun_intent_to_verbs): at most three words between, none a break of the object; not a participle
    used as an adjective ("his planned visit"), not negated or hedged before the verb."""
    from .frames import role_words
    intent, threat, to_verbs = (role_words("noun_intent_verbs"), role_words("noun_threat_verbs"),
                                role_words("noun_intent_to_verbs"))
    breaks = role_words("object_breaks") | {"of", "to", "."}
    for k in range(i - 1, max(-1, i - 5), -1):
        w = low[k]
        if w in intent or w in threat or (w in to_verbs and k + 1 < i and low[k + 1] == "to"):
            break
        if w in breaks and not (w == "to" and k > 0 and low[k - 1] in to_verbs):
            return None
    else:
        return None
    if k == 0 or low[k - 1] in _NOUN_DETS or low[k - 1].endswith("'s") or low[k - 1] == "'s":
        return None          # "the planned visit", "X's proposed talks": an adjective, no statement
    pre = low[max(0, k - 3):k]
    hedges = _words()["hedges"]
    if any(x in _NEG or x in hedges for x in pre) or (low[k].endswith("ing") and low[k - 1] in ("of", "by")):
        return None
    kind = "threat" if low[k] in threat or any(x in _words()["threat_conditions"] for x in low[end:]) else "intent"
    return kind, k


def _counterfactual(low: list[str], marker: int, i: int) -> bool:
    """"would have attacked", "will have withdrawn": a modal auxiliary with a perfect states no
    intention; the act is what might have been (hypothetical), not a stated plan."""
    if low[marker] not in _words()["intent_auxiliaries"]:
        return False
    perfect = grammar_words("dating_perfect_auxiliaries")
    return any(low[k] in perfect for k in range(marker + 1, i)) and is_participle(low[i])


def recode(code: str, kind: str) -> Modality:
    """The code of an intention, threat, appeal or demand to do the act ``code``. Appeals (02x) and
    demands (10x) number their children as intentions (03x) do (CAMEO codebook): "appeal for"
    / "demand" humanitarian aid are 0233 / 1033 as the intent to give it is 0333."""
    if kind in ("appeal", "demand"):
        # an act that is itself coded as an intention ("ensure security", 0332) has its parallel code
        m = Modality("intent", code, None) if code.startswith("03") else recode(code, "intent")
        if not m.code.startswith("03"):
            return Modality(kind, "", None)
        new = ("02" if kind == "appeal" else "10") + m.code[2:]
        return Modality(kind, new if new in _codes() else new[:3], m.row)
    tab = table()
    for n in range(len(code), 1, -1):
        row = tab.get(code[:n])
        if row is None:
            continue
        intent, threat, line = row
        if kind == "threat":
            hostile = code[:2] >= "13"
            new = threat or (intent if hostile else "")
            return Modality("threat" if new else "intent", new or intent, line)
        return Modality("threat" if intent.startswith("13") else kind, intent, line)
    return Modality(kind, "", None)


def announced_unreal(cands) -> None:
    """"said it would press for a trial", "will investigate the killings": an act announced with an
    auxiliary of intention whose code has no 03x/13x intention (modality.tsv) is no event of its own
    (only 03x and 13x codes state intentions): it has not happened, hypothetical. Flagged once the
    events are dated (unreal_after_dating): the day of its announcement, which dated it, stays its
    date, as a stated intention's does."""
    for c in cands:
        if c.modality == "intent" and not c.intended and not c.negated and not c.hypothetical \
                and c.pattern.code[:2] not in ("03", "13"):
            c.hypothetical = True


def unreal_after_dating(cands) -> None:
    """Once the events are dated: an act found hypothetical or negated loses the report's or
    publication's day (dating.unbound_unreal), then an announced act is flagged (announced_unreal)."""
    unbound_unreal(cands)
    announced_unreal(cands)


def _conditional_vow(code: str, low: list[str], end: int) -> Modality | None:
    """"will sue if it has to", "would reject the deal if ...": an intended act with no intent code of
    its own (modality.tsv: legal action, rejection) made conditional (grammar.json conditional_vow_words
    after it in its sentence) is a threat where the table gives the act a threat code; None otherwise."""
    after = low[end:]
    stop = next((k for k, w in enumerate(after) if w in (".", ";")), len(after))
    if not any(w in grammar_words("conditional_vow_words") for w in after[:stop]):
        return None
    m = recode(code, "threat")
    return m if m.kind == "threat" and m.code else None


def pending(low: list[str], s: int, i: int) -> bool:
    """"will stay until X complies", "once X signs", "as soon as X arrives": a present-tense act in a
    clause of a pending condition has not happened; a past form ("until X complied") or a gerund did."""
    opener = " ".join(low[max(0, s - 3):s])
    if s <= 0 or (low[s - 1] not in grammar_words("pending_subordinators")
                  and not any(opener.endswith(ph) for ph in sense_words("pending_phrases"))):
        return False
    w = low[i]
    return not (is_past_form(w) or w.endswith("ing") or "had" in low[s:i])


def negated_plan(low: list[str], i: int) -> bool:
    """"has no plans to raise taxes or cutting pensions", "nor does X have any plans, aides say, to
    ...": an act of the infinitive of a negated plan noun (trigger_filters plan_nouns: a negation
    before it in its clause, at most ten words back) is negated however far its coordination runs;
    commas and coordinators may stand between, no other clause."""
    stops, plans = _plan_stops(), sense_words("plan_nouns")
    for k in range(i - 1, max(-1, i - 30), -1):
        if low[k] in stops:
            return False
        if low[k] in plans and "to" in low[k + 1:i]:
            before = low[max(0, k - 10):k]
            cut = max((n + 1 for n, w in enumerate(before) if w in (",", ";") or w in stops - {"."}), default=0)
            return any(w in _NEG for w in before[cut:])
    return False


@functools.lru_cache(maxsize=1)
def _plan_stops() -> frozenset[str]:
    """Where a negated plan's reach ends (``negated_plan``): a subordinator, a clause break, "." or ";"."""
    return grammar_words("subordinators") | grammar_words("clause_breaks") | {".", ";"}


def conditional(low: list[str], i: int) -> bool:
    """The act at ``i`` is in the clause of a condition ("if X follows through on his veto"): a
    condition word before it, after the last comma and clause break."""
    w = _words()
    for k in range(i - 1, max(-1, i - 13), -1):
        if low[k] in (",", ".", ";") or low[k] in w["clause_breaks"]:
            return False
        if low[k] in grammar_words("conditions"):
            return True
    return False


def means_preposition(low: list[str], i: int) -> int | None:
    """The index of the preposition of means before the act at ``i`` ("by attacking", "by having
    someone arrested"), or None: such an act is the means of the verb it follows, not a clause of
    its own."""
    means = grammar_words("means_prepositions")
    if i > 0 and low[i].endswith("ing") and low[i - 1] in means:
        return i - 1
    for h in range(i - 1, max(0, i - 4), -1):
        if low[h] in grammar_words("causative_gerunds") and low[h - 1] in means:
            return h - 1
    return None


def means_option(low: list[str], i: int) -> bool:
    """"has three ways to enforce it: by suing, or by having someone arrested": a gerund of means
    after a noun of options (grammar.json option_nouns, followed by "to", "of" or ":") in its
    sentence describes a course open to someone, not a happening."""
    k = means_preposition(low, i)
    if k is None:
        return False
    nouns = grammar_words("option_nouns")
    return any(low[x] in nouns and any(w in ("to", "of", ":") for w in low[x + 1:x + 3]) for x in range(k))


def generic_kind(low: list[str], i: int) -> bool:
    """"blamed police shootings on ...": a bare plural act noun after a bare agent noun (no
    determiner, number or possessive before them: grammar.json determiners, noun_determiners) names
    a kind of happening, not one."""
    if i < 2 or not low[i].endswith("s") or low[i - 1] not in _agent_nouns():
        return False
    before = low[i - 2]
    dets = grammar_words("determiners") | grammar_words("noun_determiners")
    return not (before in dets or before[:1].isdigit() or before.endswith("'s") or before in ("'s", "’s"))


def in_modal_scope(low: list[str], s: int, i: int, verb: bool) -> bool:
    """A modal word before the trigger at ``i`` in its clause (from ``s``), after the last comma
    ("pledged to stand firm, warning X": the warning happened). A lexical modal verb ("called",
    "pledged") does not reach a verb coordinated with it ("called X a disgrace and called for ...")
    unless an infinitive stands between ("pledged to rally and march"). A gerund of means after a
    noun of options is in the scope of those options (means_option)."""
    if means_option(low, i) or (not verb and generic_kind(low, i)):
        return True
    pre = low[s:i]
    start = max((k for k, w in enumerate(pre) if w == ","), default=-1) + 1
    aux = grammar_words("modal_auxiliaries")
    coordinated = verb and i > 0 and low[i - 1] in grammar_words("coordinators")
    for k in range(start, len(pre)):
        if pre[k] not in _MODAL:
            continue
        if coordinated and pre[k] not in aux and pre[k] not in grammar_words("conditions") and "to" not in pre[k + 1:]:
            continue    # (a condition reaches every verb of its clause: "if X is arrested and charged")
        return True
    return False


@functools.lru_cache(maxsize=1)
def _relative_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``reduced_relative``'s word sets (stops, words before no participle, breaks), joined once."""
    stop = grammar_words("participle_auxiliaries") | _MODAL | {"to"}
    subjects = grammar_words("person_pronouns") | grammar_words("state_pronouns") | grammar_words("plural_pronouns") \
        | grammar_words("determiners") | grammar_words("noun_determiners")
    breaks = grammar_words("small_clause_verbs") | grammar_words("participle_breaks") | grammar_words("subordinators")
    return frozenset(stop), frozenset(subjects), frozenset(breaks)


def reduced_relative(low: list[str], s: int, i: int) -> int | None:
    """"will not lift the sanctions imposed on X", "urged the release of men arrested in May": a past
    form right after a noun (no auxiliary, negation, "to", conjunction or adverb before it:
    grammar.json participle_auxiliaries) modifies that noun and tells a past act; the modal or
    negation of its clause governs the verb before the noun, not it. Returns the index where the
    noun phrase begins, or None; not after a verb of wanting or causing ("wants the sanctions
    lifted", "will have the envoy expelled": grammar.json small_clause_verbs)."""
    if i <= s or not is_past_form(low[i]) or low[i] in _base_verbs():
        return None
    stop, subjects, breaks = _relative_words()
    prev = low[i - 1]
    if not prev.isalpha() or prev in stop or prev in _NEG or prev.endswith("ly") or prev in subjects:
        return None      # ("unless it gave": a pronoun is the subject of a clause; "the besieged town": an adjective)
    if prev in breaks:
        return None
    k = i - 1
    while k > s and low[k - 1].isalpha() and low[k - 1] not in stop and low[k - 1] not in _NEG \
            and not is_past_form(low[k - 1]):
        if low[k - 1] in breaks or k <= i - 5:
            return None  # (a noun phrase of more than four words: no telling where it begins)
        k -= 1
    if k <= s or not low[k - 1].isalpha() or low[k - 1] in breaks:
        return None      # "Last week, rebels killed ...": a noun phrase opening its clause is the subject
    return k


def set_flags(c, low: list[str], s: int, i: int) -> None:
    """Negation and modality of the trigger at token i in the clause starting at token s."""
    p = c.pattern
    np = reduced_relative(low, s, i) if p.pos == "verb" else None
    if np is not None:
        _clause_flags(c, low, s, i)
        c.clause_flags = (c.negated, c.hypothetical)
        # only a negation inside its noun phrase ("no sanctions imposed on X") reaches it
        c.negated, c.hypothetical = low[np - 1] in _NEG - grammar_words("participle_auxiliaries"), False
        c.background = True      # it describes the noun: an act before the news, not dated by the report
        c.attributive = low[i] in grammar_words("approval_participles")
        return
    _clause_flags(c, low, s, i)


def _ordinal_party(low: list[str], to: int) -> bool:
    """"the first Democrat to endorse X", "among the first countries to join": the infinitive after
    an ordinal (trigger_filters ordinal_words) and the party noun it counts tells what that party did
    (a noun of grammar.json party_nouns or ordinal_party_nouns or an agent noun between them)."""
    k = next((k for k in range(to - 1, max(-1, to - 7), -1) if low[k] in sense_words("ordinal_words")), None)
    if k is None or k < 1 or low[k - 1] not in ("the", "its", "their", "his", "her"):
        return False
    nouns = grammar_words("party_nouns") | _agent_nouns() | grammar_words("ordinal_party_nouns")
    between = low[k + 1:to]       # a clause between ("the third round as the club pushed to"): no count
    breaks = grammar_words("subordinators") | grammar_words("clause_breaks") | {",", ";"}
    return any(w in nouns for w in between) and not any(w in breaks or is_past_form(w) for w in between)


def _clause_flags(c, low: list[str], s: int, i: int) -> None:
    """The negation and modality of the clause (from ``s``) that the trigger at ``i`` stands in."""
    p = c.pattern
    pre = low[s:i]
    near = low[max(s, i - 4):i]
    c.negated = not _NEG.isdisjoint(near) or not _NEG_VERBS.isdisjoint(pre)
    # "Iran denied that it had supplied drones": a denied clause is not asserted
    if s > 0 and not c.negated:
        gov = low[max(0, s - 8):s]
        c.negated = not _DENY.isdisjoint(gov)
    inf = "to" in pre and any(pre[k] == "to" and k + 1 < len(pre)
                              and pre[k + 1] not in grammar_words("infinitive_blockers") for k in range(len(pre)))
    to = infinitive_to(low, i) if p.pos == "verb" else None
    plan = p.pos == "verb" and negated_plan(low, i)
    c.negated = c.negated or plan
    # "managed to flee", "returned home, only to be jailed": an infinitive that tells what happened
    failed = to is not None and to > 0 and low[to - 1] in grammar_words("failure_nouns")
    c.negated = c.negated or failed     # "the ministry's failure to prosecute anyone": it did not
    result = to is not None and to > 0 and (low[to - 1] in _IMPLICATIVE or (
        low[to - 1] in sense_words("result_infinitive_openers") and to > 1 and low[to - 2] == ",")
        or _ordinal_party(low, to) or failed or narrated_obligation(low, to - 1))
    c.hypothetical = in_modal_scope(low, s, i, p.pos == "verb") or (inf and p.pos == "noun") or \
        only_possible(low, s, i, p.pos == "noun") or \
        (to is not None and not result) or plan \
        or (s > 0 and low[s - 1] in _MODAL) or (p.pos == "verb" and pending(low, s, i)) \
        or (inf and low[i].endswith("ing") and i > 0 and low[i - 1] in grammar_words("means_prepositions"))


def apply_modality(c, low: list[str]) -> None:
    """A stated intention or threat to act is an event of its own code (03x / 13x); a stated
    intention not to do a cooperative act is its rejection (12x)."""
    if c.pattern.pos != "verb":
        _noun_event_modality(c, low)
        return
    found = modality_of(low, c.tok, c.end_tok)
    if found is None or conditional(low, c.tok) or c.unstated:
        return      # "if the president follows through on his veto": no intention stated
    if c.negated:
        m = refusal(c.pattern.code) if found[0] == "intent" else None
        if m is not None:       # "X will not accept refugees": X rejects it (the refusal was stated)
            c.negated, c.modality, c.modality_row, c.intended = False, m.kind, m.row, c.pattern.code
            c.hypothetical = False
            c.pattern = replace(c.pattern, code=m.code)
        return
    kind, c.modality_marker = found
    m = recode(c.pattern.code, kind)
    if kind == "intent" and not m.code:
        m = _conditional_vow(c.pattern.code, low, c.end_tok) or m
    if kind in ("appeal", "demand") and not m.code:
        c.modality_marker, c.hypothetical = None, True
        return      # "urged X to attack": no appeal code for that act; the appeal verb codes it,
        #             and the act asked for has not happened
    # an intention with no 03x/13x code stated by a verb ("plans to sue X", "is ready to reject X") is
    # no event of its own: the act keeps its code and has not happened; one stated by an auxiliary
    # ("said it would press for a trial") is dated by its statement first (announced_unreal)
    c.hypothetical = not m.code and c.pattern.code[:2] not in ("03", "13") \
        and low[c.modality_marker] not in _words()["intent_auxiliaries"]
    c.modality, c.modality_row = m.kind, m.row
    outer = modality_of(low, c.modality_marker, c.modality_marker + 1) if kind in ("appeal", "demand") else None
    if outer is not None and outer[0] == "intent":
        c.hypothetical = True   # "is planning to call on X to resign": the appeal itself is only intended
    if m.code and m.code != c.pattern.code:
        c.intended = c.pattern.code
        c.pattern = replace(c.pattern, code=m.code)


def _described(tok) -> bool:
    """The parse reads the verb ``tok`` as a past participle describing the noun before it ("the
    sanctions imposed on X": acl, VBN) with no auxiliary, negation or "to" of its own and no
    determiner of any one at all on that noun ("any settlement reached": grammar.json participle_breaks)."""
    noun = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or noun.i > tok.i or not noun.tag_.startswith("NN"):
        return False
    if any(k.dep_ in ("aux", "auxpass", "aux:pass", "neg", "mark") or k.lower_ in _NEG for k in tok.children):
        return False
    if noun.head.lower_ in grammar_words("small_clause_verbs"):
        return False     # "wants the sanctions lifted": wished, not done
    return not any(k.lower_ in grammar_words("participle_breaks") for k in noun.children if k.i < noun.i)


def own_clause(c, parse) -> None:
    """"calls for a withdrawal from the zone it occupies": a relative clause with a subject of its
    own is outside the modal scope of the clause it modifies; only its own modal makes it hypothetical.
    A participle describing a noun ("will not lift the sanctions imposed on X") tells a past act
    outside that scope too: the parse confirms or undoes what the rules (set_flags) read."""
    tok = next((t for t in parse if t.idx == c.start), None)
    if c.pattern.pos != "verb":
        if upcoming_gathering(tok):
            c.hypothetical = True   # "the summit would produce X": still to come
        return
    _clause_of_its_own(c, tok)
    if tok is not None and not c.negated and negative_subject(tok):
        c.negated = True    # "none of the diplomats were killed": the subject counts no one
    if tok is not None and means_of_modal(tok):
        c.hypothetical = True   # "by offering X a seat, Y would show ...": the means of an unreal act
    if tok is not None and _claimed(tok):
        c.hypothetical = True   # "allegations that he assaulted X": only claimed (only_possible)
    if future_time_clause(tok):
        c.hypothetical = True   # "once X arrives, they will begin ...": still to come
    if unasserted_clause(tok):  # "in the hopes that X will endorse Y": hoped for, stated by no party
        c.hypothetical, c.unstated = True, True


def _claimed(tok) -> bool:
    """The verb heads the that-clause the parse hangs on a noun of grammar.json possibility_nouns."""
    return tok.head.i < tok.i and tok.head.lower_ in grammar_words("possibility_nouns") \
        and any(ch.dep_ == "mark" and ch.lower_ == "that" for ch in tok.children)



def _clause_of_its_own(c, tok) -> None:
    """own_clause's reading of the parse (its docstring)."""
    described = tok is not None and _described(tok)
    if tok is not None and c.clause_flags is not None and not described:
        c.negated, c.hypothetical = c.clause_flags     # the rules' reading, which the parse does not share
        c.clause_flags = None
        c.attributive = c.attributive and tok.lower_ not in grammar_words("approval_participles")
    elif described and c.clause_flags is None and (c.negated or c.hypothetical):
        c.clause_flags = (c.negated, c.hypothetical)
        c.negated = any(k.lower_ in _NEG for k in tok.head.children if k.i < tok.head.i)
        c.hypothetical = False
    # "hackers sanctioned by the state": approved by it, no act of sanctioning
    c.attributive = c.attributive or (described and tok.lower_ in grammar_words("approval_participles"))
    if c.clause_flags is not None:
        c.background = True
        if c.actor is not None and c.actor.start < tok.head.idx and not any(f.startswith("v.pass") for f in c.frames):
            c.actor = None      # "urged the release of men arrested in X": the subject before did not arrest them
    if unstated_intent(tok):     # "a bill that would ban X": no party states it (c.unstated: apply_modality)
        c.hypothetical, c.unstated = True, True
        return
    if not c.hypothetical:
        return
    if outside_other_scope(tok):
        c.hypothetical = False      # "X took months to plan, and Y were sent": a clause of its own
        return
    if tok is None or tok.dep_ not in ("relcl", "acl:relcl"):
        return
    kids = list(tok.children)
    if any(k.dep_ in ("nsubj", "nsubjpass") for k in kids) and not any(
            k.dep_ in ("aux", "mark", "advmod") and (k.lower_ in _MODAL or k.lower_ == "to") for k in kids):
        c.hypothetical = False


def _noun_event_modality(c, low: list[str]) -> None:
    """"pledged aid to X", "threatened sanctions": a noun event that a verb of intention or threat
    governs is that intention or threat (03x / 13x) where modality.tsv maps its act; else it stays."""
    found = noun_modality(low, c.tok, c.end_tok)
    if found is None or conditional(low, c.tok) or c.negated:
        return
    m = recode(c.pattern.code, found[0])
    if m.code and m.code != c.pattern.code:
        c.modality_marker, c.hypothetical, c.modality, c.modality_row = found[1], False, m.kind, m.row
        c.intended, c.pattern = c.pattern.code, replace(c.pattern, code=m.code)


def narrated_obligation(low: list[str], k: int) -> bool:
    """"riot police had to use tear gas": a past obligation (grammar.json past_obligation_verbs) before
    "to" that the narrator tells, no speech verb before it in the sentence, was met; after one ("X said
    Y had to withdraw") it is a backshifted demand."""
    return low[k] in grammar_words("past_obligation_verbs") and k + 1 < len(low) and low[k + 1] == "to" \
        and not any(w in _SPEECH_VERBS for w in low[:k])


def only_possible(low: list[str], s: int, i: int, noun: bool) -> bool:
    """The act is only possible or only claimed: a noun trigger in the "of" phrase of a noun of
    grammar.json possibility_nouns, with at most three modifiers between ("the possibility of a
    meeting", "the threat of NATO air strikes"), or a verb opening the that-clause of one ("allegations
    that he assaulted X")."""
    nouns = grammar_words("possibility_nouns")
    if not noun:
        return s > 1 and low[s - 1] == "that" and low[s - 2] in nouns
        # (the parse may read it as a clause of its own: _claimed)
    for k in range(i - 1, max(s - 1, i - 5), -1):
        if low[k] == "of":
            return k > 0 and low[k - 1] in nouns
        if not (low[k].isalpha() or "-" in low[k]) or low[k] in _MODAL or low[k] in grammar_words("subordinators"):
            return False
    return False

