"""Trigger rules: where the vocabulary's wordings occur in a sentence (verb or noun by context, particles and objects nearby, precedence of the longest and most specific row)."""
from __future__ import annotations

import bisect
import functools
from operator import itemgetter

from .. import lang
from ..text import positions, tokenize_lower
from . import trigger_senses
from .trigger_clauses import sentence_filters
from .lexicon import is_participle, is_past_form, is_unchanged_past, noun_forms, singular
from .event_lexicon import (
    NO_EVENT, Pattern, VOCABULARIES, dictionary, _BE, _PREPS, _agent_nouns, _CLAUSE_BREAK, _Cand, _DAY_WORDS, _DETS, _QUOTE_MARKS, _SPEECH_VERBS,
    _SUBORD, _VERB_BEFORE, grammar_words
)


@functools.lru_cache(maxsize=1)
def _glue_abbreviations() -> frozenset[str]:
    """Abbreviations after which a period ends no sentence ("Mr.", "Sen.", "Gen."), lower-cased."""
    return frozenset(a.lower() for a in lang.abbreviations(use="glue"))


def _past_after_subject(toks, low: list[str], i: int, i0: int, after_verb: bool) -> bool:
    """A verb whose past is its base ("hit", "cut", "put") reads as that past or participle after a
    form of "be" or "have" ("aid was cut") or after a lower-case noun of its subject when an object
    follows ("the army hit rebel positions", "the government cut aid"); "the tax cut angered" and "a
    direct hit" are nouns."""
    prev = low[i - 1] if i > 0 else ""
    if prev in _BE or prev in grammar_words("participle_auxiliaries"):
        return True
    if after_verb or not (prev.isalpha() and toks[i - 1][2].islower()) or prev in _DETS or prev in _PREPS \
            or i0 + 1 >= len(low):
        return False
    nxt, word = low[i0 + 1], toks[i0 + 1][2]
    return nxt in _DETS or word[:1].isupper() or nxt in grammar_words("noun_determiners") or (
        nxt.isalpha() and nxt not in _BE and nxt not in _PREPS and not is_past_form(nxt)
        and nxt not in grammar_words("modal_auxiliaries") and not is_unchanged_past(nxt))


def _in_name(toks, low: list[str], k: int) -> bool:
    """Token k is a word of a name of two or more capitalised words ("the U.N. Security Council"),
    not a day or a month."""
    n = len(toks)
    if not (0 <= k < n and toks[k][2][:1].isupper() and low[k] not in _DAY_WORDS):
        return False
    return (k >= 1 and toks[k - 1][2][:1].isupper() and low[k - 1] not in _DAY_WORDS) \
        or (k + 1 < n and toks[k + 1][2][:1].isupper() and low[k + 1] not in _DAY_WORDS)


def _proper_word(toks, k: int) -> bool:
    """Token k is one capitalised word between lower-case words ("held Kurdish villagers as"): a name
    or a nationality adjective inside a phrase, not a word that counts towards a particle's reach."""
    def lower(x: int) -> bool:
        return 0 <= x < len(toks) and toks[x][2][:1].islower()
    return 0 < k < len(toks) and toks[k][2][:1].isupper() and lower(k - 1) and lower(k + 1)


def _next_word(toks, low: list[str], j: int, w: str, limit: int) -> int | None:
    """Where the later trigger word ``w`` (or its plural) stands from token j on, with fewer than
    ``limit`` words between that count: quantities, fillers, adverbs and the words of a name do not
    ("held hundreds of villagers as human shields")."""
    k, seen, n = j, 0, len(low)
    forms, fillers = _noun_forms(w), grammar_words("object_fillers")
    while k < n and seen < limit:
        x = low[k]
        if x in _QUOTE_MARKS:
            k += 1
            continue
        if x in forms or x == w:
            return k
        if x in (",", ".", ";"):
            return None
        if not (x in fillers or x[:1].isdigit() or lang.is_ly_adverb(x)
                or (toks[k][2][:1].isupper() and (_in_name(toks, low, k) or _proper_word(toks, k)))):
            seen += 1       # (the words of a name and a proper word are capitalised, an adverb ends in -ly)
        k += 1
    return None


@functools.lru_cache(maxsize=None)
def _noun_forms(w: str) -> frozenset[str]:
    return noun_forms(w)


