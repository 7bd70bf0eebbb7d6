"""dateline.components.text and .parse: metadata, sentences, time expressions, triggers and the
parse, each read off the Doc after its own component (hand-built articles)."""
from __future__ import annotations

import dataclasses

import pytest

from dateline.nlp.build import analyze_doc
from dateline.settings import load_settings

RULES = dataclasses.replace(load_settings(), model="none")
DEFAULT = load_settings()


@pytest.mark.parametrize("text,published,dct,dateline", [
    ("Ruritania votes\n\nSTRELSAU, May 2 (Wire) - Voters went to the polls on Sunday.", "2031-05-03",
     "2031-05-03", "STRELSAU"),           # the dateline is the place
    ("Voters went to the polls on Sunday.", None, None, None),
])
def test_metadata_component(text, published, dct, dateline):
    doc = analyze_doc(text, RULES, published=published, until="metadata")
    assert (str(doc._.dct) if doc._.dct else None) == dct
    assert (doc._.meta.dateline or None) == dateline
    assert doc._.sentences is None                       # later layers not written yet


@pytest.mark.parametrize("text,count", [
    ("Gen. Ruiz met Sen. Okafor on Jan. 4 in the U.S. capital. Both left at 5 p.m. The talks ended.", 3),
    ('"We will return," said Rep. Ana Tam (D-Ore.). She left.', 2),
    ("A heading\nThe first sentence of the story. The second one.", 3),
])
def test_sentences_component(text, count):
    doc = analyze_doc(text, RULES, until="sentences")
    assert len(doc._.sentences) == count
    assert len(list(doc.sents)) == count


@pytest.mark.parametrize("text,values", [
    ("The envoys met on Monday and again on June 3.", ["2031-06-02", "2031-06-03"]),
    ("Talks resumed two days later, in March 2030.", ["2030-03"]),
])
def test_timexes_component(text, values):
    doc = analyze_doc(text, RULES, published="2031-06-04", until="timexes")
    assert [t.value for t in doc._.timexes if t.type == "DATE"][-len(values):] == values
    assert [s.text for s in doc.spans["timex"]] == [t.text for t in doc._.timexes]


def test_triggers_component_finds_dictionary_matches_per_sentence():
    doc = analyze_doc("Borduria expelled two diplomats. The weather was fine.", RULES, until="triggers")
    assert len(doc._.triggers) == len(doc._.sentences) == 2
    assert doc._.triggers[0][2] and not doc._.triggers[1][2]


def test_parse_component_annotates_every_sentence_of_the_one_doc():
    text = "STRELSAU, May 2 (Wire) - Ruritania expelled two diplomats. Borduria protested on Sunday."
    doc = analyze_doc(text, DEFAULT, published="2031-05-03", until="parse")
    assert len(doc._.parses) == len(doc._.sentences) == 2
    first = doc._.parses[0]
    assert first.doc is doc and first[0].text == "Ruritania"          # the dateline is left out
    assert any(t.dep_ == "nsubj" for t in first) and any(t.dep_ == "ROOT" for t in doc._.parses[1])
