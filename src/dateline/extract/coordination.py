"""Coordinated participants: one event per participant.

"The court rejected the U.S. and British objections" is a rejection of each; "Poland, Hungary and
the Czech Republic joined" is three accessions. A participant followed by a list of other named
states, organisations or people ("X, Y and Z", "X and Y") gives one event per member of the list.
Joint happenings ("A and B signed", ``cameo/symmetric.tsv``) already take such a pair as actor and
target and are left alone.
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import functools
from operator import attrgetter

from ..resources import read_tsv
from ..timeline.merge import symmetric_codes
from .entity_context import _title_chain
from .event_lexicon import _LIST_GAP
from .frames import role_words
from .regexes import regex

_KINDS = ("country", "person", "organization")
_MAX_MEMBERS = 8


def _listed_before(text: str, m, mentions, starts: list[int]) -> list:
    """The members listed before ``m`` in its list ("Chile, Peru and" before "Bolivia")."""
    out, cur = [], m
    for _ in range(_MAX_MEMBERS):
        k = bisect.bisect_left(starts, cur.start) - 1
        prev = mentions[k] if k >= 0 else None
        if prev is None or prev.kind not in _KINDS or not prev.code or prev.end > cur.start:
            break
        gap = text[prev.end:cur.start]
        if not _LIST_GAP.fullmatch(gap) or ("and" in gap.lower().split() and cur is not m):
            break           # only the last member follows "and"
        out.append(prev)
        cur = prev
    return out[::-1]


def _closed(gap: str) -> bool:
    """Does this gap between two members close a list ("and", ", and")?"""
    return "and" in gap.lower().split()


def _affiliation(text: str, m, mentions, starts: list[int]):
    """The state in an of-phrase right after a person or body ("Presidents X of Chile and Y of Peru"):
    it belongs to that member of a list, and the list goes on after it; None where there is none."""
    if m.kind not in ("person", "organization") or text[m.end:m.end + 1] != " ":
        return None
    k = bisect.bisect_left(starts, m.end)
    nxt = mentions[k] if k < len(mentions) else None
    if nxt is None or nxt.kind != "country" or not nxt.code \
            or text[m.end:nxt.start].strip().lower() not in role_words("affiliation_prepositions"):
        return None
    return nxt


def _titled_person(text: str, m, mentions, starts: list[int]):
    """The person a state's adjective is the title of ("Peruvian President X": X), else None."""
    if m.form != "adjective":
        return None
    k = bisect.bisect_left(starts, m.end)
    nxt = mentions[k] if k < len(mentions) else None
    return nxt if nxt is not None and nxt.kind == "person" and _title_chain(text[m.end:nxt.start]) else None


def _member_end(text: str, m, mentions, starts: list[int]) -> int:
    """Where a list member's own phrase ends: after the person its state's adjective titles, and after
    a state in an of-phrase of it."""
    m = _titled_person(text, m, mentions, starts) or m
    aff = _affiliation(text, m, mentions, starts)
    return aff.end if aff is not None else m.end


def conjuncts(text: str, first, mentions, starts: list[int]) -> list:
    """The other members of the list ``first`` stands in, each of a state not already in it. A list
    is closed by "and": names before ``first`` joined to it by commas only are no list of its
    ("posing with X, Y pledged": X is not a co-actor)."""
    listed = _listed_before(text, first, mentions, starts)
    before = [x for x in listed if x.code != first.code]
    out, codes, pos = [], {first.code} | {x.code for x in before}, _member_end(text, first, mentions, starts)
    closed = bool(listed) and _closed(text[listed[-1].end:first.start])
    for _ in range(_MAX_MEMBERS):
        gap = _LIST_GAP.match(text, pos)
        if gap is None or gap.end() == pos:
            break
        k = bisect.bisect_left(starts, gap.end())
        nxt = mentions[k] if k < len(mentions) and mentions[k].start == gap.end() else None
        aff = _affiliation(text, nxt, mentions, starts) if nxt is not None else None
        end = _member_end(text, nxt, mentions, starts) if nxt is not None else pos
        if nxt is not None and not nxt.code and aff is not None:
            nxt = aff             # "Y of Peru": Y's state, where Y has none of its own
        titled = _titled_person(text, nxt, mentions, starts) if nxt is not None else None
        if titled is not None and titled.code == nxt.code:
            nxt = titled          # "Peruvian President Y": the person
        if nxt is None or nxt.kind not in _KINDS or not nxt.code:
            break
        if nxt.code not in codes:
            out.append(nxt)
            codes.add(nxt.code)
        pos = end
        if _closed(gap.group()):
            closed = True
            break           # "and" closes the list
    return (before if closed else []) + out


