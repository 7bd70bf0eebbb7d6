"""Events: CAMEO-coded happenings with actor, target, date, place, sources and modality.

Triggers come from the dictionary in resources/cameo/patterns.tsv (verbs in every inflection,
nouns in singular and plural, optional object words that must occur nearby). Actor and target
come from the clause around the trigger (active and passive voice, possessives and adjectives on
nominal triggers, pronouns back to the last fitting entity), the date from the clause's time
expression or from an anchor ("four days after X warned" dates the warning by the main event),
sources from the attributions whose content holds the event. Reports of one happening inside the
article are merged.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace

from ..record import ActorRef, Attribution, Event, Mention, Span, Timex
from ..text import is_word_char
from .lexicon import is_participle
from .coordination import split_coordinated
from .dating import BOUND_DATES, statement_time
from .dating_bounds import bound_dates
from .modality import apply_modality, fold_refusals, own_clause, set_flags, unreal_after_dating
from .participants import infer_participants
from .senses import apply_senses
from .speech_acts import objas_cue, speech_acts
from .event_lexicon import grammar_words
from .event_lexicon import (  # noqa: F401 (codebook, dictionary, NO_EVENT ... are re-exported)
    CodeInfo, NO_EVENT, Pattern, VOCABULARIES, _ACTORLESS_ROOTS, _BE, _CLAUSE_BREAK, _Cand, _DENY, _G,
    _HAVE, _MODAL, _NEG, _NOUN_DETS, _NOUN_TARGET_PREPS, _SUBORD, _after_boilerplate, _agent_nouns, _is_headline,
    codebook, dictionary
)
from .event_roles import RoleRules
from .role_parse import adjunct_doer, unparty_groups
from .event_time import TimeRules
from .event_index import MergeIndex, ReportIndex, TimexIndex, by_sentence, mark_elaborations, twins
from .event_triggers import TriggerRules


# CAMEO "make statement, not specified below": a plain statement, coded only with the statements setting
STATEMENT = "010"


class EventExtractor(TriggerRules, RoleRules, TimeRules):
    def __init__(self) -> None:
        self.index = dictionary()
        self.codes = codebook()
        # the pattern an aimed launch becomes (CAMEO 195, missile attacks: "launch airstrike|air|strike")
        self.missile_attack = next((p for ps in self.index.values() for p in ps
                                    if p.code == "195" and p.pos == "verb"), None)

    # -------------------------------------------------------------- triggers
    def extract(self, text: str, sentences, mentions: list[Mention], timexes: list[Timex],
                attributions: list[Attribution], *, published: str | None = None,
                quote_spans: list[tuple[int, int]] = (), parses: dict | None = None,
                found: list | None = None, statements: bool = False) -> list[Event]:
        """Events of the article. ``parses`` (sentence index -> parsed spaCy Span), when given,
        supplies actor and target from the dependency parse; the rules fill in the rest. ``found``:
        the result of ``triggers(text, sentences)`` when the caller already has it; ``statements``: plain
        statements are 010 events too (the setting of that name)."""
        self._sent_starts = [a for a, _ in sentences]     # for pronouns (RoleRules._pronoun)
        self._timex_index = TimexIndex(timexes)
        self._parses = parses or {}      # sentence index -> parsed Span (the dating model reads them too)
        self._appealers: dict[int, Mention | None] = {}    # id of an appeal -> its appeal verb's subject
        if found is None:
            found = self.triggers(text, sentences, quote_spans)
        elif quote_spans:
            quotes = sorted(quote_spans)
            q_starts = [a for a, _ in quotes]

            def unquoted(c):
                k = bisect.bisect_right(q_starts, c.start) - 1
                return not (k >= 0 and quotes[k][0] <= c.start < quotes[k][1])
            found = [(toks, low, [c for c in cs if unquoted(c)]) for toks, low, cs in found]
        cands: list[_Cand] = []
        sent_toks = []
        reported = ReportIndex([(a.content.start, a.content.end, a.source.start, a.source.end, a.cue.start)
                                for a in attributions if a.source.start is not None], sentences)
        m_starts = [m.start for m in mentions]
        # definite nouns naming a body far back ("the panel"): PronounRules._body_index, made when first read
        self._bodies, self._body_mentions = None, mentions
        for si, (toks, low, in_sentence) in enumerate(found):
            sent_toks.append((toks, low))
            if not in_sentence:
                continue        # (each step below filters or fills the sentence's triggers: none here)
            ss, se = sentences[si]
            # the mentions of this sentence and the three before it (pronouns look no further back)
            lo = bisect.bisect_left(m_starts, sentences[max(0, si - 3)][0])
            window = mentions[lo:bisect.bisect_left(m_starts, se)]
            parse = parses.get(si) if parses else None
            if parse is not None:
                window = unparty_groups(window, parse)
            if _boilerplate_in(low):
                in_sentence = [c for c in in_sentence if not _after_boilerplate(low, c.tok)]
            in_sentence = self.word_senses(in_sentence, text, toks, low, parse, window, attributions)
            verbs = [c.tok for c in in_sentence if c.pattern.pos == "verb"]
            in_sentence = mark_elaborations(apply_senses(in_sentence, toks, low, parse, window, attributions), parse)
            for c in in_sentence:
                # whoever reports the event is not a participant of it; nor is a source named after
                # its content ("X fired ..., Y said, its first launch since it tested ...") the
                # antecedent of what follows in the same sentence
                # (the source of a cue that is itself the event acts in it: "prompting Seoul to protest")
                srcs = [x for x in reported.sources_apart(c.start, c.end, ss)
                        if not _controls(text, x, c, low, self._timex_index)
                        and not (parse is not None and adjunct_doer(c.start, parse, x))]
                ms = [m for m in window if not any(a <= m.start < b for a, b in srcs)] if srcs else window
                self._fill(c, text, toks, low, (ss, se), ms, timexes, verbs)
                if parse is not None:
                    self._from_parse(c, parse, ms)
                    own_clause(c, parse)
                if c.attributive:
                    continue
                apply_modality(c, low)
                if parse is not None and c.modality in ("appeal", "demand"):
                    self._appealers[id(c)] = self._appealer(c, low, parse, ms)
                cands.append(c)
        cands = self._governed(cands, sent_toks, mentions)
        cands += self._speech_acts(text, sentences, attributions, mentions, cands, timexes, statements)
        if not cands:
            return []       # (every later step only dates, joins, splits or drops candidates: ``_settled``)
        return self._settled(cands, text, sentences, sent_toks, mentions, timexes, attributions, published)

    def _settled(self, cands: list[_Cand], text, sentences, sent_toks, mentions, timexes, attributions,
                 published) -> list[Event]:
        """The article's events from its candidates: dated, sourced, merged, split by listed parties and
        filtered. (Each step only dates, joins, splits or drops the candidates and changes nothing else,
        so an article with none -- a third of news articles -- has no events and is not read further:
        no scan for series phrases, no judging its times for the story's day.)"""
        cands = self._drop_consumed_subjects(cands, sent_toks)
        cands = self._drop_consumed_objects(cands, sent_toks)
        self._anchor_dates(cands, text, sentences, sent_toks, timexes, published)
        bound_dates(cands, attributions, timexes, sentences, published, text, self._parses)
        self._series(cands, text, sentences, sent_toks, timexes)
        self._sources(cands, sentences, attributions, text)
        self._obligations(cands, sent_toks)
        unreal_after_dating(cands)
        cands = self._merge(cands)
        cands = split_coordinated(cands, text, mentions)
        infer_participants(cands, text)
        # a bare nominal mention with no participant ("the negotiations") refers, it does not report;
        # violence and unrest at a place are reported without a known perpetrator ("an explosion in X")
        cands = [c for c in cands if c.pattern.pos == "verb" or (not c.hypothetical and (
                 c.actor is not None or c.target is not None
                 or (c.location is not None and c.pattern.code[:2] in _ACTORLESS_ROOTS)))]
        return [self._to_event(n, c, text, sentences) for n, c in enumerate(cands, start=1)]

    def _governed(self, cands: list[_Cand], sent_toks, mentions=()) -> list[_Cand]:
        """Acts governed by another trigger: intentions folded into their markers, purposes of
        protests, refusals' complements, allegations."""
        cands = self._fold_intent_markers(cands)
        self._purposes(cands, sent_toks)
        cands = fold_refusals(cands, sent_toks, mentions)
        self._allegations(cands)
        return cands

    def _obligations(self, cands: list[_Cand], sent_toks) -> None:
        """"X said Y must withdraw": the source demands of the party obliged. An obligation no
        source states ("any decision must be agreed by both governments") is the writer's account
        of a rule: no demand, and the act obliged has not happened."""
        oblige = grammar_words("obligation_modals") | grammar_words("obligation_verbs")
        for c in cands:
            if c.modality not in ("appeal", "demand") or c.roles_set:
                continue
            src = c.sources[0] if c.sources else None
            low = sent_toks[c.sent][1]
            own = self._appealers.get(id(c))
            if own is not None and not (c.actor is not None and own.start == c.actor.start):
                # "X urged Y to withdraw" where the appeal verb is no event of its own: its subject appeals
                c.actor, c.target = own, c.actor
                continue
            if src is None and c.modality_marker is not None and 0 <= c.modality_marker < len(low) \
                    and low[c.modality_marker] in oblige and c.intended:
                c.pattern, c.intended, c.modality, c.modality_row = replace(c.pattern, code=c.intended), None, None, None
                c.hypothetical = True
                continue
            c.actor, c.target = (Mention(c.start, c.end, "", entity=src.entity, name=src.name, kind="other",
                                         code=src.code, form="source") if src else None), c.actor

    @staticmethod
    def _purposes(cands: list[_Cand], sent_toks) -> None:
        """"rallied in the capital to denounce X": a speech act that is the infinitive of purpose of
        a protest happened: the protest performs it, and the protesters are its actor."""
        acts, govs = grammar_words("purpose_act_roots"), grammar_words("purpose_governor_roots")
        in_sent = by_sentence(cands)
        for c in cands:
            if not c.hypothetical or c.negated or c.pattern.pos != "verb" or c.pattern.code[:2] not in acts:
                continue
            low = sent_toks[c.sent][1]
            if not (0 < c.tok < len(low) and low[c.tok - 1] == "to"):
                continue
            gov = next((o for o in reversed(in_sent[c.sent]) if o.tok < c.tok - 1 and c.tok - o.tok <= 12
                        and o.pattern.code[:2] in govs and not (o.hypothetical or o.negated)
                        and not any(w in _CLAUSE_BREAK for w in low[o.end_tok:c.tok])), None)
            if gov is None:
                continue
            c.hypothetical = False
            if gov.actor is not None:
                # the infinitive has no subject of its own: a name read as its actor is its object
                if c.target is None and c.actor is not None and not (
                        c.actor.entity and c.actor.entity == gov.actor.entity):
                    c.target = c.actor
                c.actor = gov.actor

    @staticmethod
    def _allegations(cands: list[_Cand]) -> None:
        """"accused X of hacking": what an accusation says its object did is the source's allegation."""
        alleging = {c.start for c in cands if c.pattern.code.startswith(tuple(_G["allegation_codes"]))}
        for c in cands:
            if c.governor in alleging:
                c.hypothetical = True

    # ------------------------------------------------------------ dependency parse
    @staticmethod
    def _drop_consumed_subjects(cands: list[_Cand], sent_toks) -> list[_Cand]:
        """'Talks ... broke down': the subject noun belongs to the subject-constrained event."""
        drop = set()
        in_sent = by_sentence(cands)
        for c in cands:
            if not c.pattern.subjects:
                continue
            toks, low = sent_toks[c.sent]
            for o in in_sent[c.sent]:
                if o is not c and o.pattern.pos == "noun" and o.tok < c.tok \
                        and c.tok - o.tok <= 8 and low[o.tok] in c.pattern.subjects:
                    drop.add(id(o))
        return [c for c in cands if id(c) not in drop]

    @staticmethod
    def _drop_consumed_objects(cands: list[_Cand], sent_toks) -> list[_Cand]:
        """'rebuffed an attempt to hold talks': the object word belongs to the event whose pattern named it."""
        drop = set()
        in_sent = by_sentence(cands)
        for c in cands:
            if not c.pattern.objects or c.pattern.pos != "verb":
                continue
            toks, low = sent_toks[c.sent]
            for o in in_sent[c.sent]:
                if o is c or not (c.end_tok <= o.tok < c.end_tok + 7):
                    continue
                if any(low[k] in c.pattern.objects for k in range(o.tok, o.end_tok)):
                    drop.add(id(o))
        return [c for c in cands if id(c) not in drop]

    def _fill(self, c: _Cand, text, toks, low, sent_range, mentions, timexes, verbs=()) -> None:
        i, j = c.tok, c.end_tok
        s, e = self._clause_bounds(toks, low, i, j, verbs)
        p = c.pattern
        c.headline = _is_headline(text, sent_range)
        # passive voice: "were launched (by X)"
        if p.pos == "verb" and i > 0 and is_participle(low[i]):
            k, gap = i - 1, grammar_words("passive_gap_words")
            while k >= s and low[k] in gap:
                k -= 1
            if k >= s and low[k] in _BE:
                c.passive = True
            elif k >= s and c.headline and low[k] not in _HAVE and low[k].isalpha():
                c.passive = True    # headline style: "Opposition leader arrested days before vote"
            elif j < len(low) and low[j] == "by" and not (k >= s and low[k] in _HAVE):
                c.passive = True    # a reduced relative: "the talks, mediated by Egypt, ..."
        if c.passive:
            by = None
            for k in range(j, e):
                if low[k] == "by":
                    by = self._first_after(toks, k + 1, e, mentions, None)
                    break
            c.actor = by
            c.target = self._actor_before(text, toks, low, s, i, mentions, sent_range, verbs)
        elif p.pos == "noun":
            c.actor = self._noun_actor(text, toks, low, s, i, j, e, mentions, sent_range, verbs)
            self._named_undergoer(c, text)
        else:
            c.actor = self._actor_before(text, toks, low, s, i, mentions, sent_range, verbs)
            # "Talks between A and B broke down"
            between = [k for k in range(s, i) if low[k] == "between"]
            if between:
                b = self._first_after(toks, between[0] + 1, i, mentions, None)
                if b:
                    c.actor = b
                    c.target = self._first_after(toks, between[0] + 1, i, mentions, b.code)
                    c.between = True
        if c.target is None and not c.passive:   # a passive has no object: "was arrested in Cape Verde"
            excl = c.actor.code if c.actor else None
            if p.pos == "noun":
                # a nominal event's target is introduced by a preposition ("criticism of X", "talks with X")
                c.target = self._first_after(toks, j, e, mentions, excl, preps=p.preps or _NOUN_TARGET_PREPS,
                                             low=low, actor=c.actor)
            else:
                c.target = self._first_after(toks, j, e, mentions, excl, preps=p.preps or None, low=low,
                                             actor=c.actor)
                if c.target is None and p.preps:
                    # any object, but not across a comma ("fired tear gas at protesters, the third
                    # day of demonstrations called by Y")
                    ce = next((k for k in range(j, min(e, len(low))) if low[k] == ","), e)
                    c.target = self._first_after(toks, j, ce, mentions, excl, actor=c.actor)
                if c.target is None:
                    c.target = self._place_object(toks, low, j, e, mentions, excl)
            if c.target is not None and c.actor is not None and p.pos == "verb" \
                    and self._co_subject(text, c.actor, c.target, toks[i][0], mentions):
                # "South Korea, the United States and Japan staged an exercise involving a U.S.
                # carrier": a co-actor named again after the verb is not its target
                c.target = None
        if p.code == "150" and p.pos == "verb":
            self._aimed_launch(c, toks, low, j, e, mentions)
        if c.target is None and c.actor is not None and p.pos == "verb" and not c.passive:
            # "Turkey and Syria agreed": with nothing else named, the partner of a pair is the target
            c.target = self._conjunct_after(text, c.actor, mentions, headline=c.headline)
            # a coordinated pair is the rules' reading; a parse of headline-ese ("Iran, IAEA agree")
            # does not override it
            c.between = c.between or c.target is not None
        # location: "in/at/near PLACE" in the clause, before any relative or subordinate clause
        # ("signed a deal that would allow shipments from Ukrainian ports": not signed in Ukraine)
        le = next((k for k in range(j, min(e, len(toks))) if low[k] in _SUBORD or low[k] in _CLAUSE_BREAK), e)
        after, upto = toks[j - 1][1], (toks[le - 1][1] if le < len(toks) else None)     # (read once, not per mention)
        for m in mentions:
            if after <= m.start and (upto is None or m.end <= upto) \
                    and (m.kind == "place" or (m.kind == "country" and not m.metonym)):
                k = self._tok_at(toks, m.start)
                if k is not None and k > 0 and low[k - 1] in grammar_words("location_prepositions"):
                    c.location = {"name": m.name, "code": m.code}
                    break
        if c.location is None and p.pos == "noun":
            c.location = _place_before(toks, low, i, mentions)
        set_flags(c, low, s, i)
        # (no date here: ``_anchor_dates`` -> ``_date_clauses`` dates every trigger by its clause's
        # time, overwriting any date taken from a time, and nothing before it reads one)

    def _speech_acts(self, text, sentences, attributions, mentions, cands, timexes, statements=False) -> list[_Cand]:
        """Attributions whose content judges a named party: criticism (111) or praise (051); with
        ``statements``, every other attribution with a named source is a statement (010)."""
        taken = {c.start for c in cands}
        sent_starts = [a for a, _ in sentences]
        out = []
        acts = speech_acts(text, attributions, mentions, taken)
        first_at: dict[int, Mention] = {}
        for m in mentions:
            first_at.setdefault(m.start, m)
        if statements:
            judged = {att.id for att, *_ in acts}
            acts += [(att, STATEMENT, None, "attribution:statement") for att in attributions if att.id not in judged
                     and att.source and att.source.code and att.cue.start is not None and att.cue.start not in taken]
        for att, code, party, rule in acts:
            src = att.source
            actor = first_at.get(src.start) or \
                Mention(src.start, src.end, text[src.start:src.end], entity=src.entity, name=src.name,
                        kind="person", code=src.code)
            pat = Pattern(code=code, pos="verb", words=tuple(att.cue.text.lower().split()), objects=frozenset(),
                          preps=frozenset(), row=-1)
            si = max(0, bisect.bisect_right(sent_starts, att.cue.start) - 1)
            c = _Cand(pattern=pat, tok=-1, end_tok=-1, start=att.cue.start, end=att.cue.end, sent=si,
                      actor=actor, target=party, rule=rule)
            c.attributions.append(att.id)
            t = statement_time(att, timexes, sentences[si], describes=objas_cue(att.cue.text))
            if t is not None:
                c.date, c.date_timex, c.date_from = t.value[:10], t.id, "timex"
            out.append(c)
        return out

    @staticmethod
    def _fold_intent_markers(cands: list[_Cand]) -> list[_Cand]:
        """"pledged to withdraw": the pledge is the intention to withdraw (0356), not a second event;
        its participants fill the intention's where the intention has none."""
        by_tok = {(c.sent, c.tok): c for c in cands if c.pattern.code[:2] in ("02", "03", "10", "13")}
        drop = set()
        for c in cands:
            m = by_tok.get((c.sent, c.modality_marker)) if c.modality_marker is not None else None
            if m is None or m is c:
                continue
            if c.modality in ("appeal", "demand"):
                # "X urged Y to withdraw": X appeals to Y (the infinitive's subject) to withdraw
                c.actor, c.target, c.roles_set = m.actor, m.target or c.actor, True
            else:
                c.actor, c.target = c.actor or m.actor, c.target or m.target
            c.date, c.date_timex, c.date_from = (c.date, c.date_timex, c.date_from) if c.date else \
                (m.date, m.date_timex, m.date_from)
            drop.add(id(m))
        return [c for c in cands if id(c) not in drop]

    def _sources(self, cands, sentences, attributions: list[Attribution], text) -> None:
        starts = [x for x, _ in sentences]

        def sent_of(pos: int) -> int:
            return bisect.bisect_right(starts, pos) - 1

        by_sent: dict[int, list[tuple[int, Attribution]]] = {}
        for a in attributions:
            sa = sent_of(a.cue.start)
            for n in range(sent_of(a.content.start), sent_of(max(a.content.start, a.content.end - 1)) + 1):
                by_sent.setdefault(n, []).append((sa, a))
            for n in (sa - 1, sa, sa + 1):
                by_sent.setdefault(n, []).append((sa, a))
        lowered: dict[int, str] = {}        # each content lower-cased once (by attribution object)
        for c in cands:
            seen = set()
            for sa, a in by_sent.get(c.sent, ()):
                if a.id in seen:
                    continue
                seen.add(a.id)
                if a.cue.start <= c.start < a.cue.end and a.id not in c.attributions:
                    c.attributions.append(a.id)     # a speech act: the cue is the event ("accused")
                    continue
                inside = a.content.start <= c.start and c.end <= a.content.end
                near = False
                if not inside and c.pattern.objects and abs(sa - c.sent) <= 1:
                    content = lowered.get(id(a))
                    if content is None:
                        content = lowered[id(a)] = a.content.text.lower()
                    near = _has_word(content, c.pattern.objects)
                if inside or near:
                    src = a.source
                    ref = ActorRef(src.entity, src.name, src.code)
                    if all((r.entity, r.name) != (ref.entity, ref.name) for r in c.sources):
                        c.sources.append(ref)
                    c.attributions.append(a.id)

    def _merge(self, cands: list[_Cand]) -> list[_Cand]:
        """Reports of one happening in the article become one event (same root, actor, date): the
        first kept event that ``event_index.twins`` accepts, looked up in a ``MergeIndex``."""
        kept = MergeIndex()

        def bare(c: _Cand) -> bool:
            return c.pattern.pos == "noun" and c.actor is None and c.target is None

        for c in cands:
            twin = kept.first(c, twins)
            if twin is None:
                kept.add(c)
                continue
            if bare(twin) and (c.actor is not None or c.target is not None):
                # a bare noun ("the talks that are due to end in May") names a happening, it does not
                # report one: the report with participants stands for both, at its own words
                p = kept.pos.pop(id(twin))
                kept.pos[id(c)], kept.kept[p] = p, c
                c, twin = twin, c
            if twin.headline and not c.headline and not twin.from_body:
                # the body's first report names the participants more exactly than the headline
                twin.actor, twin.target = c.actor or twin.actor, c.target or twin.target
                twin.from_body = True
            twin.actor = twin.actor or c.actor
            twin.target = twin.target or c.target
            if twin.date and c.date and (len(c.date) > len(twin.date) or (
                    twin.date_from in BOUND_DATES and c.date_from not in BOUND_DATES)):
                # the more precise of the two, a stated date over an upper bound
                twin.date, twin.date_timex, twin.date_from = c.date, c.date_timex, c.date_from
            if not twin.date:
                twin.date, twin.date_timex, twin.date_from = c.date, c.date_timex, c.date_from
            twin.location = twin.location or c.location
            twin.series = twin.series or c.series
            for s in c.sources:
                if s not in twin.sources:
                    twin.sources.append(s)
            twin.attributions += [a for a in c.attributions if a not in twin.attributions]
            if len(c.pattern.code) > len(twin.pattern.code) and c.pattern.code[:2] == twin.pattern.code[:2]:
                twin.pattern = c.pattern          # the more specific code of the same root
            kept.update(twin)                     # its date, actor or code may be new
        return kept.kept

    def _to_event(self, n: int, c: _Cand, text: str, sentences) -> Event:
        info = self.codes.get(c.pattern.code)
        ss, se = sentences[c.sent]

        def ref(m: Mention | None) -> ActorRef | None:
            return ActorRef(m.entity, m.name, m.code) if m else None

        if c.actor is not None and c.target is not None and c.actor.entity and c.actor.entity == c.target.entity:
            c.target = None    # no one acts on themselves here: one entity found for both roles

        return Event(
            id=f"v{n}", cameo=c.pattern.code, plover=info.plover if info else None,
            goldstein=info.goldstein if info else None,
            trigger=Span(c.start, c.end, text[c.start:c.end]), actor=ref(c.actor), target=ref(c.target),
            date=c.date, date_timex=c.date_timex, location=c.location, sources=c.sources,
            negated=c.negated, hypothetical=c.hypothetical, series=c.series,
            sentence={"start": ss, "end": se}, quad_class=info.quad_class if info else None,
            cameo_name=info.name if info else None,
            date_from=c.date_from, attributions=c.attributions, modality=c.modality, intended=c.intended,
            rule=(c.rule or f"{c.pattern.file}:{c.pattern.row + 1}")
                 + (f"+modality.tsv:{c.modality_row}" if c.modality_row else "")
                 + (f"+frames.tsv:{','.join(c.frames)}" if c.frames else ""))


def _place_before(toks, low: list[str], i: int, mentions) -> dict | None:
    """"the Orlando massacre", "after the Kabul blast": a place (or a country, not standing for its
    government) named right before a noun trigger, after a determiner, is where it happened."""
    for m in mentions:
        if i < 2 or m.end != toks[i - 1][1]:
            continue
        k = next((n for n in range(i - 1, max(-1, i - 5), -1) if toks[n][0] == m.start), None)
        if k is not None and k >= 1 and low[k - 1] in _NOUN_DETS and (
                m.kind == "place" or (m.kind == "country" and not m.metonym)):
            return {"name": m.name, "code": m.code}
    return None


def _boilerplate_in(low: list[str]) -> bool:
    """Does the sentence (its lower-case words) hold a source's boilerplate phrase (joined once)?"""
    if _BOILERPLATE_INNER and _BOILERPLATE_INNER.isdisjoint(low):
        return False
    joined = " ".join(low)
    return any(p in joined for p in _G["source_boilerplate"])


def _inner_words(phrases) -> frozenset[str]:
    """The words inside the phrases (neither first nor last): a phrase found in the joined words has
    each of those as a whole word of the sentence (words hold no spaces), so a sentence with none of
    them holds none of the phrases. Empty (no such test) where some phrase has no inner word."""
    inner = [p.split()[1:-1] for p in phrases]
    return frozenset(w for ws in inner for w in ws) if all(inner) else frozenset()


_BOILERPLATE_INNER = _inner_words(_G["source_boilerplate"])


def _controls(text: str, source: tuple[int, int], c: _Cand, low: list[str], times: TimexIndex) -> bool:
    """"X said (on Monday) after meeting Y": the subject of a reporting verb is the actor of a gerund
    adjunct it controls (the source, its cue, a time, at most a comma and a preposition, then the
    -ing trigger)."""
    if source[1] > c.start or not low[c.tok].endswith("ing"):
        return False
    gap = text[source[1]:c.start].lower()
    for t in times.starting_in(source[1], c.start):
        gap = gap[:t.start - source[1]] + " " * (t.end - t.start) + gap[t.end - source[1]:]
    gap = re.findall(r"[^\W\d]+|,", gap)
    return 1 <= len(gap) <= 3 and gap[0] != "," and all(
        w == "," or w in grammar_words("adjunct_prepositions") for w in gap[1:])


@functools.lru_cache(maxsize=4096)
def _word_ends(words: frozenset[str]) -> tuple[tuple[str, bool, bool], ...]:
    """Each word with whether its first and its last character are word characters."""
    return tuple((w, is_word_char(w[0]), is_word_char(w[-1])) for w in sorted(words) if w)


def _has_word(content: str, words: frozenset[str]) -> bool:
    """Does any of the words stand as a word in the content: exactly whether
    ``re.search(r"\\b(?:w1|w2|...)\\b", content)`` finds one (\\b holds where the characters on its two
    sides differ in being word characters, the text's ends counting as none), found by str.find with
    no expression compiled (a pattern's objects are many; compiling each set cost more than its searches)."""
    if "" in words:     # an empty alternative matches at any word boundary
        return re.search(r"\b", content) is not None
    n = len(content)
    for w, head, tail in _word_ends(words):
        i = content.find(w)
        while i >= 0:
            j = i + len(w)
            if (i > 0 and is_word_char(content[i - 1])) != head and (j < n and is_word_char(content[j])) != tail:
                return True
            i = content.find(w, i + 1)
    return False


_EXTRACTOR: EventExtractor | None = None


def _extractor() -> EventExtractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = EventExtractor()
    return _EXTRACTOR


def extract_events(text, sentences, mentions, timexes, attributions, *, published=None, quote_spans=(),
                   parses=None, found=None, statements=False):
    return _extractor().extract(text, sentences, mentions, timexes, attributions, published=published,
                                quote_spans=quote_spans, parses=parses, found=found, statements=statements)


def find_triggers(text, sentences, quote_spans=()):
    """Per sentence: (tokens, lower-case forms, triggers); pass it back to extract_events as ``found``."""
    return _extractor().triggers(text, sentences, quote_spans)