@functools.lru_cache(maxsize=1)
def _happening_nouns() -> frozenset[str]:
    """Every form of the last word of the dictionary's noun rows that name a happening ("attack",
    "raids"): a noun that a modifying trigger word describes ("bomb attack") names the event."""
    return frozenset(f for pats in dictionary().values() for p in pats if p.pos == "noun" and p.code != NO_EVENT
                     for f in _noun_forms(p.words[-1]))


def _titlecase(toks) -> bool:
    """Most words of the sentence (60%) start with a capital: a headline, where a capitalised word
    may still be a trigger."""
    initials = [t[2][:1] for t in toks]
    initials = [x for x in initials if x.isalpha()]        # of the words
    return bool(initials) and sum(map(str.isupper, initials)) >= 0.6 * len(initials)


def _determined_name(toks, low: list[str], k: int) -> bool:
    """The capitalised words that end at token k follow a determiner of a noun (trigger_filters
    noun_determiners: "the Kabul", not "The Taliban" opening the sentence)."""
    while k > 0 and toks[k - 1][2][:1].isupper():
        k -= 1
    return k >= 1 and low[k - 1] in trigger_senses.words("noun_determiners")


def _possessive(toks, word: str, k: int) -> bool:
    """Token k (lower-case ``word``) is a possessive ("'s", "Spain's")."""
    return word in ("'s", "’s") or (0 <= k < len(toks) and toks[k][2].endswith(("'s", "’s")))


def _possessor(toks, low: list[str], k: int) -> bool:
    """Token k is (a word of) a possessor: "'s" follows it or the name it begins ("President X's
    statement": the statement, not the president, is the object)."""
    for n in range(k, min(k + 4, len(low))):
        if low[n].endswith(("'s", "’s")):
            return True
        if n + 1 >= len(low) or not (toks and toks[n + 1][2][:1].isupper() or low[n + 1] in ("'s", "’s")):
            return False
    return False


def _plural_after_stem_slot(prev: str, w: str) -> bool:
    """"conceded to demands", "in response to attacks": after "to" or a modal a verb is a bare stem,
    so an "-s" form there is a plural noun."""
    return (prev == "to" or prev in grammar_words("modal_auxiliaries")) and w.endswith("s") \
        and not w.endswith("ss") and singular(w) != w


def _object_window(toks, low: list[str], j: int, reach: int) -> list[str]:
    """The words from token j on where a verb's object may stand: up to ``reach`` words that count
    (quantities, fillers, days and the words of a name do not), to the end of the clause or a word that
    opens an adverbial of time or a clause of its own ("began shortly after the attacks": no object)."""
    window = []
    fillers, stops = grammar_words("object_fillers"), grammar_words("object_window_stops")
    k, counted = j, 0
    while k < len(low) and counted < reach:
        abbrev = low[k] == "." and k > j and toks and toks[k][0] == toks[k - 1][1] \
            and ("." in low[k - 1] or low[k - 1] in _glue_abbreviations())   # "U.N.", "Mr."
        if (low[k] in {".", ";", "but"} and not abbrev) or low[k] in stops:   # "U.N." is one word
            break
        window.append(low[k])
        if not (abbrev or low[k] in fillers or low[k] in _DAY_WORDS or low[k][:1].isdigit()
                or (toks and toks[k][2][:1].isupper() and _in_name(toks, low, k))):
            counted += 1
        k += 1
    return window


def _row_plan(p: Pattern, intransitive: frozenset[str], close: frozenset[str]) -> tuple:
    """A row with what is fixed for it: its later words with their reach (an intransitive verb's
    preposition follows it: "agreed with X", not "agreed to a truce with X", and so does the particle
    of a verb that takes no object: "gave in", not "gave a speech in"; elsewhere up to 2 words may
    stand between), the forms its last word must take (a noun row of several words), the highest
    score it can reach (its object at distance 0), the word sets of which the sentence must hold
    one each (its objects, each later word's forms, its subjects: every test of the row reads only
    the sentence's words) and every word of those sets."""
    words = p.words
    rest, forms, last_forms = (), (), None
    if len(words) > 1:
        later = words[1:]
        near = " ".join(words[:2]) in close
        opens = words[0] in intransitive
        rest = tuple([(w, 1 if (opens and w in _PREPS) or near else 3) for w in later])
        forms = tuple(map(_noun_forms, later))
        if p.pos == "noun":
            last_forms = forms[-1]
    needs = ((p.objects,) if p.objects else ()) + forms + ((p.subjects,) if p.subjects else ())
    return (p, rest, last_forms, (len(words), bool(p.objects), 0, bool(p.subjects), -p.row), needs,
            needs[0] if len(needs) == 1 else frozenset().union(*needs))


