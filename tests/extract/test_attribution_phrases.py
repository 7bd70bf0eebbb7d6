"""Noun phrases around a cue (extract.attribution_phrases), on hand-built sentences."""
import pytest

from dateline.extract.attribution_doc import _Doc
from dateline.extract.attribution_phrases import _np_left, _np_right, _skip_left_aux
from dateline.text import split_sentences


def _doc(text):
    return _Doc(text, split_sentences(text))


def _words(d, span):
    return " ".join(d.words[span[0]:span[1]]) if span else None


@pytest.mark.parametrize("text,subject", [
    ("Officials said the plan failed.", "Officials"),
    ("He has also said the plan failed.", "He"),                      # auxiliaries and adverbs skipped
    ("The ministry on Tuesday said the plan failed.", "The ministry"),  # a weekday adjunct skipped
    ("But on Tuesday the minister said the plan failed.", "the minister"),  # a fronted adjunct trimmed
    ("In March the council said the plan failed.", "the council"),      # a month trimmed
    ("The head of the agency said the plan failed.", "The head of the agency"),   # 'of' inside the NP
    ("A spokesman for the mayor said the plan failed.", "A spokesman for the mayor"),
    ("The party's nominee said the plan failed.", "The party's nominee"),  # a possessor before 'the'
    ("Sen. Ann Reed (D-Ore.) said the plan failed.", "Sen. Ann Reed ( D-Ore. )"),   # a party tag
    ("Maria Lopez, an analyst at the bank, said the plan failed.",
     "Maria Lopez , an analyst at the bank"),                           # an appositive
    ("that said the plan failed.", None),                               # a bare relative pronoun
])
def test_np_left_finds_the_subject_of_a_cue(text, subject):
    d = _doc(text)
    k, _ = _skip_left_aux(d, d.low.index("said"), 0)
    assert _words(d, _np_left(d, k, 0)) == subject


@pytest.mark.parametrize("text,cue,be", [
    ("The plan was said to fail.", "said", True),      # passive: 'be' right before the cue
    ("He has also said so.", "said", False),
    ("They were quietly told to leave.", "told", True),
])
def test_skip_left_aux_reports_a_passive(text, cue, be):
    d = _doc(text)
    assert _skip_left_aux(d, d.low.index(cue), 0)[1] is be


@pytest.mark.parametrize("text,start,phrase", [
    ("said Maria Lopez, an analyst at the bank.", 1, "Maria Lopez"),     # stops at the comma
    ("told reporters that it failed", 1, "reporters"),                   # stops at 'that'
    ("the head of the United Nations agency", 0, "the head of the United Nations agency"),
    ("said he would go", 1, "he"),                                       # a pronoun alone
    ("said that it failed", 1, None),                                    # a clause word opens nothing
])
def test_np_right(text, start, phrase):
    d = _doc(text)
    assert _words(d, _np_right(d, start, d.n)) == phrase
