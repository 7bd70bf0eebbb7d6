"""Pronoun and antecedent resolution for event roles: a pronoun standing for an actor or target is
resolved to the entity it refers to (the nearest fitting mention before it, of its kind and gender;
for a personal pronoun, the nearest clause subject of its gender in its own sentence; a pronoun
right after a speech verb is the speaker's, which the surface rules resolve)."""
from __future__ import annotations

import bisect

from ..record import Mention
from ..nlp.extensions import text_of
from .entity_context import pronoun_gender
from .frames import role_words
from .event_lexicon import _PERSON_PRON, _PRONOUNS, _STATE_PRON, _SUBJ, _SUBJ_PASS, _after_speech_verb


def _reported_pronoun(subj) -> bool:
    """A pronoun subject right after a speech verb ("X said they would ...")."""
    return subj.lower_ in _PRONOUNS and subj.i > subj.sent.start and _after_speech_verb(
        [t.lower_ for t in subj.doc[subj.sent.start:subj.i + 1]], subj.i - subj.sent.start)


class PronounRules:
    """Methods of EventExtractor (extract.events): antecedents of pronouns."""

    def _pronoun(self, word: str, pos: int, mentions: list[Mention]) -> Mention | None:
        kinds = ("person",) if word in _PERSON_PRON else ("country", "organization") if word in _STATE_PRON \
            else ("country", "organization", "person")
        gender = pronoun_gender(word)
        fits = [m for m in mentions if m.end <= pos and m.kind in kinds and not (
            gender and m.gender and m.gender != gender)][::-1]   # nearest first; not "he" for a "she"
        if not fits:
            return None
        starts = getattr(self, "_sent_starts", None) or [0]

        def sent(x: int) -> int:
            return bisect.bisect_right(starts, x) - 1
        top = fits[0]
        if top.kind == "person" and gender and top.gender != gender and sent(top.start) < sent(pos):
            # outside the pronoun's own sentence, one known to be of its gender wins over one not known
            top = next((m for m in fits if m.kind == "person" and m.gender == gender), top)
        return top

    @staticmethod
    def _subject_antecedent(token, mentions: list[Mention]) -> Mention | None:
        """A personal pronoun's antecedent in its own sentence: the nearest person before it who is a
        clause's subject ("Chaffetz insisted he has questions for X than the ones he refused to
        answer": he is Chaffetz, not the nearer X), known to be of the pronoun's gender; none where no
        such subject fits."""
        if token.lower_ not in _PERSON_PRON:
            return None
        gender = pronoun_gender(token.lower_)
        for t in reversed(list(token.sent)[:token.i - token.sent.start]):
            if t.dep_ not in _SUBJ:
                continue
            m = next((x for x in mentions if x.start <= t.idx < x.end and x.kind == "person"), None)
            if m is not None and (m.gender == gender or not gender):
                return m          # (a subject not known to be of the pronoun's gender is passed over)
        return None

    @staticmethod
    def _previous_subject(token, mentions: list[Mention]) -> Mention | None:
        """A personal pronoun that is its sentence's first subject continues the topic of the sentence
        before: the person who is that sentence's main subject ("X met Y on Monday. He will ...": he
        is X, not the nearer Y), unless known to be of another gender; none where that subject names
        no person."""
        sent = token.sent
        if token.lower_ not in _PERSON_PRON or token.dep_ not in _SUBJ | _SUBJ_PASS or sent.start == 0 \
                or any(t.dep_ in _SUBJ | _SUBJ_PASS for t in token.doc[sent.start:token.i]):
            return None
        prev = token.doc[sent.start - 1].sent
        subj = next((ch for ch in prev.root.children if ch.dep_ in _SUBJ | _SUBJ_PASS), None)
        if subj is None:
            return None
        gender = pronoun_gender(token.lower_)
        m = next((x for x in mentions if x.start <= subj.idx < x.end), None)
        if m is None or m.kind != "person" or (gender and m.gender and m.gender != gender):
            return None
        return m

    def _definite_antecedent(self, token, mentions: list[Mention]) -> Mention | None:
        """A common noun after "the" that names no entity itself refers back to the nearest
        entity before it that it describes: a person whose role ends in that noun ("the president":
        the last president named), a body whose name ends in it ("the court": the World Court, "the
        committee": the Senate Foreign Relations Committee); none where no such entity comes before."""
        if not (token.is_alpha and token.text.islower()) \
                or not any(ch.dep_ == "det" and ch.lower_ == "the" for ch in token.children):
            return None
        word, text = token.lower_, text_of(token.doc)
        for m in reversed(mentions):
            if m.end > token.idx:
                continue
            title = (m.role or "").lower().split()[-1:] or text[max(0, m.start - 30):m.start].lower().split()[-1:]
            if m.kind == "person" and title == [word]:
                return m          # (a title right before the name: "President X")
            words = (m.name or "").lower().split()
            if m.kind == "organization" and len(words) > 1 and (words[-1] == word or (
                    word in role_words("panel_words") and words[-1] in role_words("panel_words"))):
                return m          # (a committee is also "the panel")
        far = _last_body(self._body_index(), word, token.idx)
        if far is not None:
            return far            # a body named further back in the article ("the panel", many lines on)
        if word in role_words("group_words"):
            # "Hamas leader X said the group would ...": the last body named before it in its sentence
            first = token.sent.start_char
            return next((m for m in reversed(mentions) if first <= m.start and m.end <= token.idx
                         and m.kind == "organization"), None)
        return None

    def _body_index(self):
        """``body_index`` of the article's mentions (``_body_mentions``), made at its first reader:
        only a parsed definite noun reads it, so the rules-only profile never makes it."""
        if getattr(self, "_bodies", None) is None and getattr(self, "_body_mentions", None) is not None:
            self._bodies = body_index(self._body_mentions)
        return getattr(self, "_bodies", None)

    def _event_anaphor(self, token, mentions: list[Mention], hops: int = 2) -> Mention | None:
        """A definite noun that refers back to the act the previous sentence reports ("X rejected the
        appeal. Y hailed the ruling": X's ruling) stands for that act's doer: the named main subject
        of the previous sentence, or of the one before where that subject is such a noun again ("X
        called for Y. The move was expected. Z will challenge the move"); none where the noun has a
        modifier that names an entity or that subject names no party."""
        if token.lower_ not in role_words("event_anaphors") or token.sent.start == 0 \
                or not any(ch.dep_ == "det" and ch.lower_ in role_words("anaphoric_determiners")
                           for ch in token.children) \
                or any(m.start >= token.idx and m.end <= token.right_edge.idx + len(token.right_edge)
                       for m in mentions if token.left_edge.idx <= m.start):
            return None
        prev = token.doc[token.sent.start - 1].sent
        subj = next((ch for ch in prev.root.children if ch.dep_ in _SUBJ | _SUBJ_PASS), None)
        if subj is None or subj.lower_ in _PRONOUNS:
            return None
        m = self._mention_of(subj, mentions)
        if m is None and hops > 1:
            return self._event_anaphor(subj, mentions, hops - 1)
        return m if m is not None and m.kind in ("country", "person", "organization") else None


