"""The document model: one Doc per article, each stage a registered component writing its layer."""
from __future__ import annotations

import dataclasses

import pytest

import dateline
from dateline import components
from dateline.nlp.build import analyze_doc, make_nlp
from dateline.nlp.extensions import DOC_LAYERS, SPAN_GROUPS
from dateline.record import Record
from dateline.settings import load_settings

TEXT = ("Ruritania recalls envoy\n\nSTRELSAU, March 3 (Wire) - Ruritania recalled its ambassador from Borduria "
        "on Tuesday, the foreign ministry said. \"We will not accept threats,\" Foreign Minister Rudolf Elphberg "
        "told reporters in Strelsau on Wednesday.")


@pytest.fixture(scope="module", params=["default", "none"])
def settings(request):
    return dataclasses.replace(load_settings(), model=request.param)


def test_components_run_in_the_declared_order_and_meet_every_requirement(settings):
    nlp = make_nlp(settings)
    expected = [name for name, _ in components.STAGES if name != "parse" or settings.model != "none"]
    assert nlp.pipe_names == expected
    problems = nlp.analyze_pipes()["problems"]
    assert all(not missing for missing in problems.values()), problems


def test_every_layer_is_written_on_the_one_doc(settings):
    doc = analyze_doc(TEXT, settings, published="2031-03-06")
    for layer in ("meta", "dct", "sentences", "timexes", "triggers", "entities", "quotes", "attributions", "events"):
        assert doc._.get(layer) is not None, layer
    assert str(doc._.dct) == "2031-03-06"
    assert bool(doc._.parses) == (settings.model != "none")      # no parse in the rules-only profile
    assert set(doc.spans) >= {"sentence", "timex", "mention", "quote", "cue", "trigger"}
    assert set(doc.spans) <= set(SPAN_GROUPS)
    assert set(DOC_LAYERS) >= {"meta", "timexes", "events"}


def test_span_groups_cover_the_layers_they_mirror(settings):
    doc = analyze_doc(TEXT, settings, published="2031-03-06")
    assert [(s.start_char, s.end_char) for s in doc.spans["sentence"]] == \
        [(a, b) for a, b in doc._.sentences if doc.text[a:b].strip()]
    assert {s.text for s in doc.spans["timex"]} >= {"Tuesday", "Wednesday"}
    assert any(s.text == "Rudolf Elphberg" and s.label_ == "person" for s in doc.spans["mention"])
    assert [s.label_ for s in doc.spans["trigger"]] == [e.cameo for e in doc._.events]
    for quote, span in zip(doc._.quotes, doc.spans["quote"]):
        assert span.start_char <= quote.start and quote.end <= span.end_char


def test_a_stage_reads_only_the_layers_before_it(settings):
    doc = analyze_doc(TEXT, settings, published="2031-03-06", until="timexes")
    assert doc._.timexes and doc._.entities is None and doc._.events is None


def test_the_record_is_built_from_the_doc_in_one_place(settings):
    doc = analyze_doc(TEXT, settings, published="2031-03-06")
    from_doc = Record.from_doc(doc).to_dict()
    via_api = dateline.analyze(TEXT, published="2031-03-06", id=from_doc["article"]["id"], settings=settings).to_dict()
    assert from_doc == via_api
    assert via_api["events"] and via_api["events"][0]["date"] == "2031-03-04"       # "on Tuesday" before a Thursday


def test_timings_name_every_component(settings):
    timings: dict = {}
    dateline.analyze(TEXT, published="2031-03-06", settings=settings, timings=timings)
    assert set(timings) == {"tokens"} | set(make_nlp(settings).pipe_names)


def test_doc_sents_follow_the_one_segmentation(settings):
    doc = analyze_doc(TEXT, settings, published="2031-03-06")
    starts = {s.start for s in doc.sents}
    if settings.model == "none":        # no parse: doc.sents is the segmentation itself
        assert sorted(starts) == [s.start for s in doc.spans["sentence"]]
    else:                               # each parsed sentence (the dateline left out) starts one
        assert {sp.start for sp in doc._.parses.values() if len(sp)} <= starts


def test_the_text_layer_is_the_docs_text_and_a_bare_doc_still_has_one():
    import spacy

    from dateline.nlp.extensions import text_of
    from dateline.nlp.sentences import segment
    doc = analyze_doc(TEXT, load_settings(), until="sentences")
    assert doc._.text == doc.text == TEXT
    bare = spacy.blank("en")("One here. Two there.")      # made without new_doc: no text layer set
    assert text_of(bare) == "One here. Two there." and len(segment(bare)) == 2


def test_the_parse_writes_tags_and_dependencies_into_the_article_doc():
    s = load_settings()
    if s.model == "none":
        pytest.skip("the rules-only profile parses nothing")
    doc = analyze_doc("Chile recalled its ambassadors. The talks failed on Monday.", s, published="2031-03-06")
    words = [t for t in doc if not t.is_space and not t.is_punct]
    assert all(t.tag_ for t in words), [(t.text, t.tag_) for t in words]
    assert {t.tag_ for t in words} >= {"NNP", "VBD", "NNS"}
    assert all(t.dep_ for t in words)


@pytest.mark.parametrize("text", [
    "Chile recalls envoys over border row\n\nSANTIAGO, March 5 (Wire) - Chile recalled its ambassadors on Monday.",
    "SANTIAGO, March 5 (Wire) - Chile recalled its ambassadors on Monday. Peru protested.",
])
def test_a_title_and_the_text_after_a_dateline_are_parsed_the_dateline_is_not(text):
    s = load_settings()
    if s.model == "none":
        pytest.skip("the rules-only profile parses nothing")
    doc = analyze_doc(text, s, published="2031-03-06")
    verbs = {t.text for sp in doc._.parses.values() for t in sp if t.dep_ == "ROOT"}
    assert "recalled" in verbs
    assert ("recalls" in verbs) == text.startswith("Chile recalls")
    end = doc._.meta.dateline_end
    assert end > 0 and all(sp.start_char >= end or sp.end_char <= end
                           for sp in doc._.parses.values() if len(sp))


def test_the_layers_view_reads_and_writes_what_doc_underscore_does(settings):
    from dateline.nlp.extensions import layers

    doc = analyze_doc("Officials said on Monday that talks would resume.", settings)
    view = layers(doc)
    for name in DOC_LAYERS:
        assert getattr(view, name) is getattr(doc._, name), name
    view.warnings = ["set through the view"]
    assert doc._.warnings == ["set through the view"]
    doc._.warnings = ["set through doc._"]
    assert view.warnings == ["set through doc._"]
    with pytest.raises(AttributeError):
        view.not_a_layer
    with pytest.raises(AttributeError):
        view.not_a_layer = 1
