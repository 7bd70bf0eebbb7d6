"""Closed word classes, token patterns and pseudo-cues of the attribution stage.

The word classes are ``resources/attribution/word_classes.json``; months, weekdays and
abbreviations are the project's lists (:mod:`dateline.lang`).
"""
from __future__ import annotations

import json
import re

from dateline import lang
from dateline.extract.attribution_lexicon import Cue
from dateline.resources import path


def _alt(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


_QMARKS = {"``", "''", "“", "”", '"', "«", "»", "„"}
_SMARKS = {"‘", "’", "'"}   # single marks: quotation marks only in headline quote groups


# --- closed word classes (grammar, not lexicon): resources/attribution/word_classes.json -----
def _word_classes() -> dict[str, list[str]]:
    data = json.loads(path("attribution", "word_classes.json").read_text(encoding="utf-8"))
    return {k: v["words"] for k, v in data.items() if not k.startswith("_")}


_WORDS = _word_classes()
_MONTHS = {m.lower() for m in lang.months()}
_WEEKDAYS = {d.lower() for d in lang.full_weekdays()}
_DET = set(_WORDS["det"])
_POSS = set(_WORDS["poss"])
_AUX = set(_WORDS["aux"])
_BE = set(_WORDS["be"])
_ADV = set(_WORDS["adv"])
_TIME = set(_WORDS["time"]) | _WEEKDAYS
_CLAUSE = set(_WORDS["clause"])
_PREP_IN_NP = set(_WORDS["prep_in_np"])
_PREP = set(_WORDS["prep"])
_PLURAL_BARE = set(_WORDS["plural_bare"])
_DASHES = set(_WORDS["dashes"])
_SUBJ_PRON = set(_WORDS["subj_pron"])
_OBJ_PRON = set(_WORDS["obj_pron"])
_APPOS_START = set(_WORDS["appos_start"])
_PART_BEFORE = set(_WORDS["part_before"])
_ADJUNCT_START = set(_WORDS["adjunct_start"]) | _MONTHS | _WEEKDAYS
_STOP_MID = set(_WORDS["stop_mid"])
_END_PUNCT = set(".!?;:,")


def _is_word(t: str) -> bool:
    return t[:1].isalnum()


_CLITIC = re.compile(_alt(_WORDS["clitic_hosts"]).replace("(?:", "(", 1) + "['’]" + _alt(_WORDS["clitic_suffixes"]))
# the words _CLITIC matches whole, each with its host (the group before the apostrophe): a look-up
# instead of a match per word with an apostrophe
_CLITIC_HOSTS = {h + a + x: h for h in _WORDS["clitic_hosts"] for a in "'’" for x in _WORDS["clitic_suffixes"]}
# a sentence split after a title before a name ("Sen.") or an initial is glued back
_ABBR_END = re.compile(r"(?:\b" + _alt(lang.abbreviations("glue")) + r"\.|\b[A-Z]\.)$")
_CONNECTIVE = set(_WORDS["connective"])
_ADJ_PREP = set(_WORDS["adjunct_prep"])
_CLAUSE_STOP = set(_WORDS["clause_stop"])
_NAMING = set(_WORDS["naming"])
_SHORT_Q_BAD_PREV = set(_WORDS["short_quote_bad_prev"])
_TITLE_SMALL = set(_WORDS["title_small"])
_IRREGULAR_PAST = set(_WORDS["irregular_past"])
_NOT_VERB_ED = set(_WORDS["not_verb_ed"])
_COORD = set(_WORDS["coord"])
_COORD_STRONG = set(_WORDS["coord_strong"])
_ADJ_OK = set(_WORDS["adjunct_ok"])
# a short time expression after a cue ("on Tuesday", "earlier this month"), over lower-case words
_T = {k: _alt(_WORDS[k]) for k in ("time_day_before", "time_day_after", "time_rel_before", "time_rel",
                                    "time_rel_unit", "time_deictic", "time_deictic_rel", "time_deictic_unit")}
_TIME_RE = re.compile(
    rf"(?:{_T['time_day_before']} )?{_alt(sorted(_WEEKDAYS))}(?: {_T['time_day_after']})?\b"
    rf"|(?:{_T['time_rel_before']} )?{_T['time_rel']} {_T['time_rel_unit']}\b"
    rf"|{_T['time_deictic']}\b(?: {_T['time_deictic_rel']} {_T['time_deictic_unit']})?")
# the words _TIME_RE's matches can open with (the first word of each listed phrase): a match needs a
# word starting with one of them
_TIME_RE_FIRST = tuple(sorted({w.split()[0] for w in (*_WORDS["time_day_before"], *_WEEKDAYS, *_WORDS["time_rel_before"],
                                                       *_WORDS["time_rel"], *_WORDS["time_deictic"]) if w.split()}))
_SUBORD_PREP = set(_WORDS["subord_prep"])
_SUBORD = set(_WORDS["subord"])
_WH = set(_WORDS["wh"])
_LEAD_DROP = set(_WORDS["lead_drop"])
_RELATIVE_OPENERS = set(_WORDS["relative_openers"])
_ING_CLAUSE_OPENERS = frozenset(_WORDS["ing_clause_openers"])
_AND_BUT = frozenset(_WORDS["and_but"])
_COMMA_ING_CLAUSE_OPENERS = frozenset(_WORDS["comma_ing_clause_openers"])
_CLAUSE_LEAD = frozenset(_WORDS["clause_lead"])
_AMBIGUOUS_OBJ_PRON = frozenset(_WORDS["ambiguous_obj_pron"])
_AFTER_PRON_ADDRESSEE = frozenset(_WORDS["after_pron_addressee"])
_AFTER_ADDRESSEE = frozenset(_WORDS["after_addressee"])
_NEW_SUBJECT_DET = frozenset(_WORDS["new_subject_det"])
_INDEFINITE_ARTICLES = frozenset(_WORDS["indefinite_articles"])
_ON_AT = frozenset(_WORDS["on_at"])
_RELATIVE_SUBJECTS = frozenset(_WORDS["relative_subjects"])
_CLAUSE_BREAKS = frozenset(_WORDS["clause_breaks"])
_ADJUNCT_END = frozenset(_WORDS["adjunct_end"])
_ADJUNCT_DET = frozenset(_WORDS["adjunct_det"])
_AFTER_QUOTED_ADDRESSEE = frozenset(_WORDS["after_quoted_addressee"])
_AUX_NO_VERB = frozenset(_WORDS["aux_no_verb"])
_RELATIVE_PRON = frozenset(_WORDS["relative_pron"])
_RELATIVE_OPENERS_ALL = frozenset(_WORDS["relative_openers_all"])
_APPOSITIVE_OPENERS = frozenset(_WORDS["appositive_openers"])
_LEAD_CONNECTIVES = frozenset(_WORDS["lead_connectives"])
_AND_BUT_COMMA = frozenset(_WORDS["and_but_comma"])
_NOUN_CUE_NEXT = frozenset(_WORDS["noun_cue_next"])
_AS_PARTICIPLES = frozenset(_WORDS["as_participles"])
_RAISING_BAD_NEXT = frozenset(_WORDS["raising_bad_next"])
_RELATIVE_OBJECT_END = frozenset(_WORDS["relative_object_end"])
_RAISING_END = frozenset(_WORDS["raising_end"])
_ASKED_OPENERS = frozenset(_WORDS["asked_openers"])
_TITLE_COLON_SMALL = frozenset(_WORDS["title_colon_small"])
_THAT_WHICH = frozenset(_WORDS["that_which"])
_NP_OPENING_DET = frozenset(_WORDS["np_opening_det"])
_NP_LEAD_DROP = frozenset(_WORDS["np_lead_drop"])
_PLURAL_PRON = frozenset(_WORDS["plural_pron"])
_WEEKDAY_BEFORE = frozenset(_WORDS["weekday_before"])
_APPOSITIVE_STOP = frozenset(_WORDS["appositive_stop"])
_INDEFINITE = frozenset(_WORDS["indefinite"])
_VERB_QUOTE_SUBJECT_BEFORE = frozenset(_WORDS["verb_quote_subject_before"])
_VERB_QUOTE_BAD_SUBJECT = frozenset(_WORDS["verb_quote_bad_subject"])
_PASSIVE_CHANNEL_PREPS = frozenset(_WORDS["passive_channel_preps"])
_PASSIVE_AS = frozenset(_WORDS["passive_as"])
_COORD_AND = frozenset(_WORDS["coord_and"])
_SUBORDINATORS = frozenset(_WORDS["subordinators"])
_NAME_PARTICLES = frozenset(_WORDS["signature_name_particles"])
_FRONTED_ADVERBIALS = frozenset(_WORDS["fronted_adverbials"])
_HEADLINE_LABELS = frozenset(_WORDS["headline_labels"])
_ROLE_GENDER = {**{w: "m" for w in _WORDS["masculine_roles"]}, **{w: "f" for w in _WORDS["feminine_roles"]}}
_COLON_CUE = Cue(":", "neutral", frozenset({"that"}), "speech")
_VERB_CUE = Cue("verb", "neutral", frozenset({"obj"}), "speech")
_QUOTE_CUE = Cue('"', "neutral", frozenset({"that"}), "speech")
UNCUED_MIN_WORDS = 2
