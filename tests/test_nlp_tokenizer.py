"""dateline.nlp.tokenizer: the project's abbreviations stay one token in both profiles."""
from __future__ import annotations

import dataclasses
import functools

import pytest

from dateline.nlp.build import make_nlp
from dateline.nlp.tokenizer import add_exceptions, exceptions
from dateline.settings import load_settings


@pytest.mark.parametrize("model", ["default", "none"])
def test_every_listed_abbreviation_is_one_token_before_a_name(model):
    nlp = make_nlp(dataclasses.replace(load_settings(), model=model))
    for form in exceptions():
        toks = [t.text for t in nlp.tokenizer(f"Then {form} Okafor left.")]
        assert form in toks, (form, toks)


def test_a_cut_abbreviation_becomes_a_special_case():
    import spacy
    nlp = spacy.blank("en")
    before = [t.text for t in nlp.tokenizer("Cmdr. Okafor")]
    add_exceptions(nlp.tokenizer)
    assert [t.text for t in nlp.tokenizer("Cmdr. Okafor")] == ["Cmdr.", "Okafor"]
    assert before[0] in ("Cmdr.", "Cmdr")


def test_a_word_that_may_end_a_sentence_is_no_exception():
    assert "Wed." not in exceptions() and "Mr." in exceptions()


PRIMED_TEXTS = [
    "Officials in the U.S. said on Monday they don't expect talks.",          # a special case early
    "Gen. Okafor met Sen. Lindqvist (U.S.) at 3 p.m.; \"It's over,\" she said.",
    "  odd   spacing\u00a0and\ttabs\n\nthen a new line, e.g. here...",
    "Mr. Brandt's firm, Brandt & Co., lost $4.5bn -- or 12% -- in 2019/20.",
    "",
    # more plain chunks than one batch, with special cases among them and at their edges
    " ".join(f"word{i}," if i % 7 else f"(Unit{i})" for i in range(150)) + " Mr., Dont 10am (Cannot). 5pm",
]


@pytest.mark.parametrize("chunk,plain", [
    ("word", True), ("Word42", True), ("said,", True), ("(Okafor)", True), ("36%", True), ("\"Yes!\"", True),
    ("Mr.", False), ("Dont", False), ("10am", False), ("(Cannot)", False), ("city's", False),
    ("re-examine", False), ("$20.6", False), ("3.5", False), ("e.g.", False), ("...", False),
])
def test_plain_chunks_are_words_with_punctuation_at_most_at_their_edges_and_no_special_case(chunk, plain):
    from dateline.nlp.tokenizer import _plain_chunks

    assert _plain_chunks(_base_tokenizer("none"), {chunk}) == (([chunk], []) if plain else ([], [chunk]))


@functools.lru_cache(maxsize=2)
def _base_tokenizer(model: str):
    import spacy
    from dateline.nlp import DEFAULT_MODEL_DIR

    return add_exceptions(spacy.load(DEFAULT_MODEL_DIR).tokenizer if model == "default" else spacy.blank("en").tokenizer)


@pytest.mark.parametrize("model", ["default", "none"])
@pytest.mark.parametrize("text", PRIMED_TEXTS)
def test_priming_the_cache_changes_no_token(model, text):
    from dateline.nlp import tokenizer as tk

    tok = _base_tokenizer(model)

    def fresh():            # the tokenizer with an empty cache, never primed
        tk.forget(tok)
        return tok

    want = [(t.text, t.whitespace_, t.norm_) for t in fresh()(text)]
    primed = fresh()
    tk.prime(primed, text)
    tk.prime(primed, text)                                  # again: nothing new to give alone
    assert [(t.text, t.whitespace_, t.norm_) for t in primed(text)] == want


def test_priming_stops_when_the_cache_is_full():
    import spacy
    from dateline.nlp import tokenizer as tk

    tok = add_exceptions(spacy.blank("en").tokenizer)
    tok.max_cache_size = 3
    tk.prime(tok, "one two three four")
    tk.prime(tok, "five six")
    assert tk.primed(tok) == {"one", "two", "three", "four"}
    assert [t.text for t in tok("five six")] == ["five", "six"]
