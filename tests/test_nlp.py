"""The statistical pipeline profiles: the shipped model, `none`, other installed pipelines by name."""
from __future__ import annotations

import pytest

from dateline import nlp as dnlp
from dateline.text import split_sentences

PASSIVE = "Seoul's attempt to hold talks was rebuffed by Pyongyang."


@pytest.fixture(scope="module")
def default_nlp():
    return dnlp.load_pipeline("default")


@pytest.mark.parametrize("name", ["none", "None", "off"])
def test_none_profile_has_no_model(name):
    assert dnlp.load_pipeline(name) is None


def test_unknown_model_names_it_and_never_downloads(monkeypatch):
    import spacy.cli

    def no_download(*a, **k):  # pragma: no cover - a call would be the failure
        raise AssertionError("load_pipeline tried to download a model")

    monkeypatch.setattr(spacy.cli, "download", no_download)
    with pytest.raises(dnlp.ModelError, match="en_dateline_no_such_model") as err:
        dnlp.load_pipeline("en_dateline_no_such_model")
    assert "not installed" in str(err.value) and err.value.code == "model_not_found"


def test_a_pipeline_folder_loads_by_path():
    nlp = dnlp.load_pipeline(str(dnlp.DEFAULT_MODEL_DIR))
    assert "parser" in nlp.pipe_names and "gazetteer_ruler" not in nlp.pipe_names


def test_shipped_model_meta_states_licences_and_scores():
    meta = dnlp.shipped_meta()
    assert meta["lang"] == "en" and {"parser", "ner"} <= set(meta["pipeline"])
    licences = " ".join(s["license"] for s in meta["sources"])
    assert "CC BY-SA 4.0" in licences and "GUM" in " ".join(s["name"] for s in meta["sources"])
    scores = meta["dateline"]["scores"]
    ewt = scores["ewt_test_sentences"]
    # the acceptance floors, as measured by training/build_model.py on EWT test
    assert ewt["dep_las"] >= 0.81 and ewt["dep_uas"] >= 0.85
    assert scores["ewt_test_sentences_with_gazetteer_ruler"]["ents_f"] >= 0.65


def test_default_profile_parses_passive(default_nlp):
    assert default_nlp.pipe_names[-2:] == ["gazetteer_ruler", "ner"]
    (sent,) = dnlp.parse(default_nlp, PASSIVE, [(0, len(PASSIVE))])
    verb = next(t for t in sent if t.text == "rebuffed")
    deps = {c.dep_: c for c in verb.children}
    assert deps["nsubj:pass"].text == "attempt"
    assert [t.text for t in deps["nsubj:pass"].children if t.dep_.startswith("nmod")] == ["Seoul"]
    agent = deps.get("obl:agent") or deps["obl"]
    assert agent.text == "Pyongyang" and any(c.text == "by" for c in agent.children)
    assert {(e.text, e.label_) for e in sent.ents} >= {("Seoul", "LOC"), ("Pyongyang", "LOC")}


def test_parse_keeps_article_offsets_and_skips_other_sentences(default_nlp):
    text = ("SEOUL — North Korea fired two missiles on Friday.  The weather was mild.\n\n"
            + PASSIVE + " Kim ordered the removal of South Korean facilities.")
    spans = split_sentences(text)
    chosen = [spans[0], spans[2], spans[3]]
    out = dnlp.parse(default_nlp, text, chosen)
    assert [s.text for s in out] == [text[a:b] for a, b in chosen]
    doc = out[0].doc
    assert doc.text == text
    for sent in out:
        for tok in sent:
            assert text[tok.idx:tok.idx + len(tok.text)] == tok.text
            assert sent.start <= tok.head.i < sent.end  # heads never leave their sentence
        assert sum(1 for t in sent if t.head.i == t.i) >= 1
    skipped = doc.char_span(*spans[1])
    assert all(not t.dep_ for t in skipped)
    ordered = next(t for t in out[2] if t.text == "ordered")
    assert ordered.dep_ == "ROOT" and {c.dep_ for c in ordered.children} >= {"nsubj", "obj"}


def test_parse_edge_cases(default_nlp):
    text = "Talks broke down. "
    assert [len(s) for s in dnlp.parse(default_nlp, text, [(3, 3), (17, 18)])] == [0, 0]
    # a span cut inside a word is widened to whole tokens; overlapping spans share one parse
    a, b = dnlp.parse(default_nlp, text, [(2, 10), (0, 17)])
    assert a.text == "Talks broke" and b.text == "Talks broke down."
    assert dnlp.parse(default_nlp, "", []) == []


def test_gazetteer_patterns_are_proper_names():
    pats = dnlp.gazetteer_patterns()
    labels = {lab for lab, _ in pats}
    assert labels == {"PER", "ORG", "LOC"}
    names = {n for _, n in pats}
    assert {"North Korea", "Pyongyang"} <= names
    assert not any(n.lower().startswith("the ") for n in names)


@pytest.mark.parametrize("label,expected", [("PERSON", "PER"), ("GPE", "LOC"), ("ORG", "ORG"), ("DATE", None)])
def test_entity_type_maps_other_schemes(label, expected):
    assert dnlp.entity_type(label) == expected
