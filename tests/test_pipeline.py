"""dateline.pipeline: how the recogniser's entities join the rules' ones."""
from __future__ import annotations

import spacy
from spacy.tokens import Span

from dateline import pipeline
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
    pipeline._add_recognised(TEXT, ents, [_recognised({"Brig": "ORG", "Halfaya Bridge": "ORG"})])
    kinds = {m.text: m.kind for m in ents.mentions}
    assert "Brig" not in kinds
    assert kinds.get("Halfaya Bridge") == "place"
    assert kinds.get("Nabil Abdullah") == "person"       # the titles before the name are not part of it
    assert "Gen" not in kinds


def test_recognised_entities_never_override_rule_entities():
    ents = extract_entities(TEXT, split_sentences(TEXT))
    before = {(m.start, m.end, m.kind) for m in ents.mentions}
    pipeline._add_recognised(TEXT, ents, [_recognised({"Omdurman": "PER"})])
    assert {(m.start, m.end, m.kind) for m in ents.mentions} == before


def test_the_dateline_is_never_part_of_an_attribution():
    import dateline
    text = ("EU leaders fail to agree on aid\n\nBRUSSELS, Dec. 15, 2023 (Reuters) - European Union leaders failed "
            "to agree on an aid package late on Thursday after Hungary vetoed the deal.\n\n"
            "\"The veto is disappointing,\" Charles Michel told reporters.")
    r = dateline.analyze(text)
    end = text.index("European Union leaders")
    assert r.attributions and all(a.content.start >= end for a in r.attributions)
