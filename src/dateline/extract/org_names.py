"""Organisation names the gazetteer does not hold whole: a body it knows followed by lower-case words
that name a part of it ("the Senate banking committee")."""
from __future__ import annotations

from .entity_index import Cover
from .regexes import regex

_LOWER_SUB = regex("entities", "lower_sub_body")


def lower_sub_bodies(text: str, raws: list) -> list:
    """"the Senate banking committee", "the UN security council": a coded body followed by
    lower-case words ending in a body's head noun (regexes.json lower_sub_body) is a body of its
    own, named so, with the parent's state; mentions inside the grown name give way."""
    grown = []
    for r in raws:
        m = _LOWER_SUB.match(text, r.end) if r.kind == "organization" and r.code else None
        if m:
            r.end, r.source = m.end(), "gazetteer+sub-body"
            r.text = r.name = text[r.start:r.end]
            grown.append(r)
    if not grown:
        return raws
    cover = Cover(len(text), [(r.start, r.end) for r in grown])
    ids = {id(r) for r in grown}
    return [r for r in raws if id(r) in ids or not cover.overlaps(r.start, r.end)]


def generic_inside(toks: list[str], spare: bool, inner: list, end: int, name_words) -> bool:
    """A capitalised run ending in a head noun with only generic bodies inside it, before the head
    ("Immigration and Customs Enforcement"), is one body; not a run opening with a person's name word
    or a word that is no name (``name_words``: "Cooper and ..."). ``spare``: nothing but those bodies
    is claimed inside the run."""
    return spare and bool(inner) and all(r.kind == "organization" and r.form == "generic" and r.end < end
                                         for r in inner) and toks[0] not in name_words
