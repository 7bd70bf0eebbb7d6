"""Source resolution: a source span to an entity mention, pronoun antecedent or source noun."""
from __future__ import annotations

import bisect
from collections import defaultdict
from functools import lru_cache
from itertools import chain, filterfalse
from operator import attrgetter

from dateline.extract.attribution_doc import _Doc
from dateline.extract.attribution_lexicon import pronouns, source_nouns
from dateline.extract.attribution_words import (
    _INDEFINITE, _LEAD_DROP, _RELATIVE_OPENERS, _RELATIVE_SUBJECTS, _ROLE_GENDER,
)
from dateline.extract.entity_context import _title_words, pronoun_gender
from dateline.record import Mention, SourceRef


def _span_name(text: str, d: _Doc, s: int, e: int) -> str:
    """The name a source span gives without mentions: its head segment (before an appositive
    comma or a relative clause: "a diplomat who spoke on condition of anonymity"), minus leading
    determiners."""
    j = s
    while j < e and d.low[j] != "," and not (j > s + 1 and d.low[j] in _RELATIVE_OPENERS):
        j += 1
    a = s
    while a < j - 1 and d.low[a] in _LEAD_DROP:
        a += 1
    return text[d.starts[a]:d.ends[j - 1]] if j > a else text[d.starts[s]:d.ends[e - 1]]


@lru_cache(maxsize=4096)
def _lower_words(name: str) -> tuple[str, ...]:
    """The lower-case words of a mention's name (a name comes back in many articles' look-backs)."""
    return tuple(name.lower().split())


@lru_cache(maxsize=None)
def _publication_ends() -> frozenset[str]:
    """The last words of the publication source nouns."""
    return frozenset(k[-1] for k, v in source_nouns().items() if v[0] == "publication")


@lru_cache(maxsize=None)
def _role_nouns() -> frozenset[str]:
    """The last words of the role and anonymous source nouns (made once, not per article)."""
    return frozenset(k[-1] for k, v in source_nouns().items() if v[0] in ("role", "anonymous"))


