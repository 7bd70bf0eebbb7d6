"""Time rules: the clause's own time expression, anchored dates ("four days after X warned"), relative shifts, dates of coreferent reports and series claims ("its 12th launch since May")."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ..record import Series, Timex
from .. import lang
from .dating import (_perfect_words, _words, after_publication, conjunction_time, describes_noun, later_verb,
                     noun_time, occasion_near, occasion_noun, occasion_time, reason_preposition, recent_period,
                     told_as_done, OCCASION_LAST, OCCASION_LEAD)
from .dating_clause import (modifier_chain, noun_modifier_time, noun_own_time, occasion_object, own_times,
                            participle_time, subject_noun_times, told_as_distinct)
from .dating_parse import attached_time, parse_times
from .dating_story import headline_dates, reacted_object, same_doer
from .event_index import SeriesLookup, TimexIndex, by_sentence, series_phrases
from .event_index import series_pattern as _series_pattern  # noqa: F401 (the name the tests read)
from .lexicon import is_past_form, is_participle, singular
from .regexes import regex
from .event_lexicon import (_Cand, _IMPLICATIVE, _NEG_VERBS, _ORDINALS, _PREPS, _SERIES_MODIFIERS, _base_verbs,
                            grammar_words)


_TIME_REPORT_VERBS = lang.speech_verbs_for("time_report")   # a time right after one is the report's
_CLAUSE_OPEN_VERBS = lang.speech_verbs_for("clause_open")   # they open a reported clause
def clause_scopes(low: list[str], timex_spans) -> list[int]:
    """Each token's clause for dating: the token index of the latest clause opener before it ('since',
    'because', 'but' ..., or 'who', 'which' after a comma), whose clause runs to the next comma,
    dash, colon or semicolon; -1 for the main clause. ``timex_spans``: (first, end) tokens of the
    time expressions. An opener right before a time expression is its preposition ('since May'),
    nor one after an auxiliary ("has since rebuffed"); a restrictive relative clause ("the bombs
    which killed ...") is part of the clause around it, as are a bracket's content ("X (Ky.)") and
    the comma of a date ("Aug. 7, 1998")."""
    openers, closers = grammar_words("dating_clause_openers"), grammar_words("dating_scope_closers")
    relatives, adverbial = grammar_words("dating_relative_openers"), grammar_words("dating_opener_adverbial_after")
    starts = {a for a, _ in timex_spans}
    inside = {x for a, b in timex_spans for x in range(a + 1, b)}
    out, cur, depth = [], -1, 0
    for k, w in enumerate(low):
        depth += (w == "(") - (w == ")" and depth > 0)
        if depth or w == ")" or k in inside:
            pass
        elif w in closers:
            cur = -1
        elif w in relatives and (k and low[k - 1] in closers or k > 1 and low[k - 2] in closers and low[k - 1] in _PREPS
                                 or _comma_closed(low, k)):
            cur = k       # ", who ...", ", in which ...", "X, a lawmaker who ... in 1998, ..."
        elif w in openers and k + 1 not in starts and not (k and low[k - 1] in adverbial):
            cur = k
        out.append(cur)
    return out


def _comma_closed(low: list[str], k: int) -> bool:
    """Does the relative clause opened at token k end an apposition set off by commas ("X, a lawmaker
    who was elected in 1998, criticized Y"), so what follows the closing comma is the clause around
    it? (A relative clause with no comma before it runs into the predicate: "the militants who seized
    the town were killed", "the bombs which killed ten, including two, on Aug. 7".)"""
    closers = grammar_words("dating_scope_closers")
    before = next((x for x in range(k - 1, -1, -1) if low[x] in closers), None)
    end = next((x for x in range(k + 1, len(low)) if low[x] in closers), None)
    return before is not None and end is not None and low[before] == low[end] == "," \
        and end + 1 < len(low) and low[end + 1][:1].isalpha()


@dataclass
class _SentenceTimes:
    """What dating a sentence's events reads: its tokens, its calendar time expressions with their
    first token, each token's clause (``clause_scopes``) and the article's time index."""
    text: str
    toks: list
    low: list[str]
    range: tuple[int, int]
    timexes: list          # (Timex, first token, end token, the date it gives)
    scope: list[int]
    index: object          # event_index.TimexIndex


def _utterance_time(c, low: list[str], k: int | None) -> bool:
    """Does the time expression at token ``k`` date an utterance whose content holds the hypothetical
    act ``c`` ("warned on Monday that a strike could hurt trade": a word of dating words.json
    content_openers lies between them)? Not an intention folded into its marker ("pledged on Monday
    to withdraw")."""
    if not c.hypothetical or c.modality or k is None or not 0 <= k < c.tok <= len(low):
        return False
    return any(w in _words("content_openers") for w in low[k + 1:c.tok])


# how many words after a planned act the occasion it is tied to may lie ("plans to stage a protest to win
# her a place in Monday night's debate")
_PLAN_OCCASION_REACH = 10


def _plan_occasion(c, sent: "_SentenceTimes"):
    """The time of the occasion a planned act (hypothetical, no stated intention or threat, which is
    dated by its statement) is tied to: a day that dates an occasion noun (``dating.occasion_noun``)
    after the trigger, with no clause break, relative pronoun or verb told as done between ("plans to
    stage a protest to win her a place in Monday night's debate")."""
    if not c.hypothetical or c.modality or c.negated or c.pattern.pos != "verb":
        return None
    low = sent.low
    stops = grammar_words("dating_scope_closers") | grammar_words("relative_pronouns") | {"that"}
    for t, k, _, value in sent.timexes:
        if not 0 <= k - c.end_tok <= _PLAN_OCCASION_REACH or len(value) < 10 or not value[:4].isdigit():
            continue
        if not occasion_noun(sent.text, t) or not noun_time(sent.text, t, low[k - 1]):
            continue
        if not any(w in stops or is_past_form(w) for w in low[c.end_tok:k]):
            return t, value[:10]      # (the occasion's day: the act is tied to it, not to its hour)
    return None


# how many words the noun a relative clause describes may span between its time and the pronoun ("the
# January 1998 bombing of a clinic in Lima that killed ...")
_ANTECEDENT_REACH = 9


def _antecedent_time(c, sent: "_SentenceTimes"):
    """The time of the noun a relative clause opens on, for its verb ``c`` ("the 1996 bombing that
    killed one person": the bombing's year is the killing's): a time that dates a noun
    (``dating.noun_time``) a few words before "that" or "which" right before the verb, no verb or
    clause break between."""
    i, low = c.tok, sent.low
    if c.pattern.pos != "verb" or i < 2 or low[i - 1] not in ("that", "which") or c.hypothetical or c.modality:
        return None
    stops = grammar_words("dating_scope_closers") - {","}
    for t, k, n, value in reversed(sent.timexes):
        if n <= i - 1 and i - 1 - n <= _ANTECEDENT_REACH and value[:1].isdigit() \
                and noun_time(sent.text, t, low[k - 1] if k else "") \
                and not any(w in stops or is_past_form(w) for w in low[n:i - 1]):
            return t, value
    return None


class TimeRules:
    """Methods of EventExtractor (extract.events)."""

    def _date_clauses(self, cands, text, sentences, sent_toks, timexes, published=None) -> None:
        """Date each dictionary event by its own clause's time (``_own_time``); an intention folded into its
        marker ("pledged on Monday to withdraw") takes the marker's; "over the past few days", its period."""
        index = self._times_index(timexes)
        for si, lst in by_sentence(cands).items():
            toks, low = sent_toks[si]
            ss, se = sentences[si]
            found = [(t, k, self._tok_at(toks, t.end) or len(toks), v) for t in index.starting_in(ss, se)
                     if (v := t.value if t.type in ("DATE", "TIME") else recent_period(t, published))
                     and (k := self._tok_at(toks, t.start)) is not None]
            # ("the Dec. 21, 1988, bombing": a full date's closing comma is the date's, before its noun)
            if not found:
                self._timeless_clauses(lst, low)
                continue
            found = [(t, k, n + (n < len(low) - 1 and low[n] == "," and noun_time(text, t, low[k - 1] if k else "")),
                      v) for t, k, n, v in found]
            sent = _SentenceTimes(text, toks, low, (ss, se), found,
                                  clause_scopes(low, [(k, n) for _, k, n, _ in found]), index)
            verbs = [c.tok for c in lst if c.pattern.pos == "verb" and c.tok >= 0]
            whole = sent
            linked = self._parse_times(si, lst, whole)
            for c in lst:
                if c.tok < 0 or (c.date is not None and c.date_from != "timex"):
                    continue        # a speech act (dated by its statement), or dated otherwise
                # the parse's dating model: a time it attaches to another happening's predicate is not c's
                foreign, attached = linked.get(id(c), ((), ()))
                sent = replace(whole, timexes=[x for x in whole.timexes if x[0].id not in foreign]) if foreign else whole
                # "criticized X on Tuesday for shooting Y": the reason's act is before the verb's time
                reason = reason_preposition(low, c.tok, c.pattern.pos)
                # "Iran Saturday condemned the bombing": the act reacted to is before the reaction's time
                reacted = reason is None and reacted_object(low, c.tok, c.pattern.pos)
                own = own_times(c, sent, published)
                t = noun_own_time(c.tok, sent) if reacted else \
                    self._own_time(c.tok, c.end_tok, c.pattern.pos, own, verbs, reason or 0)
                if reacted and t is None and any(k < c.tok for _, k, _, _ in sent.timexes):
                    # "X Saturday condemned the attacks in Kenya Friday": a second time is the act's
                    t = self._own_time(c.tok, c.end_tok, c.pattern.pos, sent, verbs, c.tok + 1)
                m = c.modality_marker
                if t is None and reason is None and m is not None and m != c.tok and 0 <= m < len(low):
                    t = self._own_time(m, m + 1, "verb", sent, verbs)
                if t is not None and after_publication(t[1], published) and not (c.hypothetical or c.modality) \
                        and told_as_done(low, c.tok):
                    t = None      # "has invited them to a ceremony on March 12": done acts lie before publication
                if t is not None and _utterance_time(c, low, self._tok_at(toks, t[0].start)):
                    t = None      # "warned on Monday that a strike could hurt trade": the warning's day
                t = t or _plan_occasion(c, whole)     # "plans a protest at Monday's debate": the debate's day
                t = t or _antecedent_time(c, whole)   # "the 1996 bombing that killed two": the bombing's year
                if t is None and reason is None and not reacted:   # a time the parse hangs on the trigger
                    t = attached_time(own, attached, published, c.end_tok)
                if t is not None:
                    c.date, c.date_timex, c.date_from = t[1], t[0].id, "timex"
                else:
                    c.date, c.date_timex, c.date_from = None, None, None
                    c.background = c.background or reason is not None or reacted
            for c, (t, value) in subject_noun_times(lst, whole):    # "The Friday blasts killed 110"
                c.date, c.date_timex, c.date_from = value, t.id, "timex"

    @staticmethod
    def _timeless_clauses(lst, low: list[str]) -> None:
        """``_date_clauses`` for a sentence with no time to date by (each rule there picks one of them):
        no date from a time, and reasons and objects reacted to are background."""
        for c in lst:
            if c.tok < 0 or (c.date is not None and c.date_from != "timex"):
                continue
            reason = reason_preposition(low, c.tok, c.pattern.pos)
            reacted = reason is None and reacted_object(low, c.tok, c.pattern.pos)
            c.date, c.date_timex, c.date_from = None, None, None
            c.background = c.background or reason is not None or reacted

    def _parse_times(self, si: int, lst, sent: "_SentenceTimes") -> dict[int, tuple[set, set]]:
        """Per event of sentence ``si`` (by id), the ids of its times that the sentence's parse, where
        there is one, attaches to another happening's predicate and to its own trigger
        (``dating_parse.parse_times``)."""
        parse = (getattr(self, "_parses", None) or {}).get(si)
        if parse is None:
            return {}
        toks = sent.toks

        def marker(c):
            m = c.modality_marker
            return toks[m][0] if m is not None and m != c.tok and 0 <= m < len(toks) else None
        return parse_times([c for c in lst if c.tok >= 0], parse, [x[0] for x in sent.timexes], marker)

    @staticmethod
    def _same_clause_after(low, scope, j, e, k) -> bool:
        """Is the time expression at token k, after the clause the rules cut at token e, still the
        trigger's (ending at j)? Only past a word that opens no clause of its own ("blasted X as a
        disgrace on Monday") or a bracket ("a trip by X (Ky.) a month later"), with no comma or dash
        between."""
        closers = grammar_words("dating_scope_closers")
        if not (e < len(low) and low[e] in grammar_words("dating_transparent_breaks")) or scope[k] != scope[j - 1]:
            return False
        depth = 0
        for x in range(j, k):
            depth += (low[x] == "(") - (low[x] == ")" and depth > 0)
            if not depth and low[x] in closers:
                return False
        return depth == 0

    @staticmethod
    def _when_clause(low: list[str], n: int, i: int) -> bool:
        """Is token i in a clause that a time expression ending at token n introduces ("in 1968, when
        ...")?"""
        if n < len(low) and low[n] == ",":
            n += 1
        if not (n < len(low) and low[n] in grammar_words("dating_time_relatives") and n < i):
            return False
        closers = grammar_words("dating_scope_closers")
        return not any(low[x] in closers for x in range(n + 1, i))

    def _own_time(self, i: int, j: int, pos: str, sent: "_SentenceTimes", verbs, after: int = 0) \
            -> tuple[Timex, str] | None:
        """The time expression of the clause of trigger tokens i..j (not a duration, not "since X",
        not after a speech verb, not one modifying a noun, not one of another clause, none before
        token ``after``: the reason of a verb of judgement, ``dating.reason_preposition``)."""
        text, toks, low, scope = sent.text, sent.toks, sent.low, sent.scope
        s, e = self._clause_bounds(toks, low, i, j, verbs)
        a = toks[s][0] if s < len(toks) else sent.range[0]
        b = toks[e - 1][1] if 0 < e <= len(toks) else sent.range[1]
        start, end = toks[i][0], toks[j - 1][1]
        # "said Saab had been kidnapped": a past perfect happened before the time the sentence names
        perfect = pos == "verb" and "had" in low[max(s, i - 3):i]
        best = None
        # "... in 2018, and talk may simmer down now that X has endorsed Y": "now that" opens the
        # trigger's clause, so neither "now" nor a time before it is that clause's
        after = max([after] + [n + 1 for _, _, n, _ in sent.timexes if conjunction_time(low, n, i)])
        if pos == "noun" and (own := noun_modifier_time(i, sent, after)) is not None:
            return own        # "one from January 2013, when X testified on the 2011 attacks": the noun's own time
        for t, k, n, value in sent.timexes:
            if k < after:
                continue      # the time of the verb whose reason the act is, or of the clause before "now that"
            if pos == "noun" and n <= i and any(low[x] in grammar_words("relative_pronouns") for x in range(n, i)):
                continue      # "met on Wednesday to finish talks that were interrupted by the bombing": not its time
            if self._when_clause(low, n, i):
                best = ((False, -1), (t, value))    # "from 1968, when the Soviets invaded ...": its time
                break
            if k > j and pos == "verb" and low[i] not in _NEG_VERBS | _IMPLICATIVE and any(
                    low[x] == "to" and x + 1 < k and toks[x + 1][2] in _base_verbs() for x in range(j, k)):
                continue      # "agreed to hold an election in 2024": the time of the complement's event
            if k > j and pos == "verb" and any(low[x] in grammar_words("relative_pronouns") for x in range(j, k)):
                continue      # "a feud that has gone ... to, now, a truce": the time of the relative clause's verb
            if k > j and later_verb(low, j, k):
                continue      # "X, gained by buying shares, will lapse at the end of May": the later verb's
            if k > j and pos == "verb" and participle_time(low, j, k):
                continue      # "accused X over a raid carried out last week": the participle's time
            prevw, occasion = low[k - 1] if k else "", 0
            prev2 = low[k - 2] if k > 1 else ""
            if pos == "noun" and n <= i and modifier_chain(low, n, i) and noun_time(text, t, prevw):
                best = ((False, -1), (t, value))   # "since the January 1998 bombing": the noun's own time
                break
            if prevw in grammar_words("span_prepositions") or prev2 == "since":
                continue
            if prevw in _TIME_REPORT_VERBS or (prev2 in _TIME_REPORT_VERBS and prev2 != "added"):
                continue
            if noun_time(text, t, prevw):
                if n == i or (pos == "verb" and i == n + 1 and is_participle(low[i])) or (
                        n < i and modifier_chain(low, n, i) and not is_past_form(low[i])):
                    best = ((False, -1), (t, value))   # "the Aug. 7 bombings", "the Feb. 23 accord signed by"
                    break
                if not (occasion_time(text, t, prevw, prev2, k <= OCCASION_LEAD) and occasion_near(j, k, low)
                        or pos == "verb" and occasion_object(text, t, low, i, j, k)):
                    continue  # "the 1994 genocide", "last year's vote": the time of a noun, not of the clause
                # ("clashed during Monday's debate", "At Monday's debate, X ...": the occasion's time is
                # the act's, after any other time of the clause)
                occasion = OCCASION_LAST
            if scope[k] != scope[i]:
                continue      # "X, who ... in February, blasted Y", "fired ... since Z was expelled on Monday"
            if k < i and pos == "verb" and all(x != i for _, _, x, _ in sent.timexes) and describes_noun([w for _, _, w in toks], i):
                continue      # "was expelled on Monday over killings blamed on X": the expulsion's day
            inside = a <= t.start < b
            if not inside and t.start > start and not self._same_clause_after(low, scope, j, e, k):
                continue      # a later clause's time belongs to that clause
            if perfect and not inside:
                continue
            if not inside and t.start < start and any(w in _CLAUSE_OPEN_VERBS for w in low[n:s]):
                continue      # "X, in a speech on Tuesday, said Y attacked": the report's time, not the act's
            if not inside and self._in_anchor(t, sent.index.ending_in(t.start - 120, t.start), text):
                continue
            dist = min(abs(t.start - start), abs(t.end - end))
            key = (not inside, dist + occasion)
            if best is None or key < best[0]:
                best = (key, (t, value))
        return best[1] if best else None

    @staticmethod
    def _in_anchor(t: Timex, timexes, text) -> bool:
        """A time expression inside '<duration> after ...' is not the main clause's time."""
        before = text[max(0, t.start - 120):t.start]
        return bool(regex("cameo", "anchor_clause").search(before)) and any(
            d.type == "DURATION" and d.end <= t.start and regex("cameo", "anchor_after_duration").match(
                text[d.end:d.end + 8])
            and t.start - d.end < 120 for d in timexes)

    def _anchor_dates(self, cands, text, sentences, sent_toks, timexes, published) -> None:
        """'<duration> after|before <clause>': the clause's events get the main event's date -/+ duration."""
        from .dating import event_shift as shift_value  # the time stage's arithmetic, at the duration's precision

        self._date_clauses(cands, text, sentences, sent_toks, timexes, published)
        by_sent: dict[int, list[_Cand]] = {}
        for c in cands:
            by_sent.setdefault(c.sent, []).append(c)
        index, focus = self._times_index(timexes), None
        for si, lst in by_sent.items():
            toks, low = sent_toks[si]
            ss, se = sentences[si]
            for t in index.starting_in(ss, se):
                if t.type != "DURATION":
                    continue
                k = self._tok_at(toks, t.end)
                if k is None or k >= len(low) or low[k] not in grammar_words("anchor_words"):
                    continue
                focus = focus or _Focus(cands, timexes)   # (no step here changes what it is made of)
                if low[k] in grammar_words("anchor_adverbs"):
                    self._shift_relative(t, low[k], lst, focus, published, shift_value, text)
                    continue
                self._anchor_clause(t, k, lst, toks, low, focus, published, shift_value)
        self._coref_dates(cands, sent_toks)
        headline_dates(cands)     # (again after the story's days: dating_bounds.bound_dates)


    def _times_index(self, timexes) -> TimexIndex:
        """The article's ``TimexIndex``, made once by ``extract``, when ``timexes`` is its list."""
        index = getattr(self, "_timex_index", None)
        return index if index is not None and index.timexes is timexes else TimexIndex(timexes)

    def _anchor_clause(self, t: Timex, k: int, lst, toks, low, focus: "_Focus", published, shift_value) -> None:
        """'<duration> after|before <clause>' (the duration ``t``, the word at token k): an event of one
        side without a time of its own is dated from the other side: the anchored clause's events by
        the main event's date -/+ the duration ("X struck Y two days after Z warned"), the main
        event by the anchored clause's time +/- the duration ("A day after Z fired on Monday, X
        struck"), where neither has one the anchored clause's by the publication day."""
        sign = -1 if low[k] == "after" else 1
        pivot = toks[k][0]
        closers = grammar_words("dating_scope_closers")
        stop = next((x for x in range(k + 1, len(low)) if low[x] in closers), len(low))
        end = toks[stop - 1][1]
        sub = [c for c in lst if pivot < c.start < end]
        main = [c for c in lst if c.end <= t.start][-1:] or [c for c in lst if c.start >= end][:1]
        if not sub and not main:
            return
        own = next((c.date for c in sub if c.date and c.date_from == "timex"), None) or next(
            (x.value for x in focus.index.starting_in(pivot + 1, end) if x.type in ("DATE", "TIME")
             and x.value[:1].isdigit()), None)
        ref = (main[0].date or focus.coref_date(main[0])) if main else None
        # (no act told as done lies after publication: "held out until two days before the deadline
        # ran out and Y declined to prolong it" gives the declining no day)
        if ref is None and own is not None:
            val = shift_value(own, t.value, -sign)
            for c in main:
                if val and c.date is None and not _done_after(c, val, published):
                    c.date, c.date_timex, c.date_from = val, t.id, "anchor"
            return
        if ref is None and not main:
            return
        val = shift_value(ref or published, t.value, sign) if (ref or published) else None
        for c in sub:
            if val and not (c.date and c.date_from == "timex") and not _done_after(c, val, published):
                c.date, c.date_timex, c.date_from = val, t.id, "anchor"

    @staticmethod
    def _shift_relative(t: Timex, word: str, lst, focus: "_Focus", published, shift_value, text: str = "") -> None:
        """'<event> a day earlier' / 'A day later, <event>': the event is dated from the time in focus
        (the latest dated event before it, else the latest date mentioned, else the publication date).
        An event before the time expression only in its clause, no comma or dash between ("If they
        fail to file, the soonest he could leave would be seven days later": not the filing's time)."""
        closers = grammar_words("dating_scope_closers")
        before = [c for c in lst if c.end <= t.start and not any(ch in closers for ch in text[c.end:t.start])]
        targets = [before[-1]] if before else [c for c in lst if c.start >= t.end][:1]
        sign = 1 if word == "later" else -1
        for c in targets:
            ref = focus.event_date(c) or focus.timex_value(min(c.start, t.start)) or published
            val = shift_value(ref[:10], t.value, sign) if ref else None
            if val and after_publication(val, published) and not (c.hypothetical or c.modality):
                continue      # "A week later, X attacked": no act reported as done lies after publication
            if val:
                c.date, c.date_timex, c.date_from = val, t.id, "relative"

    @classmethod
    def _coref_dates(cls, cands, sent_toks=None) -> None:
        """Undated events coreferent with an earlier dated one take its date (``_coref_date`` of each
        in turn), in one pass over candidates sorted by start: the latest qualifying event of a
        smaller start under (code, actor code) and (code,), in the list's order."""
        if any(a.start > b.start for a, b in zip(cands, cands[1:])):
            for c in cands:       # (not in text order: each looks back over all)
                if c.date is None and _coreferent(c, sent_toks) and (d := cls._coref_date(c, cands)):
                    c.date, c.date_from = d, "coreference"
            return
        last: dict[tuple, _Cand] = {}
        run: list[_Cand] = []
        for n, c in enumerate(cands):
            if c.date is None:
                # (an intention or threat is its statement, not the act an earlier report dated)
                kind = (c.pattern.code[:3], c.modality)
                o = last.get(kind if c.actor is None else (*kind, c.actor.code))
                if o is not None and o.date and same_doer(c, o) and _coreferent(c, sent_toks):
                    c.date, c.date_from = o.date, "coreference"
            run.append(c)
            if n + 1 == len(cands) or cands[n + 1].start != c.start:
                for o in run:     # those of one start are no earlier report of each other
                    if o.date and not o.hypothetical and o.date_from != "anchor":
                        last[(o.pattern.code[:3], o.modality)] = o
                        if o.actor is not None:
                            last[(o.pattern.code[:3], o.modality, o.actor.code)] = o
                run = []

    @staticmethod
    def _coref_date(c: _Cand, cands) -> str | None:
        """The date of the latest earlier report of the same kind of event by a compatible actor."""
        # a background event dated by an anchor ("a year after the military seized power") is not the
        # story's happening; the same kind of event means the same three-digit code
        prev = [o for o in cands if o is not c and o.start < c.start and o.date and not o.hypothetical
                and o.date_from != "anchor" and o.pattern.code[:3] == c.pattern.code[:3] and o.modality == c.modality
                and (c.actor is None or (o.actor is not None and o.actor.code == c.actor.code)) and same_doer(c, o)]
        # (a named actor's event is not dated by an actor-less report: "The missile was launched
        # at 2:55 p.m." does not date "South Korea ... staged an exercise")
        return prev[-1].date if prev else None

    def _series(self, cands, text, sentences, sent_toks, timexes) -> None:
        if all(c.hypothetical for c in cands):
            return      # a series phrase comments on a kept event that is not hypothetical: none here
        look = None
        for m in series_phrases(text):
            ordinal = int(m.group(1)) if m.group(1) else _ORDINALS[m.group(2).lower()]
            if m.group(1) and not regex("cameo", "ordinal_suffix").match(text[m.start(1):m.start(1) + 6]):
                continue
            rest = regex("cameo", "series_rest").match(text[m.end():m.end() + 80])
            if not rest or ordinal < 1:
                continue
            noun = head = singular(rest.group(2))
            # "its fifth ICBM launch": words that narrow the kind counted stay with the noun
            narrow = [w for w in rest.group(1).split() if w.lower() not in _SERIES_MODIFIERS]
            if narrow:
                noun = " ".join(rest.group(1).split() + [head])
            anchor_pos = m.end() + rest.end()
            # (made at the first phrase: the candidates' sentences and starts do not change here)
            look = look or SeriesLookup(cands, sentences, timexes)
            since = since_mod = None
            for t in look.index.starting_in(anchor_pos - 5, anchor_pos + 4)[:1]:
                since, since_mod = t.value, t.mod
            if rest.group(3).startswith(("this", "of", "last")):
                for t in look.index.starting_in(m.end(), m.end() + rest.end() + 16)[:1]:
                    since, since_mod = t.value, t.mod
            si = look.sentence(m.start())
            owners = look.in_sentences(si, si + 1)
            if not owners and si is not None:
                # "It was North Korea's 12th launch since May": the latest event of the noun's kind
                roots = {p.code[:2] for p in [*self.index.get(head, ()), *self.index.get(head + "s", ())]}
                owners = [c for c in look.in_sentences(si - 3, si) if c.pattern.code[:2] in roots][-1:]
            if not owners:
                continue
            # the event the phrase comments on: the nearest before it, else after
            before = [c for c in owners if c.end <= m.start()]
            owner = before[-1] if before else owners[0]
            mod = since_mod if since and since.startswith("P") else None
            if ordinal == 1 and since and not since.startswith("P") and rest.group(3) == "since":
                # "its first launch since May 9": the first AFTER that day's (or period's) launch
                mod = "AFTER"
            owner.series = Series(ordinal, noun, since, mod)
            # a trigger inside the series phrase itself ("12th test") is the same event
            look.drop(m.start(), anchor_pos, owner)
        if look is not None:
            cands[:] = [c for c in cands if id(c) not in look.gone]


def _coreferent(c, sent_toks=None) -> bool:
    """May the undated ``c`` be a later report of an earlier dated act of its kind? Not an act told as
    not done ("not apprehended"), nor a verb in the present perfect ("eight suspects have been
    charged", "has been arrested a dozen times": some time up to now, not the day of the act the
    story told of before), also as the second of two verbs ("has broken away and endorsed X"), nor a
    noun that a verb in a perfect tense has for its object ("has won endorsements", "had protested at
    a rally": some earlier time, not that act's), nor a hypothetical act ("by shooting doctors")."""
    if getattr(c, "negated", False) or getattr(c, "hypothetical", False):
        return False
    sent, tok = getattr(c, "sent", None), getattr(c, "tok", -1)
    if sent_toks is None or sent is None or not 0 <= sent < len(sent_toks) or tok is None or tok < 0:
        return True
    low = sent_toks[sent][1]
    if told_as_distinct(low, tok, getattr(c.pattern, "pos", "verb")):
        return False
    if getattr(c.pattern, "pos", "verb") != "verb":
        return not _perfect_before(low, tok, _NOUN_PERFECT_REACH, past=True)
    return not (_perfect_before(low, tok, 3) or (0 < tok < len(low) and low[tok - 1] in ("and", "or")
                                                 and _perfect_before(low, tok - 1, _CONJUNCT_PERFECT_REACH)))


# how far before a noun, and before the second of two coordinated verbs, a perfect auxiliary may lie
_NOUN_PERFECT_REACH, _CONJUNCT_PERFECT_REACH = 6, 10


def _perfect_before(low: list[str], i: int, reach: int, past: bool = False) -> bool:
    """Is there a perfect auxiliary ("has", "have"; with ``past`` the past perfect's too, dating words.json
    past_perfect_auxiliaries, as dating_story reads them) among the ``reach`` words before token i, with no
    clause break or relative pronoun after it?"""
    aux, breaks = _perfect_words(past)
    for x in range(i - 1, max(-1, i - 1 - reach), -1):
        if low[x] in aux:
            return True
        if low[x] in breaks:
            return False
    return False


def _done_after(c, value: str, published: str | None) -> bool:
    """Would ``value`` put an act told as done (no plan, hypothesis or intention) after publication?"""
    return after_publication(value, published) and not (c.hypothetical or c.modality)


class _Focus:
    """The time in focus before a point (``TimeRules._shift_relative``): the latest dated event
    before an event, else the latest full calendar date ending before a position; by bisection
    where the candidates (by start) and those dates (by end) are in text order."""

    def __init__(self, cands: list[_Cand], timexes: list[Timex]) -> None:
        self.cands, self.index = cands, TimexIndex(timexes)
        self.starts = [c.start for c in cands]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:]))
        self.kinds: dict[tuple, list[_Cand]] = {}     # by code, and by code and actor code
        for c in cands:
            self.kinds.setdefault((c.pattern.code[:3],), []).append(c)
            if c.actor is not None:
                self.kinds.setdefault((c.pattern.code[:3], c.actor.code), []).append(c)
        self.kind_starts = {key: [c.start for c in lst] for key, lst in self.kinds.items()}
        self.dates = [x for x in timexes if x.type in ("DATE", "TIME") and len(x.value) >= 10
                      and x.value[:1].isdigit()]
        self.ends = [x.end for x in self.dates]
        self.dates_sorted = all(a <= b for a, b in zip(self.ends, self.ends[1:]))

    def coref_date(self, c: _Cand) -> str | None:
        """``TimeRules._coref_date``: the latest of the same code (and actor code) before ``c``."""
        if not self.sorted:
            return TimeRules._coref_date(c, self.cands)
        key = (c.pattern.code[:3],) if c.actor is None else (c.pattern.code[:3], c.actor.code)
        lst = self.kinds.get(key, [])
        k = bisect.bisect_left(self.kind_starts.get(key, []), c.start)
        return next((o.date for o in map(lst.__getitem__, range(k - 1, -1, -1)) if o is not c and o.date
                     and not o.hypothetical and o.date_from != "anchor"), None)

    def event_date(self, c: _Cand) -> str | None:
        """The date of the latest event (in the list's order) starting before ``c`` with a full date
        of its own (not itself shifted)."""
        k = bisect.bisect_left(self.starts, c.start) if self.sorted else len(self.cands)
        before = map(self.cands.__getitem__, range(k - 1, -1, -1))
        return next((o.date for o in before if o is not c and o.start < c.start and o.date
                     and o.date_from != "relative" and len(o.date) >= 10), None)

    def timex_value(self, pos: int) -> str | None:
        """The value of the latest full calendar date (in the list's order) ending at or before ``pos``."""
        k = bisect.bisect_right(self.ends, pos) if self.dates_sorted else len(self.dates)
        return next((x.value for x in map(self.dates.__getitem__, range(k - 1, -1, -1)) if x.end <= pos), None)
