"""Tests for training/convert.py: GUM entity mentions -> UNER-style PER/ORG/LOC tags.

The CoNLL-U rows below are our own sentence, written in GUM's format (MISC Entity= brackets,
global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
convert = pytest.importorskip("convert")

ROWS = """\
# newdoc id = GUM_news_example
# sent_id = GUM_news_example-1
# text = President Ana Reyes of the University of Portsmouth visited Kenya and Uganda with her aides.
1	President	President	PROPN	NNP	Number=Sing	3	compound	_	Entity=(1-person-new-nnnnn-cf1-2,3-coref-Ana_Reyes
2	Ana	Ana	PROPN	NNP	Number=Sing	3	flat	_	_
3	Reyes	Reyes	PROPN	NNP	Number=Sing	9	nsubj	_	_
4	of	of	ADP	IN	_	6	case	_	_
5	the	the	DET	DT	_	6	det	_	Entity=(2-organization-new-nnnnn-cf2-1,3-sgl-University_of_Portsmouth
6	University	University	PROPN	NNP	Number=Sing	3	nmod	_	_
7	of	of	ADP	IN	_	8	case	_	_
8	Portsmouth	Portsmouth	PROPN	NNP	Number=Sing	6	nmod	_	Entity=(3-place-new-nnnnn-cf3-1-sgl-Portsmouth)2)1)
9	visited	visit	VERB	VBD	_	0	root	_	_
10	Kenya	Kenya	PROPN	NNP	Number=Sing	9	obj	_	Entity=(4-place-new-nnnnn-cf4-1-sgl-Kenya)
11	and	and	CCONJ	CC	_	12	cc	_	_
12	Uganda	Uganda	PROPN	NNP	Number=Sing	10	conj	_	Entity=(5-place-new-nnnnn-cf5-1-sgl-Uganda)
13	with	with	ADP	IN	_	15	case	_	_
14	her	her	PRON	PRP$	_	15	nmod:poss	_	Entity=(6-person-new-nnnnn-cf6-1-sgl(1-person-giv:act-nnnnn-cf1-1-coref-Ana_Reyes)
15	aides	aide	NOUN	NNS	Number=Plur	9	obl	_	Entity=6)|SpaceAfter=No
16	.	.	PUNCT	.	_	9	punct	_	_

"""


@pytest.fixture()
def sentence(tmp_path):
    p = tmp_path / "s.conllu"
    p.write_text(ROWS, encoding="utf-8")
    (s,) = list(convert.read_conllu(p))
    return s


def test_mentions_are_read_with_their_types(sentence):
    got = {(a, b, t) for a, b, t, _ in convert.gum_mentions(sentence)}
    assert (9, 10, "place") in got and (11, 12, "place") in got       # single-token mentions
    assert (4, 8, "organization") in got and (7, 8, "place") in got   # nested mentions
    assert (13, 15, "person") in got and (13, 14, "person") in got    # "her aides", "her"


def test_named_mentions_become_uner_tags(sentence):
    tags = [t for _, t in convert.gum_ner(sentence, convert.TITLES | {"president"})]
    assert tags == ["O", "B-PER", "I-PER",                        # the title is left out, as in UNER
                    "O", "O", "B-ORG", "I-ORG", "I-ORG",          # the longer name wins over "Portsmouth"
                    "O", "B-LOC", "O", "B-LOC",                   # conjuncts stay separate entities
                    "O", "O", "O", "O"]                           # pronouns and common nouns are not names