class _Resolver:
    def __init__(self, text: str, d: _Doc, mentions: list[Mention]):
        self.text = text
        self.d = d
        # by start, the longer first: sorted by end (descending), then by start (both sorts are stable)
        self.mentions = sorted(sorted(mentions, key=attrgetter("end"), reverse=True), key=attrgetter("start"))
        self.mstarts = list(map(attrgetter("start"), self.mentions))
        self.pron = pronouns()
        self.nouns = source_nouns()
        self.nouns_flat = _role_nouns()
        self.history: list[tuple[int, SourceRef]] = []   # (char pos, resolved source), in text order
        # positions in history under the keys the look-backs test: ("named", kind), ("known", kind),
        # ("end", char end), ("institution",); in history order, so the last one before a position is
        # found by bisection instead of a walk back through every source of the article
        self.keyed: dict[tuple, list[int]] = defaultdict(list)
        self.in_order = True      # history positions never decrease (sources come in text order)
        # he/she of the people the article calls so (the entity stage's Mention.gender)
        self.gender = {m.entity: m.gender for m in mentions if m.entity and m.gender}
        self.content_of: dict[int, tuple[int, int]] = {}   # id(source) -> char span of what it said

    def _back_from(self, pos: int, kinds):
        """Mentions of these kinds that end before pos, nearest first."""
        for i in range(bisect.bisect_left(self.mstarts, pos) - 1, -1, -1):
            m = self.mentions[i]
            if m.end <= pos and m.kind in kinds:
                yield m

    def before(self, pos: int, kinds, role: str | None = None):
        fallback = None
        for m in self._back_from(pos, kinds):
            if role is None or (m.role and role in m.role.lower()):
                return m
            if fallback is None:
                fallback = m
        return fallback

    def clashes(self, entity: str | None, word: str) -> bool:
        """Is ``entity`` a person the article calls by the other gender's pronoun than ``word``?"""
        g, want = self.gender.get(entity or ""), pronoun_gender(word)
        return bool(g and want and g != want)

    def before_fitting(self, pos: int, kinds, word: str):
        """The last mention of these kinds before pos that the pronoun ``word`` can stand for (not a
        person the article calls by the other gender's pronoun); among people, one known to be of
        its gender in this or the previous sentence wins over one whose gender is not known.

        The candidates come nearest first, so their sentences never increase: each search stops at
        the first one before the sentences it looks at (the rest of the article is never read)."""
        want = pronoun_gender(word)
        fits = (m for m in self._back_from(pos, kinds) if not self.clashes(m.entity, word))
        top = next(fits, None)
        if top is None:
            return None
        seen = [top]                       # the candidates read so far, nearest first
        first = self._sentence_subject(top, seen, fits) if top.kind == "person" else top
        if want and first.kind == "person" and self.gender.get(first.entity or "") != want:
            near = self.d.sent_of_unit(pos) - 1
            for m in chain(seen, fits):
                if self.d.sent_of_char(m.start) < near:
                    break
                if m.kind == "person" and self.gender.get(m.entity or "") == want:
                    return m
        return first

    # how far into its sentence a person's name may start and still be the sentence's subject
    _SUBJECT_REACH = 20

    def _sentence_subject(self, top: Mention, seen: list, fits):
        """The nearest candidate, except that a person opening its sentence (its subject: "Trump
        commented on Crutcher's death. He said ...") comes before the other people of that sentence
        (``seen``: the candidates read so far, to which those read here are added)."""
        k = self.d.sent_of_char(top.start)
        start = self.d.sent_starts[k] if 0 <= k < len(self.d.sent_starts) else 0
        m = top
        while True:
            sk = self.d.sent_of_char(m.start)
            if sk < k:
                return top
            if m.kind == "person" and sk == k and m.start - start <= self._SUBJECT_REACH:
                return m
            m = next(fits, None)
            if m is None:
                return top
            seen.append(m)

    def named_with(self, pos: int, noun: str, kinds):
        """The last mention before pos whose name contains the noun ("agency" -> "... Energy Agency")."""
        words = tuple(noun.lower().split())
        for m in self._back_from(pos, [k for k in kinds if k != "person"]):
            name = _lower_words(m.name or m.text or "")
            if any(name[k:k + len(words)] == words for k in range(len(name) - len(words) + 1)):
                return m
        return None

    def source_before(self, pos: int, kinds):
        """The last resolved source (with an entity or code) of a fitting kind before pos."""
        k = self._last_keyed([("known", kind) for kind in kinds], pos)
        return self.history[k][1] if k is not None else None

    def resolve(self, s: int, e: int) -> SourceRef:
        """The source a span of tokens [s, e) names: a mention in its head, a pronoun's
        antecedent, a source noun's referent, else the span's own name."""
        d, text = self.d, self.text
        cs, ce = d.starts[s], d.ends[e - 1]
        # head segment: before the first comma
        seg = d.low[s:e]
        h = s + seg.index(",") if "," in seg else e
        hs, he = cs, d.ends[h - 1] if h > s else ce
        ref = SourceRef(start=cs, end=ce)
        # 1. a mention inside the head (or the whole span)
        m = self.mention_in(hs, he)
        if m is None and he != ce:      # (the head is the whole span: the same look-up)
            m = self.mention_in(cs, ce)
        head_words = tuple(filterfalse(_LEAD_DROP.__contains__, d.low[s:h]))
        if m is not None and m.kind != "person" and h < e and set(head_words) & self.nouns_flat:
            # "The U.N. envoy for Sudan, Volker Perthes, said": the role's holder is named after the comma
            p = self.mention_in(d.starts[h], ce)
            if p is not None and p.kind == "person":
                m = p
        if m is not None and m.end < he and (text[m.end:m.end + 2] in ("'s", "’s") or m.kind == "place"
                                             and not m.metonym) \
                and head_words and (head_words[-1] in self.nouns_flat or head_words[-1] in _title_words()[0]):
            # "Obama's former campaign strategist said", "the Ohio senator said": the speaker holds a role of
            # the possessor (or place), and is the person named before in that role's place, else an
            # unnamed one of the possessor's ("an Ohio senator": someone new)
            if d.low[s] in _INDEFINITE:
                ref.name, ref.code = _span_name(text, d, s, h), m.code
                return ref
            return self.role_of(ref, m, text[hs:he])
        if m is not None and not (len(head_words) == 1 and head_words[0] in self.pron):
            return self.described(self.fill(ref, m), m, h, e)
        # 2. pronouns
        if len(head_words) == 1 and head_words[0] in self.pron:
            return self.resolve_pronoun(ref, head_words[0], text[hs:he])
        # 3. source nouns: generic institutions, state media, roles
        return self.resolve_noun(ref, s, e, h, head_words)

    def described(self, ref: SourceRef, m: Mention, h: int, e: int) -> SourceRef:
        """A name with an appositive that gives a person's role ("X, a developer and spokeswoman for Y,
        said") is a person, whatever kind its mention has, and of that role's gender if it has one."""
        if m.kind not in ("person", "place") or m.metonym or h >= e:
            return ref
        words = [self.d.low[x] for x in range(h + 1, e) if self.d.inq[x] < 0]
        words = words[:words.index(",")] if "," in words else words
        if m.kind == "place" and any(w in self.nouns_flat or w in _title_words()[0] for w in words):
            ref._kind = "person"  # type: ignore[attr-defined]
        g = next((_ROLE_GENDER[w] for w in words if w in _ROLE_GENDER), None)
        if g and m.entity and getattr(ref, "_kind", None) == "person":
            self.gender.setdefault(m.entity, g)
        return ref

    def role_of(self, ref: SourceRef, owner: Mention, head: str) -> SourceRef:
        """A source described as the possessor's role-holder: the salient person speaking just before
        (not the possessor), else a person named in this or the previous sentence, else unnamed with
        the possessor's state."""
        near = self.d.sent_of_char(ref.start) - 1
        for p, prev in reversed(self.history):
            if self.d.sent_of_char(p) < near and self.in_order:
                break     # the rest is farther back
            if getattr(prev, "_kind", None) == "person" and prev.entity != owner.entity \
                    and self.d.sent_of_char(p) >= near:
                return self.same_as(ref, prev)
        m = next((x for x in self._back_from(ref.start, ("person",)) if x.entity != owner.entity
                  and self.d.sent_of_char(x.start) >= near), None)
        if m is not None:
            return self.fill(ref, m)
        ref.name, ref.code = head, owner.code
        return ref

    def resolve_pronoun(self, ref: SourceRef, word: str, head: str) -> SourceRef:
        """A pronoun source: the source just before a relative pronoun, the salient speaker,
        the last mention of a fitting kind, or the last named source."""
        text, cs = self.text, ref.start
        kinds = self.pron[word][0]
        if word in _RELATIVE_SUBJECTS:
            # a relative pronoun stands for the source just before it ('said X, who added')
            for k in sorted((k for e in range(cs - 3, cs + 1) for k in self.keyed.get(("end", e), ())),
                            reverse=True):
                prev = self.history[k][1]
                if text[prev.end:cs].strip() in ("", ","):
                    return self.same_as(ref, prev)
            # else the nearest mention of a fitting kind ('... with X, now the party's leader, who said')
            m = next(self._back_from(cs, kinds), None)
            gap = text[m.end:cs].strip() if m is not None else ""
            if m is not None and (gap in ("", ",") or gap[:1] == "," == gap[-1:] and ";" not in gap) \
                    and self.d.sent_of_char(m.start) == self.d.sent_of_char(cs):
                return self.fill(ref, m)
        m = self.before_fitting(cs, kinds, word)
        spk = self.salient_speaker(cs, m, kinds)
        if spk is not None and not self.clashes(spk.entity, word) and not self._gender_wins(m, spk, word, cs):
            return self.same_as(ref, spk)
        if m is not None:
            return self.fill(ref, m)
        prev = self.last_named(cs, kinds)
        if prev is not None:
            return self.same_as(ref, prev)
        ref.name = head
        return ref

    def _gender_wins(self, m, spk: SourceRef, word: str, pos: int) -> bool:
        """Does ``m``, known to be of the pronoun's gender and named in its sentence, win over the salient
        speaker whose gender is not known ("X called Y a disgrace after she attacked ...": Y)?"""
        want = pronoun_gender(word)
        return bool(want and m is not None and m.entity != spk.entity and self.gender.get(m.entity or "") == want
                    and not self.gender.get(spk.entity or "")
                    and self.d.sent_of_char(m.start) == self.d.sent_of_char(pos))

    def resolve_noun(self, ref: SourceRef, s: int, e: int, h: int, head_words) -> SourceRef:
        """A source noun ("the agency", "state media", "the prime minister") or a plain name."""
        d, text, cs = self.d, self.text, ref.start
        typ = None
        for n in (3, 2, 1):
            if len(head_words) >= n and head_words[-n:] in self.nouns:
                typ, kinds = self.nouns[head_words[-n:]]
                noun = " ".join(head_words[-n:])
                break
        name = _span_name(text, d, s, e)
        if typ in ("generic", "state") and all(not d.words[x][:1].isupper() or x == s
                                                for x in range(s, h)):
            found = self.resolve_institution(ref, typ, noun, kinds)
            if found is not None:
                return found
        if typ == "publication":
            return self.resolve_publication(ref, s, h, noun, name)
        if typ == "role" and len(head_words) <= 3:
            m = self.before(cs, ("person",), role=noun)
            # "the prime minister" is the person last named with that role (or the last person named
            # without one); "a spokesman" (indefinite) is someone new, and a person named with another
            # role is not "the spokesman"
            if m is not None and d.low[s] not in _INDEFINITE \
                    and (m.role and noun in m.role.lower() or d.low[s] == "the" and not m.role):
                return self.fill(ref, m)
        ref.name = name
        return ref

    def resolve_publication(self, ref: SourceRef, s: int, h: int, noun: str, name: str) -> SourceRef:
        """A news outlet: "the Maariv newspaper" is Maariv; "the newspaper" is the outlet last named
        with that noun as a source, else the organisation whose mention that noun follows."""
        d = self.d
        ref._kind = "organization"  # type: ignore[attr-defined]
        proper = [x for x in range(s, h) if d.words[x][:1].isupper() and d.low[x] not in _LEAD_DROP]
        if proper:
            ref.name = self.text[d.starts[proper[0]]:d.ends[proper[-1]]]
            return ref
        k = self._last_keyed([("noun", noun)], ref.start) if d.low[s] not in _INDEFINITE else None
        if k is not None:
            return self.same_as(ref, self.history[k][1])
        for i, m in enumerate(self._back_from(ref.start, ("organization",))):
            if i > 30:
                break
            if self.text[m.end:m.end + len(noun) + 2].lower().split()[:len(noun.split())] == noun.split():
                return self.fill(ref, m)
        ref.name = name
        return ref

    def _outlet_noun(self, ref: SourceRef) -> str | None:
        """The publication noun that ends a source's head ("the Maariv newspaper" -> "newspaper")."""
        head = self.text[ref.start or 0:ref.end or 0].split(",", 1)[0]
        last = head.rsplit(None, 1)[-1:]
        if not last or last[0].lower() not in _publication_ends():
            return None      # (a publication noun ends with one of those words)
        words = tuple(head.lower().split())
        for n in (2, 1):
            if self.nouns.get(words[-n:], ("",))[0] == "publication" and len(words) >= n:
                return " ".join(words[-n:])
        return None

    def resolve_institution(self, ref: SourceRef, typ: str, noun: str, kinds) -> SourceRef | None:
        """"the agency" after "the International Atomic Energy Agency": the organisation whose
        name has the noun, before the last source of a fitting kind; "state media": the country."""
        cs = ref.start
        named = self.named_with(cs, noun, kinds) if typ == "generic" else None
        if named is not None:
            return self.fill(ref, named)
        prev = self.source_before(cs, kinds) if typ == "generic" else None
        m = self.before(cs, kinds) if prev is None else None
        if typ == "state" and m is None:
            m = self.before(cs, ("country",))
        if prev is not None:
            return self.same_as(ref, prev)
        if m is not None:
            return self.fill(ref, m)
        if not self.mentions:
            # no mentions: the last named source stands behind "the statement"
            k = self._last_keyed([("institution",)], cs)
            if k is not None:
                prev = self.history[k][1]
                ref.name, ref.entity, ref.code = prev.name, prev.entity, prev.code
                return ref
        return None

    def salient_speaker(self, pos: int, m, kinds):
        """The previous speaker, when a pronoun source ("he said") is more likely to continue them than
        to pick up ``m``, the last mention of a fitting kind: the speaker was named after ``m``, or ``m``
        only occurs inside what the speaker said ("A spokesman said Kim had left. He added ...").
        Only a person-like speaker of the same or the previous sentence counts."""
        if not self.history or "person" not in kinds:
            return None
        p, ref = self.history[-1]
        if p >= pos or not ref.name or ref.name.lower() in self.pron:
            return None
        kind = getattr(ref, "_kind", None)
        words = ref.name.lower().split()
        if not (kind == "person" or (kind is None and words and words[-1] in self.nouns_flat)):
            return None
        if self.d.sent_of_unit(pos) - self.d.sent_of_char(p) > 1:
            return None
        if m is None or m.end <= p:
            # a role noun, or a person the mentions do not call one, after the last person mention
            return ref if kind is None or m is None or m.end <= p and m.entity != ref.entity else None
        content = self.content_of.get(id(ref))
        if content and content[0] <= m.start < content[1]:
            return ref
        if m.start > p and self.d.sent_of_char(m.start) == self.d.sent_of_char(p):
            return ref   # m comes after the speaker in its sentence: not its subject ("X said after meeting m")
        return None

    def last_named(self, pos: int, kinds):
        """The last source with a name (or a resolved kind that fits) before pos."""
        k = self._last_keyed([("named", kind) for kind in (*kinds, None)], pos)
        return self.history[k][1] if k is not None else None

    def _last_keyed(self, keys, pos: int) -> int | None:
        """The last position in history under one of ``keys`` whose source is before ``pos``."""
        best = None
        for key in keys:
            lst = self.keyed.get(key, ())
            if self.in_order:
                n = bisect.bisect_left(lst, pos, key=lambda k: self.history[k][0])
                cand = lst[n - 1] if n else None
            else:
                cand = next((k for k in reversed(lst) if self.history[k][0] < pos), None)
            if cand is not None and (best is None or cand > best):
                best = cand
        return best

    def mention_in(self, a: int, b: int):
        i = bisect.bisect_left(self.mstarts, a)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < b:
            m = self.mentions[i]
            if m.end <= b + 1:
                # prefer the mention that ends the head ("South Korea's Joint Chiefs" -> the
                # org if it is a mention, else the country); a person named is the source whatever
                # follows ("Rep. X (D-Calif.)"), and a place speaks only where nothing else is named
                place = m.kind == "place" and not m.metonym
                if best is None or (best.kind != "person" and not place and (m.end > best.end or m.kind == "person")) \
                        or self._role_between(best, m):
                    best = m
            i += 1
        if best is None:
            # a mention overlapping the span
            j = bisect.bisect_left(self.mstarts, a) - 1
            if j >= 0 and self.mentions[j].end > a:
                best = self.mentions[j]
        return best

    def _role_between(self, a: Mention, b: Mention) -> bool:
        """Are people a and b joined by a role of a's ("Clinton spokesman Jesse Lehrich", "Kim's
        envoy Li Ho"): b holds the role, and is the head of the phrase."""
        if a.kind != "person" or b.kind != "person" or b.start <= a.end:
            return False
        gap = self.text[a.end:b.start].lower().split()
        if gap and gap[0] in ("'s", "’s"):
            gap = gap[1:]
        return 0 < len(gap) <= 4 and all(w.isalpha() for w in gap) \
            and (gap[-1] in self.nouns_flat or gap[-1] in _title_words()[0])

    @staticmethod
    def same_as(ref: SourceRef, prev: SourceRef) -> SourceRef:
        """``ref`` stands for the source ``prev`` resolved to (entity, name, code and kind)."""
        ref.entity, ref.name, ref.code = prev.entity, prev.name, prev.code
        ref._kind = getattr(prev, "_kind", None)  # type: ignore[attr-defined]
        return ref

    def fill(self, ref: SourceRef, m: Mention) -> SourceRef:
        ref.entity = m.entity
        ref.name = m.name or m.text
        ref.code = m.code
        ref._kind = m.kind  # type: ignore[attr-defined]
        return ref

    def note(self, pos: int, ref: SourceRef, content: tuple[int, int] | None = None):
        if self.history and pos < self.history[-1][0]:
            self.in_order = False
        k = len(self.history)
        self.history.append((pos, ref))
        kind, name = getattr(ref, "_kind", None), ref.name
        if name and name[:1].isupper() and name.lower() not in self.pron:
            self.keyed[("named", kind)].append(k)
        if ref.entity or ref.code:
            self.keyed[("known", kind)].append(k)
        if ref.end is not None:
            self.keyed[("end", ref.end)].append(k)
            noun = self._outlet_noun(ref)
            if noun and (ref.entity or (name and name[:1].isupper())):
                self.keyed[("noun", noun)].append(k)
        if name and name[:1].isupper() and kind != "person" and name.split()[-1].lower() not in self.nouns_flat:
            self.keyed[("institution",)].append(k)
        if content:
            self.content_of[id(ref)] = content
