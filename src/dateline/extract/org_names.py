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


_DEFINED = regex("entities", "acronym_defined")
_NAME_WORD = regex("entities", "acronym_name_word")


def acronym_bodies(text: str, raws: list, make) -> list:
    """"the watchdog group Citizens for Ethics in Government (CEG)": a run of capitalised words (with
    the small words of names between: regexes.json acronym_name_word) right before an acronym in
    parentheses whose letters are the initials of its capitalised words is a body's name, defined
    there, that no list holds; it is found whole (``make(start, end, code)`` builds the mention; the
    state of a country that opens the name is its code), the places and generic bodies inside it give
    way; not over a person's or another named body's mention."""
    if "(" not in text:
        return raws         # (every match of _DEFINED holds a parenthesis: a scan for none is skipped)
    found = []
    for m in _DEFINED.finditer(text):
        acr = m.group(1)
        words = list(_NAME_WORD.finditer(text, max(0, m.start() - 120), m.start()))
        start = _initials_start(text, words, acr, m.start())
        if start is None:
            continue
        inner = [r for r in raws if r.start < m.start() and r.end > start]
        if any(r.kind == "person" or (r.kind == "organization" and r.form != "generic") for r in inner):
            continue
        opener = next((r for r in inner if r.start == start and r.kind == "country" and r.code), None)
        found.append(make(start, _end(text, m), opener.code if opener else None))
    if not found:
        return raws
    cover = Cover(len(text), [(r.start, r.end) for r in found])
    return sorted([r for r in raws if not cover.overlaps(r.start, r.end)] + found, key=lambda r: r.start)


def _end(text: str, m) -> int:
    """The end of the name before the acronym's opening parenthesis."""
    return len(text[:m.start()].rstrip())


def _initials_start(text: str, words: list, acr: str, stop: int) -> int | None:
    """Where the name starts whose capitalised words' initials spell ``acr``, reading back from the words
    that end right before ``stop``; None where the words do not spell it."""
    if not words or text[words[-1].end():stop].strip():
        return None
    letters = ""
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if k < len(words) - 1 and text[w.end():words[k + 1].start()].strip():
            return None          # (the run broke: punctuation between)
        if w.group()[:1].isupper():
            letters = w.group()[0] + letters
            if letters == acr:
                return w.start()
            if not acr.endswith(letters):
                return None
    return None