@functools.lru_cache(maxsize=1)
def _separate_roots() -> tuple[str, ...]:
    return tuple(r["root"] for r in read_tsv("cameo", "separate_roots.tsv"))


def _separate_pair(c, text: str) -> bool:
    """"A and B condemned the plan": a pair of subjects that the rules took as actor and counterpart,
    of a one-sided act (cameo/separate_roots.tsv) that is no modality of a joint one ("failed to reach
    agreement" stays the pair's): both act, neither is the other's target."""
    a, t = c.actor, c.target
    return bool(c.between and a is not None and t is not None and a.end <= t.start and t.end <= c.start
                and c.pattern.code.startswith(_separate_roots()) and not c.modality
                and regex("cameo", "joint_and").fullmatch(text[a.end:t.start]))


def _jointly(c, text: str) -> bool:
    """Does the event's sentence call the act a joint one ("jointly", "together", "a joint statement")?"""
    a = max(text.rfind(". ", 0, c.start), text.rfind("\n", 0, c.start)) + 1
    b = text.find(". ", c.end)
    words = text[a:b if b >= 0 else len(text)].lower().replace(",", " ").split()
    return not role_words("joint_words").isdisjoint(words)


def _joint_act(c, text: str, mentions, starts: list[int]) -> bool:
    """"A and B jointly agreed", "in their joint statement, A and B called for": one act of the pair,
    the first named acting; a cooperative one has the second as its counterpart, another has none.
    Whether the event is settled so (a named counterpart apart from the pair is left to the caller)."""
    coop = c.pattern.code in symmetric_codes() or c.pattern.code[:2] in role_words("cooperative_roots")
    if c.between:
        if not coop:
            c.target, c.between = None, False
        return True
    if c.target is not None:
        return False
    if coop:
        c.target = next(iter(conjuncts(text, c.actor, mentions, starts)), None)
    return True


def split_coordinated(cands: list, text: str, mentions) -> list:
    """Each event once per member of a listed target, and of a listed actor (not joint happenings)."""
    joint_codes_ = symmetric_codes()
    mentions = sorted(mentions, key=attrgetter("start"))
    starts = [m.start for m in mentions]
    out = []
    for c in cands:
        out.append(c)
        if c.actor is not None and c.actor.code and _jointly(c, text) and _joint_act(c, text, mentions, starts):
            continue
        if _separate_pair(c, text):
            other, c.target, c.between = c.target, None, False
            out.append(replace(c, actor=other, sources=list(c.sources), attributions=list(c.attributions)))
            continue
        joint = c.between or c.pattern.code in joint_codes_
        if c.pattern.code in joint_codes_ and c.actor is not None and c.actor.code and c.target is None:
            # "A and B signed": a joint happening of the listed subjects, the first named acting
            c.target = next(iter(conjuncts(text, c.actor, mentions, starts)), None)
            continue
        if joint and not c.between and c.target is not None and c.actor is not None and c.actor.code:
            # "A and B met with C": each listed subject meets the counterpart named apart from them
            for m in conjuncts(text, c.actor, mentions, starts):
                if m.code != c.target.code:
                    out.append(replace(c, actor=m, sources=list(c.sources), attributions=list(c.attributions)))
            continue
        if c.target is not None and c.target.code and not joint:
            for m in conjuncts(text, c.target, mentions, starts):
                if c.actor is None or m.code != c.actor.code:
                    out.append(replace(c, target=m, sources=list(c.sources), attributions=list(c.attributions)))
        if c.actor is not None and c.actor.code and not joint:
            for m in conjuncts(text, c.actor, mentions, starts):
                if c.target is None or m.code != c.target.code:
                    out.append(replace(c, actor=m, sources=list(c.sources), attributions=list(c.attributions)))
    return out
