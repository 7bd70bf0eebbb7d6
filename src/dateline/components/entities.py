"""The entities component: people, organisations, places and states from the gazetteer and the
patterns, the recogniser's names (where a parse ran), bylines, and the context steps (surnames,
definite descriptions, home states, genders, agent nouns)."""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from ..extract.entities import extract_entities
from ..extract.entity_ties import drop_namesake_codes
from ..extract.recognised import first_name_before, is_person_name, lone_word_kind, recognised_kind
from ..extract.entity_context import (add_agent_mentions, add_definite_descriptions, assign_home_state,
                                      code_places_from_region)
from ..extract.entity_names import add_bare_surnames, infer_genders, join_surnames
from ..extract.entity_titles import code_people_from_context
from ..nlp import entity_type
from ..nlp.extensions import layers, register, text_of, write_group
from ..record import Entity, Mention, Span

register()


@Language.component("dateline_entities", requires=["doc._.sentences", "doc._.meta", "doc._.dct"],
                    assigns=["doc._.entities", "doc.spans"])
def entities(doc: Doc) -> Doc:
    """Entities and mentions (span group 'mention', labelled with the entity's kind)."""
    ext = layers(doc)
    text, meta = text_of(doc), ext.meta
    bylines = meta.authors + meta.contributors
    ents = extract_entities(text, ext.sentences, published=ext.dct, dateline_end=meta.dateline_end,
                            bylines=bylines)
    _add_bylines(text, ents, bylines)
    if ext.parses:
        _add_recognised(text, ents, ext.parses.values())
    join_surnames(ents)
    add_bare_surnames(text, ents)
    add_definite_descriptions(text, ents)
    drop_namesake_codes(ents)
    code_people_from_context(text, ents)
    code_places_from_region(text, ents)
    infer_genders(text, ents)
    add_agent_mentions(text, ents, assign_home_state(ents))
    ext.entities = ents
    write_group(doc, "mention", ((m.start, m.end, m.kind or "") for m in ents.mentions))
    return doc


def _overlaps(mentions, s: int, e: int, maxlen: int) -> bool:
    """Whether a mention overlaps [s, e): ``mentions`` sorted by start, none longer than ``maxlen``."""
    i = bisect.bisect_left(mentions, e, key=lambda m: m.start)      # mentions[:i] start before e
    while i > 0:
        i -= 1
        if mentions[i].start + maxlen <= s:
            return False                                            # it and every earlier one end by s
        if mentions[i].end > s:
            return True
    return False


def _add_mention(text: str, ents, s: int, e: int, kind: str, name: str, source: str,
                 maxlen: int | None = None) -> bool:
    """Add a mention of a person/organisation/place the extractors did not find (bylines, the
    recogniser): to the entity of that name, else to a new one; never over an existing mention.
    ``maxlen`` (the longest mention, when the mentions are sorted by start) makes the test a search."""
    if (_overlaps(ents.mentions, s, e, maxlen) if maxlen is not None
            else any(m.start < e and s < m.end for m in ents.mentions)):
        return False
    entity = next((x for x in ents.entities if x.kind == kind and x.name == name), None)
    if entity is None and kind == "person" and " " not in name:
        # a surname alone is the person named in full before ("Kim" -> Kim Jong Un)
        entity = next((x for x in ents.entities if x.kind == "person" and name in x.name.split()), None)
    if entity is None:
        entity = Entity(id=f"e{len(ents.entities) + 1}", name=name, kind=kind, code=None, source=source)
        ents.entities.append(entity)
    entity.mentions.append(Span(s, e, text[s:e]))
    bisect.insort(ents.mentions, Mention(s, e, text[s:e], entity=entity.id, name=entity.name, kind=kind,
                                         code=entity.code, form=source), key=lambda m: m.start)
    return True


def _add_recognised(text: str, ents, spans) -> None:
    """People, organisations and places the recogniser found where the gazetteer and the patterns
    found nothing (they never override a gazetteer entity)."""
    kinds = {"PER": "person", "ORG": "organization", "LOC": "place"}
    per_doc: dict[int, tuple[list, list[int]]] = {}          # each Doc's entities, read once
    people = {x.name for x in ents.entities if x.kind == "person"}
    spans = [span if hasattr(span, "start") else span[:] for span in spans]     # a whole Doc: its span
    # words the recogniser calls a person alone anywhere in the article ("Holt" beside "Lester Holt")
    lone = {e.text for d in {id(x.doc): x.doc for x in spans}.values() for e in d.ents
            if len(e) == 1 and entity_type(e.label_) == "PER"}
    ms = ents.mentions
    maxlen = max((m.end - m.start for m in ms), default=0) \
        if all(a.start <= b.start for a, b in zip(ms, ms[1:])) else None
    for span in spans:
        if id(span.doc) not in per_doc:
            got = list(span.doc.ents)
            per_doc[id(span.doc)] = (got, [e.start for e in got])
        doc_ents, starts = per_doc[id(span.doc)]
        i = bisect.bisect_left(starts, span.start)          # span.ents, without a scan of the Doc per span
        while i < len(doc_ents) and doc_ents[i].end <= span.end:
            ent = _trimmed(doc_ents[i])
            i += 1
            kind = kinds.get(entity_type(ent.label_) or "")
            kind = recognised_kind(ent.text, kind) if kind else None
            if kind == "person" and len(ent) == 1:
                kind = lone_word_kind(ent, text)         # "Members", "Senator": nobody; "CNBC": a body
            if kind is None:
                continue
            if kind != "person" and is_person_name(text, ent.start_char, ent.end_char, people, lone):
                kind = "person"          # "Jane Roe (D-Ohio)", "Jane Roe said": a person, not a place
            start = ent.start_char
            if kind == "person":
                start = first_name_before(text, start)     # "―Jane Roe": the dash glued to the first name
                people.add(text[start:ent.end_char])
            if _add_mention(text, ents, start, ent.end_char, kind, text[start:ent.end_char], "model:ner", maxlen) \
                    and maxlen is not None:
                maxlen = max(maxlen, ent.end_char - start)


def _trimmed(ent):
    """The recogniser's name without trailing lower-case function words (spaCy's stop words: "accused
    Brenner of spying": the model's "Brenner of" is Brenner); a name never ends in one ("de", "van"
    stand inside names), while a lower-case noun may end it ("the Persian gulf")."""
    j = ent.end
    while j - 1 > ent.start and ent.doc[j - 1].text[:1].islower() and ent.doc[j - 1].is_stop:
        j -= 1
    return ent if j == ent.end else TokenSpan(ent.doc, ent.start, j, label=ent.label)


def _add_bylines(text: str, ents, names: list[str]) -> None:
    """Authors and contributors are people of the article even where no pattern found them."""
    for name in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            _add_mention(text, ents, m.start(), m.end(), "person", name, "byline")
        if not any(x.kind == "person" and x.name == name for x in ents.entities):
            ents.entities.append(Entity(id=f"e{len(ents.entities) + 1}", name=name, kind="person", code=None,
                                        source="byline"))
