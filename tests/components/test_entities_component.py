"""dateline.components.entities: how the recogniser's entities join the rules' ones."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from dateline.components import entities as component
from dateline.extract.entities import extract_entities
from dateline.extract.entity_context import join_surnames
from dateline.text import split_sentences

TEXT = "The spokesman, Brig. Gen. Nabil Abdullah, said troops held the Halfaya Bridge near Omdurman."


def _recognised_in(text: str, labels: dict[str, str]):
    """A Doc of ``text`` whose recogniser found ``labels`` (surface -> label)."""
    doc = spacy.blank("en")(text)
    spans = []
    for surface, label in labels.items():
        a = text.index(surface)
        spans.append(doc.char_span(a, a + len(surface), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    return doc


def _recognised(labels: dict[str, str]):
    return _recognised_in(TEXT, labels)


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


@pytest.mark.parametrize("text,surface,kind", [
    # a known first name makes a full name a person's, whatever the recogniser's label
    ("The panel heard from Victor Marmot on the budget.", "Victor Marmot", "person"),
    # a person's verb after the name
    ("The plan was wrong, Quentin Yarrow told the panel.", "Quentin Yarrow", "person"),
    # a U.S. party label after the name
    ("Sens. Olwen Fitch (D-Ore.) and others objected.", "Olwen Fitch", "person"),
    # no cue: the label stands
    ("The convoy reached Marmot Ridge by noon.", "Marmot Ridge", "place"),
    ("The convoy reached Gorran Vale by noon.", "Gorran Vale", "place"),
])
def test_a_recognised_place_with_a_persons_cue_is_a_person(text, surface, kind):
    ents = extract_entities(text, split_sentences(text))
    component._add_recognised(text, ents, [_recognised_in(text, {surface: "GPE"})])
    assert {m.text: m.kind for m in ents.mentions}.get(surface) == kind


def test_a_name_already_a_person_keeps_that_kind():
    text = "Gorran Pell said no. Later Gorran Pell left."
    ents = extract_entities(text, split_sentences(text))
    second = text.rindex("Gorran Pell")
    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(second, second + len("Gorran Pell"), label="GPE")]
    component._add_recognised(text, ents, [doc])
    kinds = [m.kind for m in ents.mentions if m.text == "Gorran Pell"]
    assert kinds and set(kinds) == {"person"}


@pytest.mark.parametrize("text,recognised,name", [
    ("The deal is done. \u2015Victor Marmot, trade envoy", "Marmot", "Victor Marmot"),   # quotation dash
])
def test_a_known_first_name_before_a_recognised_person_joins_the_name(text, recognised, name):
    ents = extract_entities(text, split_sentences(text))
    component._add_recognised(text, ents, [_recognised_in(text, {recognised: "PERSON"})])
    assert name in {m.text for m in ents.mentions if m.kind == "person"} or name in {e.name for e in ents.entities}


@pytest.mark.parametrize("text,labels,kinds", [
    # a plural the recogniser calls a person is dropped; an acronym is a body
    ("Members of the caucus met on CNBC.", {"Members": "PERSON", "CNBC": "PERSON"},
     {"CNBC": "organization"}),
    # a lone word followed by a person's verb stays a person
    ("Quillan said the caucus met.", {"Quillan": "PERSON"}, {"Quillan": "person"}),
    ("Senator Quillan spoke.", {"Senator": "PERSON"}, {"Senator": None}),          # a role noun
    ("The crowd cheered Quillan on Monday.", {"Quillan": "PERSON"}, {"Quillan": "person"}),  # a surname
    # a word the recogniser calls a person alone makes the full name a person's
    ("Tarrow asked well, and the host Lorcan Tarrow was fair.", {"Lorcan Tarrow": "GPE", "Tarrow": "PERSON"},
     {"Lorcan Tarrow": "person"}),
])
def test_lone_recognised_words(text, labels, kinds):
    ents = extract_entities(text, split_sentences(text))
    doc = _recognised_in(text, labels)
    for tok in doc:
        tok.tag_ = "NNS" if tok.text == "Members" else "NNP"
    component._add_recognised(text, ents, [doc])
    join_surnames(ents)
    got = {m.text: m.kind for m in ents.mentions}
    assert all(got.get(k) == v for k, v in kinds.items()), got
    assert "Members" not in got


@pytest.mark.parametrize("text,labels,mention", [
    # the recogniser's name runs into the lower-case word after it: the name stops before it
    ("The court accused Lorcan Quillan of spying for Borduria.", {"Lorcan Quillan of": "PERSON"}, "Lorcan Quillan"),
    ("Ludwig van Tarrow spoke.", {"Ludwig van Tarrow": "PERSON"}, "Ludwig van Tarrow"),
])
def test_recognised_names_end_in_a_name_word(text, labels, mention):
    ents = extract_entities(text, split_sentences(text))
    doc = _recognised_in(text, labels)
    component._add_recognised(text, ents, [doc])
    got = {m.text for m in ents.mentions}
    assert mention in got and not any(t.endswith((" of", " van")) for t in got), got