def _head_key(word: str) -> str:
    """The key a body's last word is indexed by: the word, or "panel" for any of the panel_words
    (a committee is also "the panel", "the commission")."""
    return "panel" if word in role_words("panel_words") else word


def body_index(mentions: list[Mention]) -> dict[str, tuple[list[int], list[Mention]]]:
    """The article's bodies of more than one word by their last word (role_words panel_words
    counted as one): key -> (mention ends, mentions), in text order, for ``_last_body``. One pass."""
    index: dict[str, tuple[list[int], list[Mention]]] = {}
    for m in mentions:
        if m.kind != "organization":
            continue
        words = (m.name or "").lower().split()
        if len(words) < 2:
            continue
        ends, ms = index.setdefault(_head_key(words[-1]), ([], []))
        ends.append(m.end)
        ms.append(m)
    return index


def _last_body(index, word: str, pos: int) -> Mention | None:
    """The last body whose name ends in ``word`` (or in any panel word, for one) named before the
    character ``pos`` anywhere earlier in the article; None if none or no index."""
    if not index:
        return None
    ends, ms = index.get(_head_key(word), ((), ()))
    k = bisect.bisect_right(ends, pos) - 1
    return ms[k] if k >= 0 else None


_PAIR_REACH = 1500      # how far back (characters) "the two leaders" looks for the pair it refers to


def pair_of(token, mentions: list[Mention]) -> tuple[Mention, Mention] | None:
    """"the two leaders", "both countries": a plural noun of parties (role_words pair_nouns) counted
    as two refers back to the last two states or people of different states named before it (leaders:
    people; "men", "women": two people of any state), in the order named; None where the noun names no
    such pair or fewer than two came before it."""
    if token.lower_ not in role_words("pair_nouns") or not any(
            (ch.dep_ == "nummod" and ch.lower_ == "two") or (ch.dep_ == "det" and ch.lower_ == "both")
            for ch in token.children):
        return None
    kinds = ("person",) if token.lower_ in role_words("pair_people_nouns") else ("country", "person")
    one_state = token.lower_ in role_words("pair_same_state_nouns")
    found: list[Mention] = []
    for m in reversed(mentions):
        if m.end > token.idx or token.idx - m.start > _PAIR_REACH or m.kind not in kinds:
            continue
        if any(m.entity == x.entity if one_state else (not m.code or m.code == x.code) for x in found) \
                or not (m.code or one_state):
            continue
        found.append(m)
        if len(found) == 2:
            if not one_state:       # each state's person named first in reach: its leader, not a spokesman
                near = [x for x in mentions if x.end <= token.idx and token.idx - x.start <= _PAIR_REACH]
                found = [next((x for x in near if x.kind == y.kind and x.code == y.code), y) for y in found]
            first, second = sorted(found, key=lambda x: x.start)
            return first, second
    return None
