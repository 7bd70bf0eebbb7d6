"""dateline.nlp.tokenizer: the project's abbreviations stay one token in both profiles."""
from __future__ import annotations

import dataclasses

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
