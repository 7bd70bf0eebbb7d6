"""The modal scope of a clause as the dependency parse draws it.

The rules (extract.modality set_flags) read a modal word anywhere before the trigger in its stretch of
the sentence; a clause with a subject and a tense of its own that is coordinated with the main clause
("the plan took months to finish, and the fighters were sent") or is the main clause itself is outside
the scope of a modal, condition or infinitive of another clause: only its own auxiliaries and
markers make it hypothetical. Word lists: ``resources/cameo/modality_words.tsv``.
"""
from __future__ import annotations

import functools

from .. import lang
from ..resources import read_tsv
from .dating_parse import _links as _parse_links      # (present_tags: the one list of present-tense tags)
from .event_lexicon import _MODAL, grammar_words


@functools.lru_cache(maxsize=1)
def scope_words() -> dict[str, frozenset[str]]:
    """list name -> its words (modality_words.tsv)."""
    out: dict[str, set[str]] = {}
    for r in read_tsv("cameo", "modality_words.tsv"):
        out.setdefault(r["list"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in out.items()}


def _unreal_words() -> frozenset[str]:
    return frozenset(_MODAL) | grammar_words("modal_auxiliaries") | grammar_words("hedges") \
        | grammar_words("conditions")


def _finite_own_clause(tok) -> bool:
    """``tok`` heads a tensed clause with its own subject and no modal auxiliary, marker or
    infinitival "to" of its own."""
    w = scope_words()
    kids = list(tok.children)
    if not any(k.dep_ in w["subject_deps"] for k in kids):
        return False
    unreal = _unreal_words()
    if any(k.dep_ == "mark" or (k.dep_.startswith("aux") and (k.lower_ in unreal or k.lower_ == "to"))
           for k in kids):
        return False
    return tok.tag_ in w["finite_tags"] or any(
        k.dep_.startswith("aux") and k.tag_ in w["finite_tags"] for k in kids)


def outside_other_scope(tok) -> bool:
    """The verb ``tok`` is asserted by its own clause: a finite clause with its own subject that is the
    main clause or a conjunct of it (joined by "and", "but", "yet": modality_words clause_coordinators),
    with no modal word between the coordinator and the verb ("and Y may yet retaliate")."""
    if tok is None or not _finite_own_clause(tok):
        return False
    if tok.dep_ == "ROOT":
        return not any(t.lower_ in _unreal_words() for t in tok.doc[tok.sent.start:tok.i]
                       if t.head is tok or t.head.head is tok)
    if tok.dep_ != "conj":
        return False
    head = tok.head
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ != "ROOT" or any(k.dep_ == "mark" for k in head.children):
        return False
    cc = [k for k in tok.children if k.dep_ == "cc" and k.i < tok.i]
    if not cc or cc[-1].lower_ not in scope_words()["clause_coordinators"]:
        return False
    return not any(t.lower_ in _unreal_words() for t in tok.doc[cc[-1].i + 1:tok.i])


def _subject(tok):
    """The active subject of ``tok``; for a relative clause whose subject is the relative pronoun
    ("a bill that would ban ..."), the noun the clause modifies."""
    subj = next((k for k in tok.children if k.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and tok.dep_ in ("relcl", "acl:relcl"):
        return tok.head
    return subj


def unstated_intent(tok) -> bool:
    """"will"/"would" on ``tok`` states no party's intention: its subject is a measure or a course of
    action ("a bill that would ban X", "the move will anger Y": modality_words nonagent_subjects), or
    its clause is the complement of a verb of forecast or finding ("polls show X would win":
    prediction_verbs). The act is what might come, hypothetical, not a 03x/13x statement."""
    if tok is None or not any(k.dep_.startswith("aux") and k.lower_ in grammar_words("intent_auxiliaries")
                              for k in tok.children):
        return False
    w = scope_words()
    subj = _subject(tok)
    if subj is not None and subj.lower_ in w["nonagent_subjects"]:
        return True
    head = tok
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ == "ccomp" and head.head.lower_ in w["prediction_verbs"]


_SUBJECT_DEPS = lang.dep_labels("any_nominal_subject")


def negative_subject(tok) -> bool:
    """The verb's subject (a coordinated verb's: "none were killed or hurt") is a word of grammar.json
    negative_subjects ("none of the diplomats", "neither of them")."""
    h = tok
    while h.dep_ == "conj" and h.head is not h and not any(ch.dep_ in _SUBJECT_DEPS for ch in h.children):
        h = h.head
    return any(ch.dep_ in _SUBJECT_DEPS and ch.lower_ in grammar_words("negative_subjects") for ch in h.children)


def means_of_modal(tok) -> bool:
    """A gerund of means ("by offering X a seat", grammar.json means_prepositions) on a verb with a modal
    auxiliary of its own ("Y would show", "Y could provoke"): the means of an act that has not happened."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "pcomp", "prep") or tok.head is tok:
        return False
    means = grammar_words("means_prepositions")
    if not any(ch.lower_ in means for ch in tok.children) and not (tok.i > 0 and tok.doc[tok.i - 1].lower_ in means):
        return False
    return any(ch.dep_ == "aux" and ch.lower_ in grammar_words("modal_auxiliaries") for ch in tok.head.children)


def future_time_clause(tok) -> bool:
    """``tok`` heads a clause of time (modality_words future_clause_marks: "once X arrives", "when he
    visits", "when visiting") that tells an act not (yet) done: a verb in the simple present on a verb
    with an auxiliary of the future (grammar.json intent_auxiliaries: "will", "would"), or a gerund with
    no subject of its own on a verb of the future, of a modal or imperative (base form: "take care when
    visiting X", "should call before leaving") or of the present (what is done whenever it happens)."""
    if tok is None or tok.dep_ not in lang.dep_labels("adverbial_clause"):
        return False
    subject = any(k.dep_ in _SUBJECT_DEPS for k in tok.children)
    gerund = tok.tag_ == "VBG" and not subject
    # (the event verb heading a clause with a subject of its own, tagged a plural noun: "once Putin
    # arrives" misread, its -s is the present's)
    present = tok.tag_ in _parse_links("present_tags") or (tok.tag_ in scope_words()["misread_present_tags"] and subject)
    if not gerund and not present:
        return False
    if not any(k.dep_ in ("mark", "advmod") and k.lower_ in scope_words()["future_clause_marks"] and k.i < tok.i
               for k in tok.children):      # ("when" is the clause's adverb in UD, "once" its marker)
        return False
    head = tok.head
    if any(k.dep_.startswith("aux") and k.lower_ in grammar_words("intent_auxiliaries") for k in head.children):
        return True
    return gerund and (head.tag_ == "VB" or head.tag_ in _parse_links("present_tags"))


_NEGATION = grammar_words("negation")


def _negated_word(w) -> bool:
    """A negation on ``w`` ("do not believe", "no evidence"), or on the noun its infinitive or clause
    hangs on ("no reason to believe")."""
    if any(k.lower_ in _NEGATION for k in w.children):
        return True
    return w.dep_ in ("acl", "xcomp") and w.head is not w and w.head.tag_.startswith("NN") \
        and any(k.lower_ in _NEGATION for k in w.head.children)


def _clause_head(tok):
    """The head of the clause ``tok`` stands in: up through coordination and through an infinitive
    ("plan to strike": the clause of "plan"), at most four steps."""
    h = tok
    for _ in range(4):
        if h.dep_ == "conj" or (h.dep_ in ("xcomp", "acl") and any(
                k.dep_ == "mark" and k.lower_ == "to" for k in h.children) and h.head.tag_.startswith("VB")):
            h = h.head
        else:
            break
    return h


def unasserted_clause(tok) -> bool:
    """``tok`` stands in the complement clause of a word of hope or expectation ("in the hopes that the
    platform will endorse X", "expect that the army will withdraw"), of a negated word of belief or
    evidence ("there is no reason to believe that X plan to strike") or of doubt ("doubt that X will
    attack"; modality_words hope_heads, belief_heads, doubt_heads): its act is hoped for or doubted, not
    reported, and no party states it. A clause whose subject is a pronoun after a verb of hope with a
    subject of its own ("Iran hopes it will sign") is that party's own intention and stays."""
    if tok is None:
        return False
    h = _clause_head(tok)
    w, words = h.head, scope_words()
    if h.dep_ not in ("ccomp", "acl", "csubj") or w is h or w.i > h.i:
        return False            # (csubj: "it is unlikely that X will attack")
    if h.dep_ != "ccomp" and not any(k.dep_ == "mark" and k.lower_ == "that" for k in h.children):
        return False            # ("the hope he brought": no clause of what is hoped)
    word = w.lower_
    if word in words["hope_heads"]:
        own = w.tag_.startswith("VB") and any(k.dep_ in _SUBJECT_DEPS for k in w.children)
        return not (own and any(k.dep_ in _SUBJECT_DEPS and k.tag_ == "PRP" for k in h.children))
    if word in words["belief_heads"]:
        return _negated_word(w)
    return word in words["doubt_heads"] and not w.tag_.startswith("NN") and not _negated_word(w)


def upcoming_gathering(tok) -> bool:
    """A noun of a gathering or visit (modality_words upcoming_gathering_nouns) that is the subject of a
    verb with an auxiliary of the future and no perfect ("the summit would produce X", "the talks will
    open"): the gathering is still to come."""
    if tok is None or tok.lower_ not in scope_words()["upcoming_gathering_nouns"] \
            or tok.dep_ not in _SUBJECT_DEPS:
        return False
    verb = tok.head
    if not any(k.dep_.startswith("aux") for k in verb.children):
        # "The summit, she said, would produce X": the parse may hang the subject on the parenthetical
        # speech verb and the verb of the future on it as a clause with no subject of its own
        verb = next((k for k in verb.children if k.dep_ == "ccomp" and k.i > tok.i
                     and not any(x.dep_ in _SUBJECT_DEPS for x in k.children)), verb)
    aux = [k.lower_ for k in verb.children if k.dep_.startswith("aux")]
    return any(a in grammar_words("intent_auxiliaries") for a in aux) \
        and not any(a in grammar_words("dating_perfect_auxiliaries") for a in aux)
