"""dateline.components.entities: how the recogniser's entities join the rules' ones."""
from __future__ import annotations

import spacy
from spacy.tokens import Span

from dateline.components import entities as component
from dateline.extract.entities import extract_entities
from dateline.text import split_sentences

TEXT = "The spokesman, Brig. Gen. Nabil Abdullah, said troops held the Halfaya Bridge near Omdurman."


def _recognised(labels: dict[str, str]):
    doc = spacy.blank("en")(TEXT)
    spans = []
    for surface, label in labels.items():
        a = TEXT.index(surface)
        spans.append(doc.char_span(a, a + len(surface), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    return doc


def test_recognised_titles_are_dropped_and_place_heads_make_places():
    ents = extract_entities(TEXT, split_sentences(TEXT))
    component._add_recognised(TEXT, ents, [_recognised({"Brig": "ORG", "Halfaya Bridge": "ORG"})])
    kinds = {m.text: m.kind for m in ents.mentions}
    assert "Brig" not in kinds
    assert kinds.get("Halfaya Bridge") == "place"
    assert kinds.get("Nabil Abdullah") == "person"       # the titles before the name are not part of it
    assert "Gen" not in kinds


def test_recognised_entities_never_override_rule_entities():
    ents = extract_entities(TEXT, split_sentences(TEXT))
    before = {(m.start, m.end, m.kind) for m in ents.mentions}
    component._add_recognised(TEXT, ents, [_recognised({"Omdurman": "PER"})])
    assert {(m.start, m.end, m.kind) for m in ents.mentions} == before