def _word_plan(pats, rows_of: dict) -> tuple:
    """(rows sorted by reachable score, the rows that need no word, every word some row needs) of a
    list of rows; ``rows_of``: each row's plan by id (made once per row)."""
    rows = []
    intransitive = close = None
    for p in pats:
        plan = rows_of.get(id(p))
        if plan is None:
            if intransitive is None:
                intransitive, close = grammar_words("intransitive_verbs"), grammar_words("close_particle_verbs")
            plan = rows_of[id(p)] = _row_plan(p, intransitive, close)
        rows.append(plan)
    rows.sort(key=itemgetter(3), reverse=True)
    free = tuple([r for r in rows if not r[4]])
    return tuple(rows), free, rows[0][5] if len(rows) == 1 else frozenset().union(*map(itemgetter(5), rows))


@functools.lru_cache(maxsize=1)
def _clause_openers() -> frozenset[str]:
    """The words that start a new clause between an earlier verb trigger and a later one."""
    return frozenset(_CLAUSE_BREAK | _SUBORD | _SPEECH_VERBS | grammar_words("verb_clause_openers"))


class TriggerRules:
    """Methods of EventExtractor (extract.events)."""

    @staticmethod
    def _pos_fits(pos: str, toks, low: list[str], i: int, after_verb: bool = False) -> bool:
        """Without a tagger: does the context allow the word at i to be a verb / a noun? ``after_verb``:
        a verb trigger comes earlier in the clause with nothing between that starts a new one."""
        w = low[i]
        i0 = i
        while i > 1 and lang.is_ly_adverb(low[i - 1]):
            i -= 1          # "soldiers routinely beat": the word before the adverb decides
        prev = low[i - 1] if i > 0 else ""
        noun_ctx = i == 0 or prev in _DETS or prev.isdigit() or prev in _QUOTE_MARKS \
            or prev in ("'s", "’s") or toks[i - 1][2].endswith(("'s", "’s"))
        verb_ctx = prev in _VERB_BEFORE
        if _plural_after_stem_slot(prev, w):
            return pos == "noun"
        if pos == "noun":
            if verb_ctx:
                return False
            if w.endswith(("ed",)) and not noun_ctx:
                return False
            return True
        # verb
        past = is_past_form(w)      # "-ed", or an irregular past ("Israel struck", "Iran held")
        if noun_ctx and not past:
            return False
        nxt = low[i0 + 1] if i0 + 1 < len(low) else ""
        if past and i0 == i and prev in trigger_senses.words("noun_determiners") and (
                not nxt.isalnum() or nxt in grammar_words("prepositions") or nxt in _BE):
            return False          # "to have any shot,", "his shot at the title": a noun
        if w in grammar_words("adjectival_participles") and low[i0 + 1:i0 + 2] == ["to"] and prev not in _BE:
            return False          # "extremists opposed to the truce", "groups linked to": an adjective
        if past and (prev in grammar_words("attributive_openers") or (i0 > i and _possessive(toks, prev, i - 1))) \
                and nxt.isalpha() and toks[i0 + 1][2].islower() and nxt not in grammar_words("prepositions") \
                and nxt not in _BE:
            return False          # "despite repeated warnings", "the party's bitterly contested vote": a
            #                       participle that modifies a noun
        if w.endswith("ing") and not (verb_ctx or prev in _BE or prev in (",", "and", "or", "by", "after", "before",
                                                                            "while", "without", "when", "")):
            # "ministers meeting in the capital", "demonstrators protesting the vote": after a plural
            # noun, a participle before a place, or after a plural noun of people
            plural_before = len(prev) > 3 and prev.endswith("s") and not prev.endswith("ss") \
                and prev.replace("-", "").isalpha() \
                and (nxt in grammar_words("participle_place_openers") or prev in _agent_nouns())
            if noun_ctx or not (nxt == "that" or nxt in grammar_words("infinitive_blockers") or plural_before):
                return False      # "the board meeting", "a bombing": a gerund or a noun
            # "a statement demanding that ...", "a resolution condemning the raid", "ministers meeting
            # in the capital": a participle
        if w.endswith("s") and not w.endswith("ss") and not verb_ctx:
            # "talks", "tests": a verb only after a singular subject that is a pronoun or a name
            # ("Israel rejects Hamas demands": after a verb, a name + "-s" word is its object)
            return prev in grammar_words("singular_subjects") or (
                i >= 1 and toks[i - 1][2][:1].isupper() and not after_verb)
        if not past and not w.endswith(("ing", "s")) and not verb_ctx:
            # a bare stem ("offer", "attack") is a verb after a plural subject or a name, else a noun;
            # after a form of "be" it is an adjective or a noun ("is free to", "was a threat"); between
            # two names it is a title ("the network's host Jane Doe", "CNN host John Smith")
            if is_unchanged_past(w) and _past_after_subject(toks, low, i, i0, after_verb):
                return True       # "the army hit rebel positions", "aid was cut"
            after_name = i >= 1 and toks[i - 1][2][:1].isupper()
            if after_name and toks[i0][2].islower() and i0 + 1 < len(toks) and toks[i0 + 1][2][:1].isupper() \
                    and nxt not in _DAY_WORDS and nxt.isalpha() and not (i >= 2 and low[i - 2] == "and"):
                return False
            if after_name and toks[i0][2].islower() and _determined_name(toks, low, i - 1):
                return False      # "in the Kabul blast": a name that modifies a noun
            return ((prev.endswith("s") and prev not in _BE) or after_name) and not after_verb
        return True

    def _trigger_words(self) -> frozenset[str]:
        """The words of this extractor's index as a set (a sentence's set of words meets it in C)."""
        got = self.__dict__.get("_words")
        if got is None or got[0] is not self.index:
            got = self.__dict__["_words"] = (self.index, frozenset(self.index))
        return got[1]

    def _plan_table(self) -> dict:
        """The plans made so far (``_row_plans``) by word, for this extractor's index (a test may give
        the extractor another)."""
        got = self.__dict__.get("_plans")
        if got is None or got[0] is not self.index:
            got = self.__dict__["_plans"] = (self.index, {}, {}, {})
        return got[1]

    def _row_plans(self, word: str) -> tuple:
        """The dictionary's rows of a word, each with what is fixed for it (``_row_plan``), the rows
        with the highest reachable score first (a stable sort: rows of equal score keep file order,
        so the first row to reach the best score is the one file order gives). Also the rows that
        need no word, and every word some row needs. Made once per list of rows (the forms of a verb
        mostly share theirs), each row's plan once."""
        plans = self._plan_table()
        got = plans.get(word)
        if got is None:
            _, _, shared, rows_of = self.__dict__["_plans"]
            pats = self.index.get(word, ())
            key = tuple(map(id, pats))      # (the rows live as long as the index)
            got = shared.get(key)
            if got is None:
                got = shared[key] = _word_plan(pats, rows_of)
            plans[word] = got
        return got

    def _match(self, toks: list[tuple[int, int, str]], low: list[str], i: int, after_verb: bool = False,
               pos_only: str | None = None, present: set | None = None, plan: tuple | None = None) -> tuple[Pattern, int] | None:
        """The best row of the dictionary that matches at token i; ``pos_only``: the part of speech
        the parse gives the word (the rows of that part of speech fit, no others); ``present``: the
        sentence's words as a set (made here when not given); ``plan``: the word's ``_row_plans``
        (read here when not given)."""
        best = None
        # the rows of one word share their context tests: each is made once per (part of speech),
        # (later word, position, reach) and (object window)
        fits: dict[str, bool] = {}
        nexts: dict[tuple, int | None] = {}
        windows: dict = {}
        rows, free, needed = plan or self._row_plans(low[i])
        # a row matches only where the sentence holds one word of each set it needs: a later word of
        # the row is found (_next_word) as one of its forms, an object (_objects_at) as one of the
        # row's objects after the trigger or before it, a subject as one of its subjects before it.
        # ``hits``: the needed words the sentence has; with none, only the rows that need no word
        hits = needed.intersection(low if present is None else present)
        lacks = hits.isdisjoint
        for p, rest, last_forms, top, needs, _ in rows if hits else free:
            if best is not None and top <= best[0]:
                break               # no later row can beat the best (its score is at most ``top``)
            if needs and (lacks(needs[0]) or (len(needs) > 1 and any(map(lacks, needs)))):
                continue
            fit = fits.get(p.pos)
            if fit is None:
                fit = fits[p.pos] = self._pos_fits(p.pos, toks, low, i, after_verb) if pos_only is None \
                    else p.pos == pos_only
            if not fit:
                continue
            j = i + 1
            ok = True
            for w, limit in rest:
                key = (j, w, limit)
                found = nexts[key] if key in nexts else nexts.setdefault(key, _next_word(toks, low, j, w, limit))
                if found is None:
                    ok = False
                    break
                j = found + 1
            if not ok:
                continue
            if last_forms is not None and low[j - 1] not in last_forms:
                continue
            dist = self._objects_at(p, low, i, j, toks, windows) if p.objects else 0
            if dist is None:
                continue
            if p.subjects and not any(w in p.subjects for w in low[max(0, i - 8):i]):
                continue
            # precedence: the longest trigger, then a row whose objects were found, the one whose
            # object stands nearest the verb ("received critical support from leaders": support),
            # a row whose subject words were found, then file order
            score = (len(p.words), bool(p.objects), -dist, bool(p.subjects), -p.row)
            if best is None or score > best[0]:
                best = (score, p, j)
        return (best[1], best[2]) if best else None

    @staticmethod
    def _objects_at(p: Pattern, low: list[str], i: int, j: int, toks=(), windows: dict | None = None) -> int | None:
        """How far after the trigger the row's first object stands (0 before a noun trigger or for
        a passive's subject); None when the row's objects are not there. ``windows``: what the rows of
        this trigger word share, read once: the object windows by (start, reach), the trigger's own
        tests by its position."""
        if p.pos == "verb":
            # a converted row's object is the head of the object phrase: close to the verb;
            # quantities, determiners and the words of a name do not count ("supplied nearly 900
            # tons of food", "backed a U.N. Security Council resolution")
            reach = 7 if p.file == VOCABULARIES[0] else 4
            memo = windows if windows is not None else {}
            site = memo.get((j, reach))
            if site is None:            # the window, and whether it opens with "by" after a participle
                window = _object_window(toks, low, j, reach)
                site = memo[(j, reach)] = (window, window[:1] == ["by"] and is_participle(low[j - 1]))
            window, by_agent = site
            if by_agent and p.code != NO_EVENT:
                # "a statement, released by the Kremlin, ...": after "by" stands the agent, which may
                # name a cause that no happening has ("killed by an avalanche": a --- row), not the object
                window = []
            objects = p.objects
            if not objects.isdisjoint(window):
                at = next((n for n, w in enumerate(window) if w in objects and not _possessor(toks, low, j + n)), None)
                if at is not None:
                    return at
            # passive: "the missiles were fired" -- the object is the subject before the verb (the
            # converted rows describe the active voice only)
            # a reduced relative: "the capital invested in", "the missiles fired at"
            if reach == 7:
                before = memo.get(i)
                if before is None:      # the trigger's own tests, the same for every row of its word
                    before = memo[i] = (is_participle(low[i]), not _BE.isdisjoint(low[max(0, i - 3):i]),
                                        low[max(0, i - 6):i])
                participle, after_be, words_before = before
                if participle and (after_be or (i > 0 and low[i - 1] in objects)):
                    return 0 if not objects.isdisjoint(words_before) else None
            return None
        before = low[max(0, i - 3):i]
        after = low[j:j + 4] if j < len(low) and low[j] == "of" else []
        return 0 if not p.objects.isdisjoint(before + after) else None

    def word_senses(self, cands: list[_Cand], text: str, toks, low: list[str], parse, mentions,
               attributions=()) -> list[_Cand]:
        """The triggers of a sentence that are its event words (extract.trigger_senses): none inside a
        person's name; with a parse, a verb row on a word parsed as an adjective is no event and one on
        a word parsed as a noun becomes the word's noun row ("the Kabul blast": a bombing, not
        criticism), or is no event where the dictionary has no noun of that word ("any shot"); a noun
        without the participants or the sense its test asks for ("talk on the streets", "said in a
        scathing attack") is none."""
        out = []
        for c in cands:
            if trigger_senses.in_name(c, mentions) or trigger_senses.noun_modifier(c, parse, _happening_nouns()) \
                    or trigger_senses.generic(c, parse):
                continue
            pos = trigger_senses.parsed_pos(c, parse)
            if pos == "adjective":
                continue
            if pos == "noun":
                hit = self._match(toks, low, c.tok, pos_only="noun")
                nominal = any(p.pos == "noun" for p in self.index[low[c.tok]])
                if hit is None and (low[c.tok].endswith("ing") or nominal) \
                        and low[c.tok] not in trigger_senses.words("device_nouns"):
                    # "turned to rioting": a gerund names the verb's act; "the U.S.'s demand for his
                    # extradition": a noun of the act whose noun rows ask for other objects ("the
                    # bomb": a weapon, no act)
                    hit = (c.pattern, c.end_tok)
                if hit is None or hit[0].code == NO_EVENT or (hit[1] < len(low) and (
                        low[hit[1]] in _agent_nouns() or low[hit[1]] in grammar_words("noun_modifier_heads"))):
                    continue
                c.pattern, c.end_tok, c.end = hit[0], hit[1], toks[hit[1] - 1][1]
            if trigger_senses.chatter(c, low) or trigger_senses.verbal_attack(c, text, attributions):
                continue
            out.append(c)
        return out

    # -------------------------------------------------------------- helpers
    def triggers(self, text: str, sentences, quote_spans=()) -> list[tuple[list, list[str], list["_Cand"]]]:
        """Per sentence: its tokens, their lower-case forms, and the event triggers found in it."""
        quotes = sorted(quote_spans)
        q_starts = [a for a, _ in quotes]

        def quoted(pos: int) -> bool:
            k = bisect.bisect_right(q_starts, pos) - 1
            return k >= 0 and quotes[k][0] <= pos < quotes[k][1]

        words, plan, plans = self._trigger_words(), self._row_plans, self._plan_table()
        out = []
        for si, (ss, se) in enumerate(sentences):
            toks, low = tokenize_lower(text, ss, se)
            present = set(low)
            # where a trigger may start: a word of the dictionary of which some row may match here
            # (each row of the others needs a word the sentence lacks, as in _match); a test of the
            # word and the sentence only, so made once per word
            starts = set()
            for w in present.intersection(words):
                _, free, needed = plans.get(w) or plan(w)
                if free or not needed.isdisjoint(present):
                    starts.add(w)
            found = self._sentence_triggers(toks, low, present, positions(low, starts), si,
                                            quoted if quotes else None, plans) if starts else []
            if not found:       # (each step below keeps no trigger where there is none)
                out.append((toks, low, found))
                continue
            out.append((toks, low, sentence_filters(found, toks, low)))
        return out

    def _sentence_triggers(self, toks, low: list[str], present: set, starts: list[int], si: int, quoted,
                           plans: dict) -> list[_Cand]:
        """The triggers that start at the tokens ``starts`` (in order) of sentence ``si``; ``quoted``:
        whether a character offset lies inside quotation marks (None: no quotation marks); ``plans``:
        the ``_row_plans`` of the words at ``starts``."""
        titlecase = None        # (read where a capitalised trigger word needs it)
        used = set()
        found: list[_Cand] = []
        last_verb = None        # where the last verb trigger found ends
        breaks = _clause_openers()
        for i in starts:
            if i in used:
                continue        # inside an earlier trigger (checked before the context below)
            if quoted is not None and quoted(toks[i][0]):
                continue        # words inside quotation marks are speech, not narrated events
            if i > 0 and toks[i][2][:1].isupper():
                if titlecase is None:
                    titlecase = _titlecase(toks)
                if not titlecase:
                    continue    # a capitalised word inside a sentence is part of a name ("Promises")
            after_verb = last_verb is not None and breaks.isdisjoint(low[last_verb:i])
            hit = self._match(toks, low, i, after_verb, present=present, plan=plans[low[i]])
            if not hit:
                continue
            p, j = hit
            used.update(range(i, j))
            if p.code == NO_EVENT:
                continue        # "met the deadline": the wording names no happening
            if p.pos == "noun" and j < len(low) and (low[j] in _agent_nouns() or low[j] in grammar_words("noun_modifier_heads")):
                continue        # "invasion forces", "truce monitors", "riot gear": a noun naming people or things
            found.append(_Cand(p, i, j, toks[i][0], toks[j - 1][1], si))
            if p.pos == "verb":
                last_verb = j
        return found

